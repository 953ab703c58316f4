package io.datom.core;

import io.datom.core.internal.text.RStrings;

/**
 * What R can hold in a character string, for text an engine takes from its users before a write (option values,
 * custom metadata names): no U+0000 and no unpaired UTF-16 surrogate. Core checks the text it writes itself; this
 * lets an engine refuse such text early and name the option it came from.
 */
public final class RText {

  private RText() {}

  /**
   * Returns {@code value} if R can hold it.
   *
   * @param field the field, for {@link io.datom.core.exceptions.InvalidMetadataException#field()}
   * @param what  the text as the message names it, e.g. {@code Option 'message'}
   * @throws io.datom.core.exceptions.InvalidMetadataException if R cannot hold it; the message names {@code what} and
   *     the position, never the text itself
   */
  public static String require(String field, String what, String value) {
    return RStrings.require(field, what, value);
  }

  /** {@code value} fit for a message: U+0000 and unpaired surrogates written as {@code \}{@code uXXXX} escapes. */
  public static String printable(String value) {
    return RStrings.printable(value);
  }
}
