package io.datom.core.exceptions;

import java.util.List;
import java.util.Map;

/**
 * The copy of a project to another store did not verify: a key is missing at the destination, has another size, a
 * document differs, or an object does not hash to its recorded {@code parquet_sha}. The project's data store was not
 * switched; its readers and writers still use the source.
 */
public class CopyVerificationException extends DatomException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 10;
  private final String destination;
  private final Map<String, String> failures;

  /**
   * @param destination the destination store
   * @param failures    the issue of each failed key, by logical key, in the order found
   */
  public CopyVerificationException(String destination, Map<String, String> failures) {
    super(message(destination, failures));
    this.destination = destination;
    this.failures = Map.copyOf(failures);
  }

  private static String message(String destination, Map<String, String> failures) {
    List<String> listed = failures.entrySet().stream().limit(LISTED)
        .map(e -> "'" + e.getKey() + "': " + e.getValue()).toList();
    String more = failures.size() > LISTED ? "; and " + (failures.size() - LISTED) + " more" : "";
    return "The copy at " + destination + " did not verify (" + failures.size() + " key"
        + (failures.size() == 1 ? "" : "s") + "): " + String.join("; ", listed) + more + ". The project's data store "
        + "was not switched. Copy again (a copy completes what is missing and replaces differing documents; a "
        + "damaged object must be deleted at the destination first), then verify again.";
  }

  /** The destination store. */
  public String destination() {
    return destination;
  }

  /** What is wrong with each failed key, by logical key. */
  public Map<String, String> failures() {
    return failures;
  }
}
