package io.datom.spark.write;

import io.datom.core.hash.ColumnType;
import io.datom.core.hash.StringColumnHasher;
import io.datom.core.hash.TypedColumnHasher;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Feeds one column of a batch of rows, as Spark's vectorized parquet reader holds it, into a cv1 column hasher.
 * Values come from the column vector exactly as Spark stores them: days for dates, microseconds for timestamps,
 * unscaled integers for decimals of up to 18 digits, UTF-8 bytes for strings. One feeder serves one column.
 */
final class BatchFeeder {

  private final DecodedStrings decoded = new DecodedStrings(PartReader.BATCH_ROWS);

  /** Adds rows {@code 0..rows-1} of {@code vector} to a non-string column's hasher. */
  void addTyped(ColumnVector vector, int rows, ColumnType type, TypedColumnHasher hasher) {
    boolean nulls = vector.hasNull();
    switch (type.kind()) {
      case BOOLEAN -> {
        for (int row = 0; row < rows; row++) {
          if (nulls && vector.isNullAt(row)) {
            hasher.addNull();
          } else {
            hasher.addBoolean(vector.getBoolean(row));
          }
        }
      }
      case BYTE, SHORT, INT, DATE -> addInts(vector, rows, nulls, type, hasher);
      case LONG, TIMESTAMP, TIMESTAMP_NTZ -> addLongs(vector, rows, nulls, type, hasher);
      case FLOAT -> {
        for (int row = 0; row < rows; row++) {
          if (nulls && vector.isNullAt(row)) {
            hasher.addNull();
          } else {
            hasher.addFloat(vector.getFloat(row));
          }
        }
      }
      case DOUBLE -> {
        for (int row = 0; row < rows; row++) {
          if (nulls && vector.isNullAt(row)) {
            hasher.addNull();
          } else {
            hasher.addDouble(vector.getDouble(row));
          }
        }
      }
      case DECIMAL -> addDecimals(vector, rows, nulls, type, hasher);
      case STRING, UNSUPPORTED -> throw new IllegalArgumentException("Not a typed column: " + type);
    }
  }

  /** Adds the values of rows {@code 0..rows-1} of {@code vector} to a string column in its value phase. */
  void addStrings(ColumnVector vector, int rows, StringColumnHasher hasher) {
    // A dictionary-encoded batch (all from one row group, so one dictionary) repeats few values: decode each once.
    WritableColumnVector dictionaryEncoded =
        vector instanceof WritableColumnVector writable && writable.hasDictionary() ? writable : null;
    for (int row = 0; row < rows; row++) {
      if (vector.isNullAt(row)) {
        hasher.addNull();
        continue;
      }
      UTF8String value = dictionaryEncoded == null ? vector.getUTF8String(row) : decoded.get(dictionaryEncoded, row);
      if (value.getBaseObject() instanceof byte[] bytes) {
        hasher.addValue(bytes, (int) (value.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), value.numBytes());
      } else {
        byte[] copy = value.getBytes();
        hasher.addValue(copy, 0, copy.length);
      }
    }
    decoded.clear();
  }

  private static void addInts(ColumnVector vector, int rows, boolean nulls, ColumnType type,
      TypedColumnHasher hasher) {
    ColumnType.Kind kind = type.kind();
    for (int row = 0; row < rows; row++) {
      if (nulls && vector.isNullAt(row)) {
        hasher.addNull();
      } else if (kind == ColumnType.Kind.DATE) {
        hasher.addEpochDay(vector.getInt(row));
      } else {
        hasher.addInt(kind == ColumnType.Kind.BYTE ? vector.getByte(row)
            : kind == ColumnType.Kind.SHORT ? vector.getShort(row) : vector.getInt(row));
      }
    }
  }

  private static void addLongs(ColumnVector vector, int rows, boolean nulls, ColumnType type,
      TypedColumnHasher hasher) {
    boolean timestamps = type.kind() != ColumnType.Kind.LONG;
    for (int row = 0; row < rows; row++) {
      if (nulls && vector.isNullAt(row)) {
        hasher.addNull();
      } else if (timestamps) {
        hasher.addEpochMicros(vector.getLong(row));
      } else {
        hasher.addLong(vector.getLong(row));
      }
    }
  }

  // Spark's column vectors hold decimals of up to 9 digits as ints and of up to 18 as longs, unscaled.
  private static void addDecimals(ColumnVector vector, int rows, boolean nulls, ColumnType type,
      TypedColumnHasher hasher) {
    int precision = type.precision();
    for (int row = 0; row < rows; row++) {
      if (nulls && vector.isNullAt(row)) {
        hasher.addNull();
      } else if (precision <= Decimal.MAX_INT_DIGITS()) {
        hasher.addUnscaledDecimal(vector.getInt(row));
      } else if (precision <= Decimal.MAX_LONG_DIGITS()) {
        hasher.addUnscaledDecimal(vector.getLong(row));
      } else {
        hasher.addDecimal(vector.getDecimal(row, precision, type.scale()).toJavaBigDecimal());
      }
    }
  }

  /** The strings of a dictionary-encoded batch, decoded once per dictionary entry the batch uses. */
  private static final class DecodedStrings {
    private UTF8String[] byId = new UTF8String[256];
    private final int[] used;
    private int usedCount;

    DecodedStrings(int batchRows) {
      this.used = new int[batchRows];
    }

    UTF8String get(WritableColumnVector vector, int row) {
      int id = vector.getDictionaryIds().getDictId(row);
      if (id >= byId.length) {
        byId = java.util.Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
      }
      UTF8String value = byId[id];
      if (value == null) {
        value = vector.getUTF8String(row);
        byId[id] = value;
        used[usedCount++] = id;
      }
      return value;
    }

    void clear() {
      for (int i = 0; i < usedCount; i++) {
        byId[used[i]] = null;
      }
      usedCount = 0;
    }
  }
}
