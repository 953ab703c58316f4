package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.base64;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.unbase64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How a cell's value becomes a datom's {@code v} (text) and {@code v_type} (the column's type), and back. The text
 * is chosen so that casting it back to the type gives the same value, bit for bit:
 *
 * <ul>
 *   <li>strings as they are; booleans, integers and decimals as Spark casts them to text ({@code 1.50} keeps its
 *       scale through the type {@code decimal(10,2)});
 *   <li>floats and doubles as Java prints them, which parses back to the same bits: {@code NaN}, {@code Infinity},
 *       {@code -0.0}, {@code 0.1};
 *   <li>timestamps as ISO-8601 with microseconds and the offset of the session time zone
 *       ({@code 2026-06-30T09:15:00.000001Z} in UTC), an instant whatever the zone; dates as {@code yyyy-MM-dd};
 *       timestamps without zone as Spark casts them;
 *   <li>binary as base64; arrays, structs and maps as JSON.
 * </ul>
 */
final class Values {

  private static final String INSTANT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

  private Values() {}

  /** The datom's {@code v_type} for a column of {@code type}: its catalog string, e.g. {@code decimal(10,2)}. */
  static String typeName(DataType type) {
    return type.catalogString();
  }

  /** {@code value}, of {@code type}, as a datom's {@code v}. */
  static Column text(Column value, DataType type) {
    if (type instanceof StringType) {
      return value;
    }
    if (type instanceof TimestampType) {
      return date_format(value, INSTANT);
    }
    if (type instanceof BinaryType) {
      return base64(value);
    }
    if (isNested(type)) {
      return to_json(value);
    }
    return value.cast(DataTypes.StringType);
  }

  /** A datom's {@code v} back as a value of {@code type}, the inverse of {@link #text}. */
  static Column value(Column text, DataType type) {
    if (type instanceof BinaryType) {
      return unbase64(text);
    }
    if (isNested(type)) {
      return from_json(text, type, java.util.Map.of());
    }
    return text.cast(type);
  }

  /**
   * Whether {@code now} holds another value than {@code old} (both of {@code type}; null is no value). Spark's
   * {@code <=>} says {@code -0.0} equals {@code 0.0}; a datom keeps the sign, so zeros of floating types are also
   * compared as text. Maps are not comparable in Spark and are compared as JSON.
   */
  static Column differs(Column old, Column now, DataType type) {
    if (containsMap(type)) {
      return not(to_json(old).eqNullSafe(to_json(now)));
    }
    Column differs = not(old.eqNullSafe(now));
    if (type instanceof DoubleType || type instanceof FloatType) {
      Column zeros = old.equalTo(lit(0)).and(now.equalTo(lit(0)));
      return differs.or(zeros.and(old.cast(DataTypes.StringType).notEqual(now.cast(DataTypes.StringType))));
    }
    return differs;
  }

  private static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof StructType || type instanceof MapType;
  }

  private static boolean containsMap(DataType type) {
    if (type instanceof MapType) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return containsMap(array.elementType());
    }
    if (type instanceof StructType struct) {
      for (StructField field : struct.fields()) {
        if (containsMap(field.dataType())) {
          return true;
        }
      }
    }
    return false;
  }
}
