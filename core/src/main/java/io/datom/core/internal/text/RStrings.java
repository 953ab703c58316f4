package io.datom.core.internal.text;

import io.datom.core.exceptions.InvalidMetadataException;
import java.util.Optional;

/**
 * What R can hold in a character string, for every text datom writes into a project's files (column names, commit
 * messages, authors, custom metadata, parents): no U+0000, at which R strings end and which datom's own JSON reader
 * therefore refuses, and no unpaired UTF-16 surrogate, which is not text and has no UTF-8 form. A file holding either
 * could be committed but never read back, so every later write of the table would fail; such text is refused before
 * anything is written.
 */
public final class RStrings {

  private RStrings() {}

  /** Why R cannot hold {@code value} as a string, or empty when it can. */
  public static Optional<String> problem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return Optional.of("contains U+0000 (NUL) at character " + (i + 1) + ", which R cannot hold in a string");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("contains an unpaired UTF-16 surrogate at character " + (i + 1) + ", which is not text");
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code value} if R can hold it.
   *
   * @param field the field, for {@link InvalidMetadataException#field()}
   * @param what  the text as the message names it, e.g. {@code The commit message}
   * @throws InvalidMetadataException if R cannot hold it; the message names {@code what} and the position, never the
   *     text itself
   */
  public static String require(String field, String what, String value) {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new InvalidMetadataException(field, what + " " + problem.get() + ". Remove or replace that character"
          + " before writing.");
    }
    return value;
  }

  /** {@code value} fit for a message: U+0000 and unpaired surrogates written as {@code \}{@code uXXXX} escapes. */
  public static String printable(String value) {
    if (problem(value).isEmpty()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      if (pair) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '\0' || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
