package io.datom.core.exceptions;

/**
 * Base of every error datom raises on purpose. Unchecked, like the errors of Iceberg and Delta Kernel: callers catch
 * the specific subclass they can act on.
 *
 * <p>Messages say what went wrong, name the thing (table, version, key, column) and say what to do about it. They
 * never contain credentials.
 */
public abstract class DatomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DatomException(String message) {
    super(message);
  }

  protected DatomException(String message, Throwable cause) {
    super(message, cause);
  }
}
