/**
 * Reading datom versions: a version's one parquet object scanned by Spark's own parquet machinery
 * ({@link io.datom.spark.read.StoredVersion}), the integrity check before a scan, and a table's history as a small
 * local scan. Spark's tables over them are in {@code io.datom.spark.table}.
 */
package io.datom.spark.read;
