package io.datom.core.exceptions;

/** The data clone's HEAD points at a commit, not a branch; datom commits and pushes on the current branch only. */
public class DetachedHeadException extends DataRepoException {
  private static final long serialVersionUID = 1L;

  /** R's message, word for word (format §11). */
  public static final String MESSAGE = "HEAD is detached — datom requires a branch.";

  private final String repository;

  public DetachedHeadException(String repository) {
    super(MESSAGE);
    this.repository = repository;
  }

  /** The working tree of the clone whose HEAD is detached. */
  public String repository() {
    return repository;
  }
}
