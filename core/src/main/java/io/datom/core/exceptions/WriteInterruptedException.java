package io.datom.core.exceptions;

/**
 * A write was interrupted while it waited to retry a rejected push. Nothing of the interrupted attempt is referenced
 * by git; re-running the write is safe.
 */
public class WriteInterruptedException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;

  public WriteInterruptedException(String table, InterruptedException cause) {
    super("The write of table '" + table + "' was interrupted while waiting to retry its push. Nothing was recorded;"
        + " re-run the write.", cause);
    this.table = table;
  }

  /** The table that was being written. */
  public String table() {
    return table;
  }
}
