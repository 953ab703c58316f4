package io.datom.spark.schema;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.TableHasher;
import io.datom.spark.exceptions.ColumnNamesClashException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.catalyst.util.CharVarcharUtils;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one mapping from Spark types to datom's column types (format §14.1): each column becomes a {@link ColumnSpec}
 * named exactly as in Spark and typed by Spark's SQL type name, which core reads ({@code int}, {@code decimal(12,3)},
 * {@code timestamp_ntz}; {@code char(n)} and {@code varchar(n)} as strings; binary, nested, interval and other
 * types as refused, each with its recourse).
 */
public final class SparkColumnSpecs {

  private SparkColumnSpecs() {}

  /** The columns of {@code schema}, in order. */
  public static List<ColumnSpec> of(StructType schema) {
    return Arrays.stream(schema.fields()).map(SparkColumnSpecs::of).toList();
  }

  /** One column. */
  public static ColumnSpec of(StructField field) {
    return ColumnSpec.of(field.name(), CharVarcharUtils.replaceCharVarcharWithString(field.dataType()).simpleString());
  }

  /**
   * Checks that a table of this schema can be hashed, before any of its data is touched.
   *
   * @throws UnhashableColumnsException naming every column whose type or name cannot be hashed, or when there are no
   *     columns
   * @throws ColumnNamesClashException if names differ only by case
   */
  public static void requireHashable(StructType schema) {
    requireDistinctIgnoringCase(schema);
    TableHasher.forColumns(of(schema));
  }

  /** Refuses names that differ only by case ({@code a}, {@code A}), which Spark could not read back apart. */
  private static void requireDistinctIgnoringCase(StructType schema) {
    Map<String, List<String>> byFoldedName = new LinkedHashMap<>();
    for (String name : schema.fieldNames()) {
      byFoldedName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
    }
    List<List<String>> clashes = byFoldedName.values().stream()
        .filter(names -> names.stream().distinct().count() > 1)
        .toList();
    if (!clashes.isEmpty()) {
      throw new ColumnNamesClashException(clashes);
    }
  }
}
