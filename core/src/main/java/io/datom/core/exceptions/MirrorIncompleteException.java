package io.datom.core.exceptions;

/**
 * The store mirror could not be brought level with git because other writers kept pushing while it was being
 * written. Git is the record and holds everything that was committed; readers of the store may see an older current
 * version until the next write to the table or a validation with {@code fix = true}.
 */
public class MirrorIncompleteException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String subject;
  private final int rounds;

  /**
   * @param subject what was being mirrored, e.g. {@code table 'dm' (version 3f2a…, committed as 9c1d…)}
   * @param rounds  how many times the mirror was written
   */
  public MirrorIncompleteException(String subject, int rounds) {
    super("The store mirror of " + subject + " was still behind git after " + rounds + " rounds because other"
        + " writers kept pushing. Everything committed is safe in git; run validation with fix = true, or write"
        + " the table again, to bring the store level with git.");
    this.subject = subject;
    this.rounds = rounds;
  }

  /**
   * The store failed while the mirror was being written, after the version was committed.
   *
   * @param subject what was being mirrored
   * @param cause   the store's failure
   */
  public MirrorIncompleteException(String subject, StoreException cause) {
    super("The version is committed in git, but the store mirror of " + subject + " could not be written: "
        + cause.getMessage() + " Readers of the store see the previous state, never an older one. The next write to"
        + " the project, or validation with fix = true, brings the store level with git.", cause);
    this.subject = subject;
    this.rounds = 0;
  }

  /** What was being mirrored. */
  public String subject() {
    return subject;
  }

  /** How many times the mirror was written before giving up. */
  public int rounds() {
    return rounds;
  }
}
