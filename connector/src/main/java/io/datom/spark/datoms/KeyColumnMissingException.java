package io.datom.spark.datoms;

import io.datom.core.exceptions.DatomException;
import java.util.List;

/** A column of the entity key is not a column of one of the versions compared. Names the column and the version. */
public final class KeyColumnMissingException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String column;
  private final String version;

  KeyColumnMissingException(String column, String version, List<String> columns) {
    super("Key column " + column + " is not a column of " + version + ", so its rows cannot be matched by key. Its "
        + "columns are: " + String.join(", ", columns) + ". Choose key columns every compared version has.");
    this.column = column;
    this.version = version;
  }

  /** The key column that is missing. */
  public String column() {
    return column;
  }

  /** The version that lacks it, as described in the message (e.g. {@code lb at 3f2a9c1…}). */
  public String version() {
    return version;
  }
}
