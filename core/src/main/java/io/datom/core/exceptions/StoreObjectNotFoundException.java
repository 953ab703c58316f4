package io.datom.core.exceptions;

/** An object that had to exist in the store does not. */
public class StoreObjectNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public StoreObjectNotFoundException(String store, String key) {
    super("No object at key '" + key + "' in store " + store + ".");
    this.key = key;
  }

  /** The logical key that was looked up. */
  public String key() {
    return key;
  }
}
