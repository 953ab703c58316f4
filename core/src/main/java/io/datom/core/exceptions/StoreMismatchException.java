package io.datom.core.exceptions;

import io.datom.core.store.StoreLocation;
import java.util.Optional;

/**
 * The store given for a project is not the one its {@code .datom/project.yaml} names (format §1.2: the roots must be
 * equal and the prefixes equal after R's normalisation). Nothing was written.
 */
public class StoreMismatchException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String configuredRoot;
  private final String configuredPrefix;
  private final transient StoreLocation given;

  /**
   * @param configuredRoot   {@code storage.data.root} of {@code project.yaml}
   * @param configuredPrefix its normalised {@code storage.data.prefix}, empty for none
   * @param given            the store that was supplied
   */
  public StoreMismatchException(String configuredRoot, Optional<String> configuredPrefix, StoreLocation given) {
    super(message(configuredRoot, configuredPrefix, given));
    this.configuredRoot = configuredRoot;
    this.configuredPrefix = configuredPrefix.orElse(null);
    this.given = given;
  }

  /** The root recorded in {@code project.yaml}. */
  public String configuredRoot() {
    return configuredRoot;
  }

  /** The prefix recorded in {@code project.yaml}, or empty for none. */
  public Optional<String> configuredPrefix() {
    return Optional.ofNullable(configuredPrefix);
  }

  /** The location of the store that was supplied. */
  public StoreLocation given() {
    return given;
  }

  // R's wording (datom_get_conn): the root is compared first, then the prefix.
  private static String message(String configuredRoot, Optional<String> configuredPrefix, StoreLocation given) {
    if (!configuredRoot.equals(given.root())) {
      return "Store/config mismatch: store data root is \"" + given.root() + "\" but project.yaml says \""
          + configuredRoot + "\". Ensure the store matches the project configuration.";
    }
    String givenPrefix = given.prefix() == null || given.prefix().isEmpty() ? "<none>" : given.prefix();
    return "Store/config mismatch: store data prefix is \"" + givenPrefix + "\" but project.yaml says \""
        + configuredPrefix.orElse("<none>") + "\". Ensure the store matches the project configuration. Two projects"
        + " can share a bucket under different prefixes.";
  }
}
