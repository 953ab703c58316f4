/**
 * datom's SQL functions, registered in every session by {@link io.datom.spark.DatomSparkSessionExtensions}: each is a
 * {@link io.datom.spark.sql.DatomTableFunction} that turns its constant arguments
 * ({@link io.datom.spark.sql.FunctionArguments}) into a plan, usually by calling the public Java API that offers the
 * same operation, so that SQL, PySpark and Java give the same rows.
 */
package io.datom.spark.sql;
