package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hashes one table with datom-cv1, column by column (format §5, §14.1). Creating it checks the schema; each column
 * then has its own hasher, fed in row order, independently of the others (one pass over rows or one column at a time,
 * whichever suits the engine); {@link #finish()} returns the {@link TableHash}.
 *
 * <pre>{@code
 * TableHasher table = TableHasher.forColumns(specs);       // refuses bad types and names up front
 * TypedColumnHasher aval = table.column(3);
 * StringColumnHasher usubjid = table.stringColumn(0);      // two phases: mask, then values
 * ... feed every column ...
 * TableHash hash = table.finish();                          // refuses bad values, all columns at once
 * }</pre>
 *
 * <p>Every refusal is one {@link UnhashableColumnsException} naming every offending column: the schema's at creation,
 * the values' (and an empty table) at {@link #finish()}. Not thread-safe; distinct columns may be fed from distinct
 * threads, and {@link #finish()} called once they are all done.
 */
public final class TableHasher {
  private final List<ColumnSpec> columns;
  private final List<ColumnHasher> hashers;

  private TableHasher(List<ColumnSpec> columns, int bufferSize) {
    this.columns = columns;
    this.hashers = new ArrayList<>(columns.size());
    for (ColumnSpec column : columns) {
      hashers.add(column.type().kind() == ColumnType.Kind.STRING
          ? new StringColumnHasher(column.name(), bufferSize)
          : TypedColumnHasher.forColumn(column, bufferSize));
    }
  }

  /**
   * Starts hashing a table with these columns, in this order.
   *
   * @throws UnhashableColumnsException naming every column of an unsupported type, with an empty name or with a
   *     duplicated name; or, with no offenders, if there are no columns
   */
  public static TableHasher forColumns(List<ColumnSpec> columns) {
    return forColumns(columns, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  static TableHasher forColumns(List<ColumnSpec> columns, int bufferSize) {
    List<ColumnSpec> copy = List.copyOf(Objects.requireNonNull(columns, "columns"));
    if (copy.isEmpty()) {
      throw UnhashableColumnsException.emptyTable();
    }
    List<Offender> offenders = SchemaRefusals.of(copy);
    if (!offenders.isEmpty()) {
      throw new UnhashableColumnsException(offenders);
    }
    return new TableHasher(copy, bufferSize);
  }

  /** The columns, in order. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * The hasher of a non-string column.
   *
   * @throws IllegalArgumentException if the column is a string column
   */
  public TypedColumnHasher column(int index) {
    if (hashers.get(index) instanceof TypedColumnHasher typed) {
      return typed;
    }
    throw new IllegalArgumentException(
        "Column " + columns.get(index).name() + " is a string column: use stringColumn(" + index + ")");
  }

  /**
   * The two-phase hasher of a string column.
   *
   * @throws IllegalArgumentException if the column is not a string column
   */
  public StringColumnHasher stringColumn(int index) {
    if (hashers.get(index) instanceof StringColumnHasher string) {
      return string;
    }
    throw new IllegalArgumentException("Column " + columns.get(index).name() + " is "
        + columns.get(index).type().typeName() + ", not a string column: use column(" + index + ")");
  }

  /**
   * Ends every column and combines them into the table's hash.
   *
   * @throws UnhashableColumnsException naming every column that was fed a refused value, or, with no offenders, if
   *     the table has no rows
   * @throws IllegalStateException if the columns were fed different numbers of rows, or a string column is
   *     incomplete
   */
  public TableHash finish() {
    long nrow = hashers.get(0).rowCount();
    for (ColumnHasher hasher : hashers) {
      if (hasher.rowCount() != nrow) {
        throw new IllegalStateException("The columns of the table were fed different numbers of rows: column "
            + hashers.get(0).name() + " has " + nrow + ", column " + hasher.name() + " has " + hasher.rowCount());
      }
    }
    if (nrow == 0) {
      throw UnhashableColumnsException.emptyTable();
    }
    List<Offender> offenders = new ArrayList<>();
    for (ColumnHasher hasher : hashers) {
      hasher.refusal().ifPresent(offenders::add);
    }
    if (!offenders.isEmpty()) {
      throw new UnhashableColumnsException(offenders);
    }
    List<ColumnHash> columnHashes = new ArrayList<>(hashers.size());
    for (ColumnHasher hasher : hashers) {
      columnHashes.add(hasher.finish());
    }
    return TableHash.ofColumnHashes(nrow, columnHashes);
  }
}
