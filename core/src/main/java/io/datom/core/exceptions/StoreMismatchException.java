package io.datom.core.exceptions;

import java.util.Optional;

/**
 * The store given for a project is not the one its {@code .datom/project.yaml} names (format §1.2: the roots must be
 * equal and the prefixes equal after R's normalisation). Nothing was written.
 */
public class StoreMismatchException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String configuredRoot;
  private final String configuredPrefix;
  private final String givenRoot;
  private final String givenPrefix;

  /**
   * @param configuredRoot   {@code storage.data.root} of {@code project.yaml}
   * @param configuredPrefix its normalised {@code storage.data.prefix}, empty for none
   * @param givenRoot        the root of the store that was supplied
   * @param givenPrefix      its prefix, empty for none
   */
  public StoreMismatchException(String configuredRoot, Optional<String> configuredPrefix, String givenRoot,
      Optional<String> givenPrefix) {
    super(message(configuredRoot, configuredPrefix, givenRoot, givenPrefix));
    this.configuredRoot = configuredRoot;
    this.configuredPrefix = configuredPrefix.orElse(null);
    this.givenRoot = givenRoot;
    this.givenPrefix = givenPrefix.filter(prefix -> !prefix.isEmpty()).orElse(null);
  }

  /** The root recorded in {@code project.yaml}. */
  public String configuredRoot() {
    return configuredRoot;
  }

  /** The prefix recorded in {@code project.yaml}, or empty for none. */
  public Optional<String> configuredPrefix() {
    return Optional.ofNullable(configuredPrefix);
  }

  /** The root of the store that was supplied. */
  public String givenRoot() {
    return givenRoot;
  }

  /** The prefix of the store that was supplied, or empty for none. */
  public Optional<String> givenPrefix() {
    return Optional.ofNullable(givenPrefix);
  }

  // R's wording (datom_get_conn): the root is compared first, then the prefix.
  private static String message(String configuredRoot, Optional<String> configuredPrefix, String givenRoot,
      Optional<String> givenPrefix) {
    if (!configuredRoot.equals(givenRoot)) {
      return "Store/config mismatch: store data root is \"" + givenRoot + "\" but project.yaml says \""
          + configuredRoot + "\". Ensure the store matches the project configuration.";
    }
    String shownPrefix = givenPrefix.filter(prefix -> !prefix.isEmpty()).orElse("<none>");
    return "Store/config mismatch: store data prefix is \"" + shownPrefix + "\" but project.yaml says \""
        + configuredPrefix.orElse("<none>") + "\". Ensure the store matches the project configuration. Two projects"
        + " can share a bucket under different prefixes.";
  }
}
