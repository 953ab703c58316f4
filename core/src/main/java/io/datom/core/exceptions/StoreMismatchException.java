package io.datom.core.exceptions;

import io.datom.core.store.StoreLocation;

/**
 * The store given to a writer is not the one the project's {@code .datom/project.yaml} names (format §1.2: roots must
 * be equal, prefixes equal after normalisation). Nothing was written.
 */
public class StoreMismatchException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final transient StoreLocation configured;
  private final transient StoreLocation given;

  public StoreMismatchException(String project, StoreLocation configured, StoreLocation given) {
    super(message(project, configured, given));
    this.configured = configured;
    this.given = given;
  }

  /** The location recorded in {@code project.yaml}. */
  public StoreLocation configured() {
    return configured;
  }

  /** The location of the store that was supplied. */
  public StoreLocation given() {
    return given;
  }

  private static String message(String project, StoreLocation configured, StoreLocation given) {
    // R's wording (datom_get_conn), root first, then prefix.
    String mismatch = !configured.root().equals(given.root())
        ? "store data root is \"" + given.root() + "\" but project.yaml says \"" + configured.root() + "\"."
        : "store data prefix is \"" + given.normalizedPrefix().orElse("<none>") + "\" but project.yaml says \""
            + configured.normalizedPrefix().orElse("<none>") + "\".";
    return "Store/config mismatch: " + mismatch + " Ensure the store matches the project configuration of project '"
        + project + "'.";
  }
}
