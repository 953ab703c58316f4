package io.datom.core.exceptions;

/** A stored parquet object's bytes do not hash to the {@code parquet_sha} its version recorded. */
public class IntegrityCheckException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String key;
  private final String expectedSha;
  private final String actualSha;

  public IntegrityCheckException(String table, String key, String expectedSha, String actualSha) {
    // The first sentence is R's datom_read message, word for word.
    super("Stored parquet for " + table + " failed its integrity check. Key: " + key + "; expected parquet_sha "
        + expectedSha + ", actual " + actualSha + ". The object was changed after it was written: restore it from a "
        + "backup or the writer's copy, or write the version again.");
    this.table = table;
    this.key = key;
    this.expectedSha = expectedSha;
    this.actualSha = actualSha;
  }

  /** The table whose version was read. */
  public String table() {
    return table;
  }

  /** The logical key of the object, e.g. {@code dm/abc….parquet}. */
  public String key() {
    return key;
  }

  /** The {@code parquet_sha} recorded for the version. */
  public String expectedSha() {
    return expectedSha;
  }

  /** The SHA-256 of the bytes actually stored. */
  public String actualSha() {
    return actualSha;
  }
}
