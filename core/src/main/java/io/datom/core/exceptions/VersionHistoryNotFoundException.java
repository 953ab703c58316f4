package io.datom.core.exceptions;

/** A table's {@code version_history.json} is missing or empty in the store, so no version can be resolved. */
public class VersionHistoryNotFoundException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String store;

  public VersionHistoryNotFoundException(String table, String store) {
    // "No version history found" is R's datom_read message.
    super("No version history found for " + table + " in store " + store + ". The table's metadata was not fully "
        + "mirrored to the store, or the file was removed. Repair the store from git: in Spark SQL"
        + " SELECT * FROM datom_validate('<catalog>', true), in Java DatomProjects.validate(spark, \"<catalog>\", true)"
        + " or core's ProjectValidator.validate(options, true); or overwrite the table.");
    this.table = table;
    this.store = store;
  }

  /** The table whose history is missing. */
  public String table() {
    return table;
  }

  /** The store, as described in messages. */
  public String store() {
    return store;
  }
}
