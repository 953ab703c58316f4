package io.datom.spark.datoms;

import io.datom.core.exceptions.DatomException;

/** The entity key is empty, names a column twice, or uses a name the datoms need for their own columns. */
public final class InvalidKeyException extends DatomException {
  private static final long serialVersionUID = 1L;

  InvalidKeyException(String message) {
    super(message);
  }
}
