package io.datom.core.exceptions;

/**
 * A copy refused to touch a parquet object because the destination store already holds a different object at the
 * same key (its size differs). Objects are immutable and content-addressed, so a copy never overwrites one: the
 * destination holds something that is not this project's version. Nothing was overwritten.
 */
public class ObjectConflictException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String store;
  private final String key;
  private final long sourceBytes;
  private final long destinationBytes;

  public ObjectConflictException(String store, String key, long sourceBytes, long destinationBytes) {
    super("The destination store " + store + " already holds a different object at '" + key + "' (" + destinationBytes
        + " bytes; the source's has " + sourceBytes + "). A copy never overwrites an object: check that the "
        + "destination belongs to this project, then delete that object by hand (or copy to another prefix) and "
        + "copy again.");
    this.store = store;
    this.key = key;
    this.sourceBytes = sourceBytes;
    this.destinationBytes = destinationBytes;
  }

  /** The destination store. */
  public String store() {
    return store;
  }

  /** The logical key of the object, e.g. {@code dm/3f2a….parquet}. */
  public String key() {
    return key;
  }

  /** The size of the source's object. */
  public long sourceBytes() {
    return sourceBytes;
  }

  /** The size of the object already at the destination. */
  public long destinationBytes() {
    return destinationBytes;
  }
}
