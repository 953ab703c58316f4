package io.datom.core.hash;

import java.nio.charset.StandardCharsets;

/**
 * The datom-cv1 column kinds of the R package (format §5.3, §5.4). The tag's ASCII label starts every column digest,
 * so the same numbers hash differently as a plain number, a date, a time or a duration.
 */
enum Cv1Tag {
  /** Logical, integer and double vectors: IEEE doubles with NaN folded, -0 as +0 and R's NA payload. */
  NUM("num"),
  /** Character vectors and factors: a null mask, then NUL-terminated UTF-8 values. */
  CHR("chr"),
  /** {@code Date}: days since 1970-01-01 in the {@code num} encoding. */
  DATE("date"),
  /** {@code POSIXct}: epoch seconds in the {@code num} encoding. */
  TIME("time"),
  /** {@code difftime} and {@code hms}: the {@code num} encoding, then 0x00 and the units string. */
  DRTN("drtn"),
  /** {@code bit64::integer64}: raw little-endian int64, null as INT64_MIN. */
  I64("i64");

  private final String label;

  Cv1Tag(String label) {
    this.label = label;
  }

  /** The label R writes at the start of the column digest input, e.g. {@code num}. */
  public String label() {
    return label;
  }

  byte[] labelBytes() {
    return label.getBytes(StandardCharsets.US_ASCII);
  }
}
