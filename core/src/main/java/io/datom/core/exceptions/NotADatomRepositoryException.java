package io.datom.core.exceptions;

/** A git remote that was opened as a datom project has commits but no {@code .datom/project.yaml}. */
public class NotADatomRepositoryException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String remote;

  public NotADatomRepositoryException(String remote) {
    super("Cloned repository is not a datom repository: " + remote + " has no .datom/project.yaml. Check the"
        + " remote URL, or create a datom project in an empty repository.");
    this.remote = remote;
  }

  /** The git remote that was cloned. */
  public String remote() {
    return remote;
  }
}
