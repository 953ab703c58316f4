package io.datom.core.exceptions;

/** A store given to a reader holds no datom project: its {@code .metadata/manifest.json} is missing. */
public class NotADatomStoreException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String store;

  public NotADatomStoreException(String store) {
    super("No datom project in store " + store + ": datom/.metadata/manifest.json is missing. Check the store path: "
        + "it is the project's root plus prefix (the folder or bucket prefix that contains datom/), and the "
        + "credentials can see it.");
    this.store = store;
  }

  /** The store, as described in messages. */
  public String store() {
    return store;
  }
}
