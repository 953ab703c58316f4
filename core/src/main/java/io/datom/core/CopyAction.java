package io.datom.core;

/** What copying one key did at the destination store. */
public enum CopyAction {
  /** The key was absent at the destination and was created. */
  COPIED,
  /** The destination already held it (same size for an object, same bytes for a document): left as is. */
  PRESENT,
  /** A document (never an object) held other bytes at the destination and was replaced by the source's. */
  REPLACED
}
