package io.datom.spark.task;

import io.datom.core.hash.ColumnType;
import io.datom.core.hash.StringColumnHasher;
import io.datom.core.hash.TypedColumnHasher;
import java.util.Arrays;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Feeds one column of a batch of rows, as Spark's vectorized parquet reader holds it, into a cv1 column hasher, a
 * whole batch per call (core's run methods, several times faster than one call per value). Values come from the
 * column vector exactly as Spark stores them: days for dates, microseconds for timestamps, unscaled integers for
 * decimals of up to 18 digits, UTF-8 bytes for strings. One feeder serves one column; its buffers are reused.
 */
public final class BatchFeeder {

  private final boolean[] nulls = new boolean[PartReader.BATCH_ROWS];
  private final int[] offsets = new int[PartReader.BATCH_ROWS + 1];
  private final DecodedStrings decoded = new DecodedStrings(PartReader.BATCH_ROWS);
  private byte[] utf8 = new byte[PartReader.BATCH_ROWS * 16];

  /** Adds rows {@code 0..rows-1} of {@code vector} to a non-string column's hasher. */
  public void addTyped(ColumnVector vector, int rows, ColumnType type, TypedColumnHasher hasher) {
    boolean[] rowNulls = nullFlags(vector, rows);
    switch (type.kind()) {
      case BOOLEAN -> hasher.addBooleans(vector.getBooleans(0, rows), rowNulls, 0, rows);
      case BYTE -> hasher.addInts(ints(vector.getBytes(0, rows)), rowNulls, 0, rows);
      case SHORT -> hasher.addInts(ints(vector.getShorts(0, rows)), rowNulls, 0, rows);
      case INT -> hasher.addInts(vector.getInts(0, rows), rowNulls, 0, rows);
      case LONG -> hasher.addLongs(vector.getLongs(0, rows), rowNulls, 0, rows);
      case FLOAT -> hasher.addFloats(vector.getFloats(0, rows), rowNulls, 0, rows);
      case DOUBLE -> hasher.addDoubles(vector.getDoubles(0, rows), rowNulls, 0, rows);
      case DATE -> hasher.addEpochDays(vector.getInts(0, rows), rowNulls, 0, rows);
      case TIMESTAMP, TIMESTAMP_NTZ -> hasher.addEpochMicros(vector.getLongs(0, rows), rowNulls, 0, rows);
      case DECIMAL -> addDecimals(vector, rows, rowNulls, type, hasher);
      case STRING, UNSUPPORTED -> throw new IllegalArgumentException("Not a typed column: " + type);
    }
  }

  /**
   * Adds the values of rows {@code 0..rows-1} of {@code vector} to a string column in its value phase, packed into
   * one UTF-8 buffer with offsets.
   */
  public void addStrings(ColumnVector vector, int rows, StringColumnHasher hasher) {
    // A dictionary-encoded batch (all from one row group, so one dictionary) repeats few values: decode each once.
    WritableColumnVector dictionaryEncoded =
        vector instanceof WritableColumnVector writable && writable.hasDictionary() ? writable : null;
    boolean[] rowNulls = nullFlags(vector, rows);
    int size = 0;
    for (int row = 0; row < rows; row++) {
      offsets[row] = size;
      if (rowNulls != null && rowNulls[row]) {
        continue;
      }
      UTF8String value = dictionaryEncoded == null ? vector.getUTF8String(row) : decoded.get(dictionaryEncoded, row);
      int length = value.numBytes();
      if (size + length > utf8.length) {
        utf8 = Arrays.copyOf(utf8, Math.max(size + length, utf8.length * 2));
      }
      if (value.getBaseObject() instanceof byte[] bytes) {
        System.arraycopy(bytes, (int) (value.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), utf8, size, length);
      } else {
        value.writeToMemory(utf8, Platform.BYTE_ARRAY_OFFSET + size);
      }
      size += length;
    }
    offsets[rows] = size;
    hasher.addValues(utf8, offsets, rowNulls, 0, rows);
    decoded.clear();
  }

  // Spark's column vectors hold decimals of up to 9 digits as ints and of up to 18 as longs, unscaled.
  private static void addDecimals(ColumnVector vector, int rows, boolean[] rowNulls, ColumnType type,
      TypedColumnHasher hasher) {
    int precision = type.precision();
    if (precision <= Decimal.MAX_INT_DIGITS()) {
      hasher.addUnscaledDecimals(longs(vector.getInts(0, rows)), rowNulls, 0, rows);
    } else if (precision <= Decimal.MAX_LONG_DIGITS()) {
      hasher.addUnscaledDecimals(vector.getLongs(0, rows), rowNulls, 0, rows);
    } else {
      for (int row = 0; row < rows; row++) {
        if (rowNulls != null && rowNulls[row]) {
          hasher.addNull();
        } else {
          hasher.addDecimal(vector.getDecimal(row, precision, type.scale()).toJavaBigDecimal());
        }
      }
    }
  }

  /** The rows' null flags, or {@code null} when the batch has no null (the hashers' fast path). */
  private boolean[] nullFlags(ColumnVector vector, int rows) {
    if (!vector.hasNull()) {
      return null;
    }
    for (int row = 0; row < rows; row++) {
      nulls[row] = vector.isNullAt(row);
    }
    return nulls;
  }

  private static int[] ints(byte[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = values[i];
    }
    return ints;
  }

  private static int[] ints(short[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = values[i];
    }
    return ints;
  }

  private static long[] longs(int[] values) {
    long[] longs = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      longs[i] = values[i];
    }
    return longs;
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
        byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
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
