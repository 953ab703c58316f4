package io.datom.core.repo;

/** How a {@link DataRepo#push()} ended, when it did not fail outright. */
public enum PushOutcome {
  /** The remote branch now points at the local commit (or already did). */
  OK,
  /**
   * The remote refused because it moved on: someone else pushed first. Bring the clone to the remote state
   * ({@link DataRepo#resetToRemote()}), recompute, commit and push again.
   */
  REJECTED
}
