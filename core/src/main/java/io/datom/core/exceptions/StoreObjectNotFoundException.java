package io.datom.core.exceptions;

/** An object that had to exist in the store does not. */
public class StoreObjectNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public StoreObjectNotFoundException(String store, String key) {
    this(store, key, "");
  }

  private StoreObjectNotFoundException(String store, String key, String detail) {
    super("No object at key '" + key + "' in store " + store + "." + detail);
    this.key = key;
  }

  /**
   * The parquet object of a table's version is missing: its metadata references an object the store no longer (or
   * never) held. The message says how to recover.
   */
  public static StoreObjectNotFoundException versionObject(String store, String key, String table, String version) {
    return new StoreObjectNotFoundException(store, key, " It is the parquet object of version " + version + " of"
        + " table " + table + ". Restore it from a backup (its parquet_sha is in the version's metadata), or"
        + " overwrite the table (mode(\"overwrite\"), INSERT OVERWRITE), which needs nothing of the missing object.");
  }

  /** The logical key that was looked up. */
  public String key() {
    return key;
  }
}
