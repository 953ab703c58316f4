/**
 * Writing datom versions from Spark: {@code df.write().format("datom")} and writes through a
 * {@link io.datom.spark.DatomCatalog}. Spark plans a write through {@link io.datom.spark.table.DatomWriteBuilder},
 * whose V1 fallback hands the query to the driver as a DataFrame; {@code SparkTableWrite} then runs the parts job,
 * the hash job (one task per column) and core's write protocol, placing the one parquet object only when the version
 * needs it. The result of every write is logged in one line and returned by
 * {@link io.datom.spark.write.DatomWrites#lastResult()}. Options: {@link io.datom.spark.options.DatomWriteOptions}.
 */
package io.datom.spark.write;
