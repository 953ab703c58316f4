package io.datom.core.exceptions;

/** A git remote that was opened as a datom project is empty: no project has been created there yet. */
public class ProjectNotFoundException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String remote;

  public ProjectNotFoundException(String remote) {
    super("No datom project at " + remote + ": the repository has no commits. Create the project first.");
    this.remote = remote;
  }

  /** The git remote that was cloned. */
  public String remote() {
    return remote;
  }
}
