package io.datom.spark.datoms;

import io.datom.core.exceptions.DatomException;
import java.util.List;

/**
 * The entity key does not identify one row in a version: some key values occur on several rows. Names the version,
 * how many key values repeat, and a few of them (key values are identifiers, such as {@code USUBJID}, never other
 * cells).
 */
public final class KeyNotUniqueException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final List<String> key;
  private final String version;
  private final long duplicateKeys;
  private final List<String> examples;

  KeyNotUniqueException(List<String> key, String version, long duplicateKeys, List<String> examples) {
    super("Key (" + String.join(", ", key) + ") is not unique in " + version + ": " + duplicateKeys + " key "
        + (duplicateKeys == 1 ? "value occurs" : "values occur") + " on more than one row, e.g. "
        + String.join(", ", examples) + ". Add columns to the key until each row has its own.");
    this.key = List.copyOf(key);
    this.version = version;
    this.duplicateKeys = duplicateKeys;
    this.examples = List.copyOf(examples);
  }

  /** The key columns. */
  public List<String> key() {
    return key;
  }

  /** The version in which the key repeats, as described in the message. */
  public String version() {
    return version;
  }

  /** How many distinct key values occur on more than one row of that version. */
  public long duplicateKeys() {
    return duplicateKeys;
  }

  /** A few of them, each as {@code (value, value) ×rows}. */
  public List<String> examples() {
    return examples;
  }
}
