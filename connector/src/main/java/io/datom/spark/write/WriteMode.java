package io.datom.spark.write;

/** What a write makes of the table's current version. */
enum WriteMode {
  /** The new version is exactly the written rows (R's {@code datom_write}). */
  OVERWRITE,
  /** The new version is the current version's rows followed by the written rows. */
  APPEND
}
