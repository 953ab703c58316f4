package io.datom.spark.landing;

import java.io.Serializable;
import java.util.Objects;

/**
 * One variable of a SAS data set, as its file describes it.
 *
 * @param name the variable's name
 * @param numeric whether it is numeric (else character)
 * @param length its length in bytes in the file
 * @param format its display format's name, upper case without width (e.g. {@code DATE}, {@code DATETIME}), or empty
 */
public record SasColumn(String name, boolean numeric, int length, String format) implements Serializable {

  public SasColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
  }

  /** What the variable's values become in Spark, from its type and format. */
  public SasValueKind kind() {
    return SasValueKind.of(numeric, format);
  }
}
