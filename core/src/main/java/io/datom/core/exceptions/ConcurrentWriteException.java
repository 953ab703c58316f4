package io.datom.core.exceptions;

import java.time.Duration;

/**
 * A write gave up because its pushes kept being rejected until its retry deadline passed: other writers kept pushing
 * to the data repo first. Nothing of this write is referenced by git; re-running it is safe.
 */
public class ConcurrentWriteException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final int attempts;
  private final Duration elapsed;

  public ConcurrentWriteException(String table, int attempts, Duration elapsed, String remote) {
    super("Could not write table '" + table + "': the push to " + remote + " was rejected " + attempts
        + " times in " + elapsed.toSeconds() + " s because other writers pushed first, and the retry deadline has"
        + " passed. Nothing was recorded; re-run the write, or give writers a longer deadline (RetryPolicy.within"
        + " in core, option 'retryDeadline' in Spark).");
    this.table = table;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** The table that was being written. */
  public String table() {
    return table;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** How long the write kept trying. */
  public Duration elapsed() {
    return elapsed;
  }
}
