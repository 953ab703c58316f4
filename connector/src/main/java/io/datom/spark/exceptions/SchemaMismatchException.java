package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;
import java.util.List;

/**
 * An append's rows do not have the table's columns: an append adds rows to the current version, so the columns
 * (names and types) must be the current version's. Names the table and both column lists.
 */
public final class SchemaMismatchException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final List<String> tableColumns;
  private final List<String> writtenColumns;

  public SchemaMismatchException(String table, List<String> tableColumns, List<String> writtenColumns, String problem) {
    super("Cannot append to " + table + ": " + problem + ". Its current version has the columns " + tableColumns
        + " and the DataFrame has " + writtenColumns + ". Select and cast the columns to match, or write the whole "
        + "table with mode(\"overwrite\") to change its columns.");
    this.table = table;
    this.tableColumns = List.copyOf(tableColumns);
    this.writtenColumns = List.copyOf(writtenColumns);
  }

  /** The table appended to. */
  public String table() {
    return table;
  }

  /** The current version's columns, as {@code name type}. */
  public List<String> tableColumns() {
    return tableColumns;
  }

  /** The DataFrame's columns, as {@code name type}. */
  public List<String> writtenColumns() {
    return writtenColumns;
  }
}
