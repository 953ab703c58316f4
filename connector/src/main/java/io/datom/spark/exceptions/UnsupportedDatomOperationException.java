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

  /** A write to the history of {@code table}, which is read-only. */
  public static UnsupportedDatomOperationException historyReadOnly(String table) {
    return new UnsupportedDatomOperationException("write", "Cannot write " + table + ".history: a table's history is"
        + " read-only, and grows by one entry with each write of the table. Write to table " + table + " instead.");
  }

  /** A change of tables or namespaces ({@code ALTER}, {@code DROP}, {@code RENAME}, ...) in {@code catalog}. */
  public static UnsupportedDatomOperationException immutable(String statement, String operation, String catalog) {
    return new UnsupportedDatomOperationException(statement,
        "Cannot " + operation + " in catalog " + catalog + ": datom versions are immutable. Tables are created and "
            + "versioned by writes (INSERT, CREATE TABLE AS SELECT, format(\"datom\") saves, or the R package).");
  }

  /** {@code CREATE TABLE} without data: a table exists from its first version on. */
  public static UnsupportedDatomOperationException createWithoutData(String table, String catalog) {
    return new UnsupportedDatomOperationException("CREATE TABLE", "Cannot create table " + table + " without data in"
        + " catalog " + catalog + ": a datom table exists from its first version on. Create it with its data instead:"
        + " CREATE TABLE ... AS SELECT, df.writeTo(...).create(), or df.write().format(\"datom\").save(...).");
  }

  /** A staged table ({@code CREATE} or {@code REPLACE TABLE} without {@code AS SELECT}) committed without rows. */
  public static UnsupportedDatomOperationException stagedWithoutData(boolean replaces, String table, String store) {
    return new UnsupportedDatomOperationException(replaces ? "REPLACE TABLE" : "CREATE TABLE", "Cannot "
        + (replaces ? "replace" : "create") + " table " + table + " in " + store
        + " without data: a datom table is its versions, and a version is made of rows. Nothing was changed."
        + " Give the rows: REPLACE TABLE ... AS SELECT, CREATE TABLE ... AS SELECT, or"
        + " df.writeTo(...).createOrReplace().");
  }

  /** A write to an identifier that names no datom table in {@code catalog}. */
  public static UnsupportedDatomOperationException notATable(String ident, String catalog) {
    return new UnsupportedDatomOperationException("write",
        "Cannot write " + ident + " in catalog " + catalog + ": it does not name a datom table.");
  }

  /** The statement refused, e.g. {@code UPDATE}, {@code DROP TABLE}. */
  public String operation() {
    return operation;
  }
}
