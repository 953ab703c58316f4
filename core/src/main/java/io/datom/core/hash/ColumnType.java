package io.datom.core.hash;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of a table column as far as hashing is concerned, free of any engine's classes (format §14.1). Engines map
 * their own types onto these; {@link #parse(String)} reads Spark SQL type names, so the connector and the golden
 * vectors share one mapping.
 *
 * <p>A type the hash cannot represent is {@link Kind#UNSUPPORTED}: it keeps the engine's type name and the recourse
 * text shown when the column is refused.
 */
public final class ColumnType {

  /** The hashable kinds of column, plus {@link #UNSUPPORTED}. */
  public enum Kind {
    BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, DATE, TIMESTAMP, TIMESTAMP_NTZ, UNSUPPORTED
  }

  /** The largest decimal precision of Spark and Parquet. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** Spark {@code boolean}. */
  public static final ColumnType BOOLEAN = simple(Kind.BOOLEAN, "boolean");
  /** Spark {@code tinyint}. */
  public static final ColumnType BYTE = simple(Kind.BYTE, "tinyint");
  /** Spark {@code smallint}. */
  public static final ColumnType SHORT = simple(Kind.SHORT, "smallint");
  /** Spark {@code int}. */
  public static final ColumnType INT = simple(Kind.INT, "int");
  /** Spark {@code bigint}. */
  public static final ColumnType LONG = simple(Kind.LONG, "bigint");
  /** Spark {@code float}. */
  public static final ColumnType FLOAT = simple(Kind.FLOAT, "float");
  /** Spark {@code double}. */
  public static final ColumnType DOUBLE = simple(Kind.DOUBLE, "double");
  /** Spark {@code string} (and {@code char(n)}, {@code varchar(n)}). */
  public static final ColumnType STRING = simple(Kind.STRING, "string");
  /** Spark {@code date}. */
  public static final ColumnType DATE = simple(Kind.DATE, "date");
  /** Spark {@code timestamp} (with local time zone; stored as UTC microseconds). */
  public static final ColumnType TIMESTAMP = simple(Kind.TIMESTAMP, "timestamp");
  /** Spark {@code timestamp_ntz} (without time zone). */
  public static final ColumnType TIMESTAMP_NTZ = simple(Kind.TIMESTAMP_NTZ, "timestamp_ntz");

  private final Kind kind;
  private final int precision;
  private final int scale;
  private final String typeName;
  private final String recourse;

  private ColumnType(Kind kind, int precision, int scale, String typeName, String recourse) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.typeName = typeName;
    this.recourse = recourse;
  }

  private static ColumnType simple(Kind kind, String typeName) {
    return new ColumnType(kind, 0, 0, typeName, null);
  }

  /**
   * A {@code decimal(precision, scale)} column.
   *
   * @throws IllegalArgumentException unless {@code 1 <= precision <= 38} and {@code 0 <= scale <= precision}
   */
  public static ColumnType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "decimal(" + precision + "," + scale + ") is not a valid decimal type: the precision must be 1 to "
              + MAX_DECIMAL_PRECISION + " and the scale 0 to the precision");
    }
    return new ColumnType(Kind.DECIMAL, precision, scale, "decimal(" + precision + "," + scale + ")", null);
  }

  /**
   * A type the hash refuses.
   *
   * @param typeName the engine's name for it, shown in the refusal (e.g. {@code binary}, {@code array<int>})
   * @param recourse what the user should convert the column to, shown in the refusal
   */
  public static ColumnType unsupported(String typeName, String recourse) {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(recourse, "recourse");
    return new ColumnType(Kind.UNSUPPORTED, 0, 0, typeName, recourse);
  }

  /**
   * Reads a Spark SQL type name as Spark's {@code DataType.simpleString()} writes it, e.g. {@code int},
   * {@code decimal(12,3)}, {@code timestamp_ntz}, {@code array<string>}. Names of types the hash refuses (binary,
   * arrays, maps, structs, intervals, void, anything unknown) give an {@link Kind#UNSUPPORTED} type with the right
   * recourse, never an error.
   *
   * @throws IllegalArgumentException for an impossible decimal such as {@code decimal(40,2)}
   */
  public static ColumnType parse(String sqlTypeName) {
    return SqlTypeNames.parse(sqlTypeName);
  }

  /** The kind of column. */
  public Kind kind() {
    return kind;
  }

  /** The decimal precision; 0 for other kinds. */
  public int precision() {
    return precision;
  }

  /** The decimal scale; 0 for other kinds. */
  public int scale() {
    return scale;
  }

  /** The type's name as shown to users: Spark SQL's name for hashable kinds, the engine's name otherwise. */
  public String typeName() {
    return typeName;
  }

  /** Whether columns of this type can be hashed (values may still be refused, see {@link TypedColumnHasher}). */
  public boolean isHashable() {
    return kind != Kind.UNSUPPORTED;
  }

  /** For an unsupported type, what to convert the column to; empty for hashable types. */
  public Optional<String> recourse() {
    return Optional.ofNullable(recourse);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ColumnType that
        && kind == that.kind
        && precision == that.precision
        && scale == that.scale
        && typeName.equals(that.typeName)
        && Objects.equals(recourse, that.recourse);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, typeName, recourse);
  }

  @Override
  public String toString() {
    return typeName;
  }
}
