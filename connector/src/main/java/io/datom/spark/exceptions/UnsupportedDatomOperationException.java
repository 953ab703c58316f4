package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;

/**
 * A statement a datom catalog or table does not support, because datom versions are immutable and a table exists from
 * its first version on: {@code ALTER}, {@code DROP}, {@code RENAME}, {@code UPDATE}, {@code DELETE}, {@code MERGE},
 * {@code TRUNCATE}, namespace changes, a table created or replaced without data, a write to a table's history. The
 * message names the table and the write that does what was meant. Refused before anything is written.
 */
public final class UnsupportedDatomOperationException extends DatomException {
  private static final long serialVersionUID = 1L;

  /** What a user does instead of changing rows in place. */
  private static final String WRITE_A_VERSION = "write a new version instead: INSERT OVERWRITE (or"
      + " df.write().format(\"datom\").mode(\"overwrite\")) with the rows the table should hold, or INSERT INTO to add"
      + " rows";

  private final String operation;

  public UnsupportedDatomOperationException(String operation, String message) {
    super(message);
    this.operation = operation;
  }

  /** An in-place change of rows ({@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code TRUNCATE}) of {@code table}. */
  public static UnsupportedDatomOperationException rowLevel(String operation, String table) {
    return new UnsupportedDatomOperationException(operation, "Cannot " + operation + " datom table " + table
        + ": its versions are immutable, so rows cannot be changed in place. Compute the new rows with a query and "
        + WRITE_A_VERSION + ".");
  }

  /** Emptying {@code table} ({@code TRUNCATE TABLE}, {@code DELETE} without a condition). */
  public static UnsupportedDatomOperationException truncate(String table) {
    return new UnsupportedDatomOperationException("TRUNCATE", "Cannot empty datom table " + table + " (TRUNCATE"
        + " TABLE, or DELETE without WHERE): its versions are immutable, and a version has at least one row. To"
        + " change what the table holds, " + WRITE_A_VERSION + ".");
  }

  /** The statement refused, e.g. {@code UPDATE}, {@code DROP TABLE}. */
  public String operation() {
    return operation;
  }
}
