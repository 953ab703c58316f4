package io.datom.core.internal.repo;

/** How one commit relates to another in a clone's history (see {@link DataRepo#order}). */
public enum CommitOrder {
  /** The same commit. */
  SAME,
  /** The first is an ancestor of the second: older. */
  ANCESTOR,
  /** The first descends from the second: newer. */
  DESCENDANT,
  /** The clone lacks one of them, or neither descends from the other. */
  UNKNOWN
}
