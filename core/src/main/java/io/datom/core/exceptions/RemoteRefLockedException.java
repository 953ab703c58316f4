package io.datom.core.exceptions;

import java.time.Duration;

/**
 * The git remote refused to update the branch because its ref is locked, and the branch did not move while the write
 * waited: a lock file that a push which died left behind ({@code refs/heads/{branch}.lock}), not another writer. Nothing
 * of this write was recorded.
 */
public class RemoteRefLockedException extends DataRepoException {
  private static final long serialVersionUID = 1L;
  private final String remote;
  private final String branch;

  public RemoteRefLockedException(String remote, String branch, Duration waited) {
    super("The git remote " + remote + " refuses to update branch '" + branch + "': its ref is locked"
        + " and the branch has not moved for " + waited.toSeconds() + " s, so no other push holds"
        + " the lock. A push that died left the lock file refs/heads/" + branch + ".lock in the remote repository."
        + " Nothing was recorded. If no push is running, delete that file on the git server (for a file:// remote,"
        + " in the repository's directory) and re-run the write.");
    this.remote = remote;
    this.branch = branch;
  }

  /** The remote, without user info. */
  public String remote() {
    return remote;
  }

  /** The locked branch. */
  public String branch() {
    return branch;
  }
}
