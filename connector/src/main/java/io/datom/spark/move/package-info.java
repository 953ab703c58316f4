/**
 * Moving a project between stores with Spark: the copy and its verification as Spark jobs (one task per parquet
 * object), then the switch of the project's data store in git. Sits beside {@code validate}: above {@code read} (for
 * job descriptions), {@code task}, {@code store} and {@code options}.
 */
package io.datom.spark.move;
