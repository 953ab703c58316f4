package io.datom.core.exceptions;

/**
 * A SHA-like argument that is spliced into a storage key (a version or a {@code data_sha}) is not 6-64 lowercase
 * hex characters. The check guards against path traversal; the message is R's: "`{arg}` must be 6-64 lowercase hex
 * characters."
 */
public class InvalidShaException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String argument;
  private final String value;

  public InvalidShaException(String argument, String value) {
    super("`" + argument + "` must be 6-64 lowercase hex characters.");
    this.argument = argument;
    this.value = value;
  }

  /** The name of the argument, e.g. {@code version} or {@code data_sha}. */
  public String argument() {
    return argument;
  }

  /** The rejected value, or {@code null} when none was given. */
  public String value() {
    return value;
  }
}
