package io.datom.spark.landing;

/** A landing file that claims a SAS format but cannot be read as one; the message names the file and the problem. */
public final class SasFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SasFormatException(String message) {
    super(message);
  }

  public SasFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
