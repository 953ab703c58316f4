package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidShaException;
import java.util.regex.Pattern;

/** Validation of SHA-like arguments that are spliced into storage keys (format §10). */
public final class Shas {

  private static final Pattern SHA_ARGUMENT = Pattern.compile("[0-9a-f]{6,64}");

  private Shas() {}

  /**
   * Returns {@code value} if it is 6-64 lowercase hex characters.
   *
   * @param argument the argument's name for the message, e.g. {@code version} or {@code data_sha}
   * @throws InvalidShaException "`{argument}` must be 6-64 lowercase hex characters."
   */
  public static String requireShaArgument(String value, String argument) {
    if (value == null || !SHA_ARGUMENT.matcher(value).matches()) {
      throw new InvalidShaException(argument, value);
    }
    return value;
  }
}
