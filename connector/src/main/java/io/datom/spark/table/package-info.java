/**
 * The Spark tables a datom catalog loads: a version ({@link io.datom.spark.table.DatomSparkTable}), a history
 * ({@link io.datom.spark.table.HistoryTable}), a table about to be created or replaced, a damaged one; and the write
 * builders Spark plans writes with, which hand the write to {@code io.datom.spark.write}.
 */
package io.datom.spark.table;
