package io.datom.core.exceptions;

/**
 * A {@code parents} or {@code source_lineage} list is malformed (format §10). The message is R's and names the entry
 * and the field, e.g. "Entry 2 of `parents` is missing required field: \"data_sha\"."
 */
public class InvalidLineageException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String argument;
  private final int entry;

  public InvalidLineageException(String argument, int entry, String message) {
    super(message);
    this.argument = argument;
    this.entry = entry;
  }

  /** {@code parents} or {@code source_lineage}. */
  public String argument() {
    return argument;
  }

  /** 1-based number of the offending entry, or 0 when the list itself is malformed. */
  public int entry() {
    return entry;
  }
}
