package io.datom.core.hash;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps Spark SQL type names onto {@link ColumnType}s, with the recourse for each refused type (format §14.1). */
final class SqlTypeNames {

  static final String BINARY_RECOURSE =
      "Binary columns are not hashable. Encode the bytes as a string, for example with base64(col), before writing.";
  static final String NESTED_RECOURSE =
      "Nested (array, map and struct) columns are not hashable. Serialise each value to a JSON string with "
          + "to_json(col), or flatten the column, before writing.";
  static final String INTERVAL_RECOURSE =
      "Interval columns are not hashable. Convert to a number in one fixed unit (for example seconds as a bigint) "
          + "or to a string before writing.";
  static final String NULL_TYPE_RECOURSE =
      "Columns of the null type (void) are not hashable. Cast the column to the type it is meant to hold, for "
          + "example CAST(NULL AS string), before writing.";
  static final String OTHER_RECOURSE =
      "Columns of this type are not hashable. Convert to a supported type (boolean, tinyint, smallint, int, bigint, "
          + "float, double, decimal, string, date, timestamp or timestamp_ntz) before writing.";

  private static final Map<String, ColumnType> SIMPLE = Map.ofEntries(
      Map.entry("boolean", ColumnType.BOOLEAN),
      Map.entry("tinyint", ColumnType.BYTE),
      Map.entry("byte", ColumnType.BYTE),
      Map.entry("smallint", ColumnType.SHORT),
      Map.entry("short", ColumnType.SHORT),
      Map.entry("int", ColumnType.INT),
      Map.entry("integer", ColumnType.INT),
      Map.entry("bigint", ColumnType.LONG),
      Map.entry("long", ColumnType.LONG),
      Map.entry("float", ColumnType.FLOAT),
      Map.entry("real", ColumnType.FLOAT),
      Map.entry("double", ColumnType.DOUBLE),
      Map.entry("string", ColumnType.STRING),
      Map.entry("date", ColumnType.DATE),
      Map.entry("timestamp", ColumnType.TIMESTAMP),
      Map.entry("timestamp_ltz", ColumnType.TIMESTAMP),
      Map.entry("timestamp_ntz", ColumnType.TIMESTAMP_NTZ));

  private static final Pattern DECIMAL =
      Pattern.compile("(?:decimal|dec|numeric)(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
  private static final Pattern CHAR = Pattern.compile("(?:var)?char\\(\\s*\\d+\\s*\\)");
  /** Spark's default decimal when no precision is given. */
  private static final int DEFAULT_DECIMAL_PRECISION = 10;

  private SqlTypeNames() {}

  static ColumnType parse(String sqlTypeName) {
    String name = sqlTypeName.trim();
    String key = name.toLowerCase(Locale.ROOT);
    ColumnType simple = SIMPLE.get(key);
    if (simple != null) {
      return simple;
    }
    if (CHAR.matcher(key).matches()) {
      return ColumnType.STRING;
    }
    Matcher decimal = DECIMAL.matcher(key);
    if (decimal.matches()) {
      int precision = decimal.group(1) == null ? DEFAULT_DECIMAL_PRECISION : Integer.parseInt(decimal.group(1));
      int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
      return ColumnType.decimal(precision, scale);
    }
    return ColumnType.unsupported(name, recourseFor(key));
  }

  private static String recourseFor(String key) {
    if (key.equals("binary")) {
      return BINARY_RECOURSE;
    }
    if (key.startsWith("array<") || key.startsWith("map<") || key.startsWith("struct<")) {
      return NESTED_RECOURSE;
    }
    if (key.startsWith("interval")) {
      return INTERVAL_RECOURSE;
    }
    if (key.equals("void") || key.equals("null")) {
      return NULL_TYPE_RECOURSE;
    }
    return OTHER_RECOURSE;
  }
}
