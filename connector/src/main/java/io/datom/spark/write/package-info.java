/**
 * Writing a datom version from Spark, on the driver: {@code SparkTableWrite} runs the parts job, the hash job (one
 * task per column) and core's write protocol, placing the one parquet object only when the version needs it
 * (executor code: {@code io.datom.spark.task}; Spark's write builders: {@code io.datom.spark.table}). The result of
 * every write is logged in one line and returned by {@link io.datom.spark.write.DatomWrites#lastResult()}; its steps
 * can be watched with {@link io.datom.spark.write.DatomWrites#observe}. Settings:
 * {@link io.datom.spark.options.WriteSettings}.
 */
package io.datom.spark.write;
