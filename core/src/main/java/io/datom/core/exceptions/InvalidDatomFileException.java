package io.datom.core.exceptions;

/**
 * A datom file parsed but does not have the shape datom requires (format §3), e.g. a {@code ref.json} without
 * {@code current.root} or a {@code project.yaml} without {@code project_name}. The message names the file.
 */
public class InvalidDatomFileException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public InvalidDatomFileException(String source, String message) {
    super(message);
    this.source = source;
  }

  public InvalidDatomFileException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The file or store key that was read. */
  public String source() {
    return source;
  }
}
