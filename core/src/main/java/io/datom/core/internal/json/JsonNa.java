package io.datom.core.internal.json;

/**
 * R's typed missing value. jsonlite writes a character or logical NA as {@code null} and a numeric NA as the string
 * {@code "NA"} (format §2.2). JSON has no NA, so the parser never produces one; after a round trip a {@code null}
 * comes back as {@link JsonNull} (written {@code {}}) and {@code "NA"} as a string.
 */
public enum JsonNa implements JsonValue {
  /** {@code NA_character_}, written {@code null}. */
  CHARACTER,
  /** Logical {@code NA}, written {@code null}. */
  LOGICAL,
  /** {@code NA_integer_}, written {@code "NA"}. */
  INTEGER,
  /** {@code NA_real_}, written {@code "NA"}. */
  DOUBLE
}
