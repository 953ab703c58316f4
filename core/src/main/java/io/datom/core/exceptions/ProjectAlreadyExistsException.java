package io.datom.core.exceptions;

/** Creating a project was refused because its git remote already has commits. Nothing was written. */
public class ProjectAlreadyExistsException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String remote;

  public ProjectAlreadyExistsException(String remote) {
    super("Cannot create a datom project at " + remote + ": the repository already has commits. Open the existing"
        + " project instead, or create the project in an empty repository.");
    this.remote = remote;
  }

  /** The git remote. */
  public String remote() {
    return remote;
  }
}
