package io.datom.core.exceptions;

/**
 * Metadata handed to a write cannot be stored so that R and Java agree on its version, e.g. custom metadata that
 * holds a null. The message says which field and why.
 */
public class InvalidMetadataException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidMetadataException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The offending field as a path, e.g. {@code custom.tags[2]}. */
  public String field() {
    return field;
  }
}
