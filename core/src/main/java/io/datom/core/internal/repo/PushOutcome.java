package io.datom.core.internal.repo;

/** How a push of the current branch ended, when it did not fail outright. */
public enum PushOutcome {
  /** The remote branch now points at the local commit (or already did). */
  OK,
  /**
   * The remote refused because it moved on: someone else pushed first. Bring the clone to the remote state
   * ({@link DataRepo#resetToRemote()}), recompute, commit and push again.
   */
  REJECTED,
  /**
   * The remote could not lock the branch's ref. A concurrent push holds that lock for a moment, and then the branch
   * moves; a lock file left by a push that died holds it for good, and the branch does not move. The caller tells
   * them apart by watching the branch.
   */
  LOCKED
}
