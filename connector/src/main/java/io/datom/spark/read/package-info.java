/**
 * Spark tables for datom versions and histories. A version is scanned by Spark's own parquet machinery over its one
 * object ({@link io.datom.spark.table.DatomSparkTable}); a history is a small local table
 * ({@link io.datom.spark.table.HistoryTable}).
 */
package io.datom.spark.read;
