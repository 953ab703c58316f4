package io.datom.core.exceptions;

/**
 * A git operation on the project's data repository failed: the clone is unusable, the remote cannot be reached, or a
 * push failed for a reason other than someone else pushing first. Messages name the repository and the remote, never
 * a token.
 */
public class DataRepoException extends DatomException {
  private static final long serialVersionUID = 1L;

  public DataRepoException(String message) {
    super(message);
  }

  public DataRepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
