package io.datom.core.exceptions;

/**
 * A write gave up because every one of its pushes was rejected: other writers kept pushing to the data repo first.
 * Nothing of this write is referenced by git; re-running it is safe.
 */
public class ConcurrentWriteException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final int attempts;

  public ConcurrentWriteException(String table, int attempts, String remote) {
    super("Could not write table '" + table + "': the push to " + remote + " was rejected " + attempts
        + " times because other writers pushed first. Nothing was recorded; re-run the write, or allow more"
        + " attempts in the writer's retry policy.");
    this.table = table;
    this.attempts = attempts;
  }

  /** The table that was being written. */
  public String table() {
    return table;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
