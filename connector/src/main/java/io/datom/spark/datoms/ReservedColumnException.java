package io.datom.spark.datoms;

import io.datom.core.exceptions.DatomException;

/** A compared version has a column whose name the result needs for its own column (such as {@code added}). */
public final class ReservedColumnException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String column;

  ReservedColumnException(String column, String version) {
    super(version + " has a column named " + column + ", which the changes use for their own column. Compare "
        + "DataFrames with that column renamed, e.g. with Datoms.between(before, after, key) or DatomChanges.");
    this.column = column;
  }

  /** The column name that clashes. */
  public String column() {
    return column;
  }
}
