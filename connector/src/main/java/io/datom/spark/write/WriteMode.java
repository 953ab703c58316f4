package io.datom.spark.write;

/** What a write makes of the table's current version. */
public enum WriteMode {
  /** The new version is exactly the written rows, whatever is current (R's {@code datom_write}). */
  OVERWRITE,
  /** The new version is exactly the written rows, and the table must still have no version when it commits. */
  CREATE,
  /** The new version is the current version's rows followed by the written rows. */
  APPEND
}
