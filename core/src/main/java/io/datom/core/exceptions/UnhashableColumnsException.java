package io.datom.core.exceptions;

import java.util.List;
import java.util.Objects;

/**
 * A table cannot be given a {@code data_sha} (format §5.4, §14.1): some columns have a type or a value the datom-cv1
 * hash cannot represent without two different tables sharing an identity, or the table has no rows or no columns.
 *
 * <p>Raised once, before anything is written, naming every offending column with its type and what to do about it:
 *
 * <pre>
 * Cannot compute `data_sha`: 2 columns are not hashable.
 *   x Column payload (binary): Binary columns are not hashable. ...
 *   x Column n (int): holds -2147483648 (row 7), ...
 * </pre>
 *
 * An empty table carries no offenders and R's own message, "`data` must have at least one row and one column.".
 */
public final class UnhashableColumnsException extends DatomException {
  private static final long serialVersionUID = 1L;

  /**
   * One column that cannot be hashed.
   *
   * @param column the column name, verbatim
   * @param type the engine's name for the column type, e.g. {@code decimal(20,2)} or {@code binary}
   * @param recourse why it cannot be hashed and how to make it hashable
   */
  public record Offender(String column, String type, String recourse) {
    public Offender {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(recourse, "recourse");
    }

    /** The message line for this column: {@code Column {name} ({type}): {recourse}}. */
    public String bullet() {
      return "Column " + column + " (" + type + "): " + recourse;
    }
  }

  private static final String EMPTY_TABLE_MESSAGE = "`data` must have at least one row and one column.";

  private final List<Offender> offenders;

  /** Refuses the columns listed, in column order; there must be at least one. */
  public UnhashableColumnsException(List<Offender> offenders) {
    super(message(offenders));
    this.offenders = List.copyOf(offenders);
  }

  private UnhashableColumnsException(String message) {
    super(message);
    this.offenders = List.of();
  }

  /** Refuses a table with no rows or no columns, in R's words. */
  public static UnhashableColumnsException emptyTable() {
    return new UnhashableColumnsException(EMPTY_TABLE_MESSAGE);
  }

  /** The offending columns in column order; empty when the refusal is of an empty table. */
  public List<Offender> offenders() {
    return offenders;
  }

  private static String message(List<Offender> offenders) {
    if (offenders.isEmpty()) {
      throw new IllegalArgumentException("An unhashable-columns refusal needs at least one offending column");
    }
    int n = offenders.size();
    StringBuilder message = new StringBuilder("Cannot compute `data_sha`: ")
        .append(n)
        .append(n == 1 ? " column is" : " columns are")
        .append(" not hashable.");
    for (Offender offender : offenders) {
      message.append("\n  x ").append(offender.bullet());
    }
    return message.toString();
  }
}
