package io.datom.core.exceptions;

/** A store could not be read or written (I/O, permissions, network). The message names the store and the key. */
public class StoreException extends DatomException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
