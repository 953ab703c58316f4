package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;
import java.util.List;

/**
 * Columns whose names differ only by case: Spark resolves names case-insensitively by default, so a version holding
 * them could be written but not read back. Refused before anything is written.
 */
public final class ColumnNamesClashException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final List<List<String>> clashes;

  public ColumnNamesClashException(List<List<String>> clashes) {
    super("Cannot write columns whose names differ only by case: " + describe(clashes) + ". Spark reads column names"
        + " case-insensitively, so such a version could not be read back. Rename them before writing, e.g."
        + " withColumnRenamed(\"" + clashes.get(0).get(1) + "\", \"" + clashes.get(0).get(1) + "_2\").");
    this.clashes = List.copyOf(clashes);
  }

  private static String describe(List<List<String>> clashes) {
    return String.join("; ", clashes.stream().map(names -> String.join(", ", names)).toList());
  }

  /** Each group of names that differ only by case, in column order. */
  public List<List<String>> clashes() {
    return clashes;
  }
}
