package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;
import java.util.List;

/** Options of a datom read or catalog are missing, malformed or contradict each other. Names the options involved. */
public final class InvalidOptionsException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final List<String> options;

  public InvalidOptionsException(String message, String... options) {
    super(message);
    this.options = List.of(options);
  }

  /** The option names at fault, as the user spells them in the documentation. */
  public List<String> options() {
    return options;
  }
}
