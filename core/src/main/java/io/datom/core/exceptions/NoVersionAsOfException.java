package io.datom.core.exceptions;

import java.time.Instant;

/** A table was read as of an instant before its first version was written. */
public class NoVersionAsOfException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final Instant asOf;
  private final Instant firstVersionAt;

  public NoVersionAsOfException(String table, Instant asOf, Instant firstVersionAt) {
    super("Table " + table + " has no version as of " + asOf + ": its first version was written at "
        + firstVersionAt + ". Use an instant at or after that.");
    this.table = table;
    this.asOf = asOf;
    this.firstVersionAt = firstVersionAt;
  }

  /** The table that was read. */
  public String table() {
    return table;
  }

  /** The instant that was asked for. */
  public Instant asOf() {
    return asOf;
  }

  /** When the table's first version was written (its history timestamp). */
  public Instant firstVersionAt() {
    return firstVersionAt;
  }
}
