package io.datom.core.exceptions;

/**
 * A table or project name breaks datom's naming rules (format §10). The message is the R package's own, e.g.
 * "`name` must start with a letter. Got: \"1dm\"".
 */
public class InvalidNameException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public InvalidNameException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** The rejected name, or {@code null} when none was given. */
  public String name() {
    return name;
  }
}
