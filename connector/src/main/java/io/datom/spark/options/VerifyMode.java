package io.datom.spark.options;

import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When a read checks the stored parquet against its recorded {@code parquet_sha}: {@link DatomReadOptions#VERIFY}. */
public enum VerifyMode {
  /** Never: trust the content-addressed object. */
  NONE,
  /**
   * Once per object: in full only when neither this driver nor a verification record in the store vouches for the
   * object as the store now reports it (size and ETag or modification time); a replaced object is checked again.
   */
  ONCE,
  /** On every read. */
  FULL;

  /** Parses an option value, case-insensitively. */
  public static VerifyMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String accepted = Arrays.stream(values()).map(VerifyMode::optionValue).collect(Collectors.joining(", "));
      throw new InvalidOptionsException(
          "Option " + DatomReadOptions.VERIFY + " = '" + value + "' is not recognised; use one of " + accepted + ".",
          DatomReadOptions.VERIFY);
    }
  }

  /** The spelling used in options, e.g. {@code once}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
