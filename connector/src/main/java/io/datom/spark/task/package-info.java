/**
 * What a write's executors run, and what they send back: part files written with Spark's parquet writer, column
 * digests, the object joined from the parts and placed at its content address. Serializable; executors only read and
 * write parquet.
 */
package io.datom.spark.task;
