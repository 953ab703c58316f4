package io.datom.spark.write;

import io.datom.core.hash.ColumnType;
import io.datom.core.hash.StringColumnHasher;
import io.datom.core.hash.TypedColumnHasher;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Feeds one column of a batch of rows, as Spark's vectorized parquet reader holds it, into a cv1 column hasher.
 * Values come from the column vector exactly as Spark stores them: days for dates, microseconds for timestamps,
 * unscaled integers for decimals of up to 18 digits, UTF-8 bytes for strings.
 */
final class BatchFeeder {

  private BatchFeeder() {}

  /** Adds rows {@code 0..rows-1} of {@code vector} to a non-string column's hasher. */
  static void addTyped(ColumnVector vector, int rows, ColumnType type, TypedColumnHasher hasher) {
    boolean mayBeNull = vector.hasNull();
    for (int row = 0; row < rows; row++) {
      if (mayBeNull && vector.isNullAt(row)) {
        hasher.addNull();
        continue;
      }
      switch (type.kind()) {
        case BOOLEAN -> hasher.addBoolean(vector.getBoolean(row));
        case BYTE -> hasher.addInt(vector.getByte(row));
        case SHORT -> hasher.addInt(vector.getShort(row));
        case INT -> hasher.addInt(vector.getInt(row));
        case LONG -> hasher.addLong(vector.getLong(row));
        case FLOAT -> hasher.addFloat(vector.getFloat(row));
        case DOUBLE -> hasher.addDouble(vector.getDouble(row));
        case DATE -> hasher.addEpochDay(vector.getInt(row));
        case TIMESTAMP, TIMESTAMP_NTZ -> hasher.addEpochMicros(vector.getLong(row));
        case DECIMAL -> addDecimal(vector, row, type, hasher);
        case STRING, UNSUPPORTED -> throw new IllegalArgumentException("Not a typed column: " + type);
      }
    }
  }

  /** Adds the values of rows {@code 0..rows-1} of {@code vector} to a string column in its value phase. */
  static void addStrings(ColumnVector vector, int rows, StringColumnHasher hasher) {
    for (int row = 0; row < rows; row++) {
      UTF8String value = vector.getUTF8String(row);
      if (value == null) {
        hasher.addNull();
      } else if (value.getBaseObject() instanceof byte[] bytes) {
        hasher.addValue(bytes, (int) (value.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), value.numBytes());
      } else {
        byte[] copy = value.getBytes();
        hasher.addValue(copy, 0, copy.length);
      }
    }
  }

  // Spark's column vectors hold decimals of up to 9 digits as ints and of up to 18 as longs, unscaled.
  private static void addDecimal(ColumnVector vector, int row, ColumnType type, TypedColumnHasher hasher) {
    int precision = type.precision();
    if (precision <= Decimal.MAX_INT_DIGITS()) {
      hasher.addUnscaledDecimal(vector.getInt(row));
    } else if (precision <= Decimal.MAX_LONG_DIGITS()) {
      hasher.addUnscaledDecimal(vector.getLong(row));
    } else {
      hasher.addDecimal(vector.getDecimal(row, precision, type.scale()).toJavaBigDecimal());
    }
  }
}
