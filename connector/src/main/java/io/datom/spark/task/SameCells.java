package io.datom.spark.task;

import java.util.Arrays;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * Whether cells of two rows of column batches hold the same value bit for bit, read in place (no copy): the test a
 * comparison of two versions makes on every row, so it must cost little. "Same" is strict: floating point values are the same only with
 * the same bits ({@code -0.0} is not {@code 0.0}), so a pair called the same has no datom between its cells. Types
 * without an in-place test here (nested, intervals) are never called the same by {@link #sameIn}; {@link #covers} says
 * which are.
 */
final class SameCells {

  private final DataType[] types;
  private final int[] left;
  private final int[] right;
  /** Per string cell, remembered comparisons of dictionary entries: pairs (+1, 0 is empty), results, batches. */
  private final long[][] cachedPairs;
  private final boolean[][] cachedSame;
  private final long[] cachedBatchA;
  private final long[] cachedBatchB;
  private static final int CACHE = 1024;

  /**
   * The cells at {@code left[i]} of one row and {@code right[i]} of the other, of {@code types[i]}; an ordinal of -1
   * is a cell that side lacks (null).
   */
  SameCells(DataType[] types, int[] left, int[] right) {
    this.types = types.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.cachedPairs = new long[types.length][];
    this.cachedSame = new boolean[types.length][];
    this.cachedBatchA = new long[types.length];
    this.cachedBatchB = new long[types.length];
  }

  /** Whether every type has an in-place test. */
  static boolean covers(DataType[] types) {
    for (DataType type : types) {
      if (!simple(type)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether each cell of row {@code ra} of columns {@code a} (at the left ordinals) is the same as its cell of row
   * {@code rb} of {@code b} (right ordinals).
   *
   * @param batchA a number that changes whenever {@code a}'s vectors are refilled (so cached comparisons of
   *               dictionary entries are forgotten); likewise {@code batchB}
   */
  boolean sameIn(ColumnVector[] a, int ra, long batchA, ColumnVector[] b, int rb, long batchB) {
    for (int i = 0; i < types.length; i++) {
      if (!sameAt(i, a, ra, batchA, b, rb, batchB)) {
        return false;
      }
    }
    return true;
  }

  /** How many cells are compared. */
  int size() {
    return types.length;
  }

  /** Whether cell {@code i} of one row is the same as cell {@code i} of the other (see {@link #sameIn}). */
  boolean sameAt(int i, ColumnVector[] a, int ra, long batchA, ColumnVector[] b, int rb, long batchB) {
    int l = left[i];
    int r = right[i];
    boolean nullA = l < 0 || a[l].isNullAt(ra);
    boolean nullB = r < 0 || b[r].isNullAt(rb);
    if (nullA || nullB) {
      return nullA == nullB;
    }
    if (types[i] instanceof StringType && a[l] instanceof WritableColumnVector wa && wa.hasDictionary()
        && b[r] instanceof WritableColumnVector wb && wb.hasDictionary()) {
      return sameEntries(i, wa.getDictionaryIds().getInt(ra), batchA, wb.getDictionaryIds().getInt(rb), batchB,
          a[l], ra, b[r], rb);
    }
    return same(types[i], a[l], ra, b[r], rb);
  }

  /**
   * Strings of dictionary-encoded columns: whether entry {@code idA} of one dictionary holds the same bytes as entry
   * {@code idB} of the other, remembered per pair of entries while both batches (so both dictionaries) last. Reading
   * a dictionary entry copies its bytes; the same pairs recur row after row (a study id, a test code).
   */
  private boolean sameEntries(int i, int idA, long batchA, int idB, long batchB, ColumnVector a, int ra,
      ColumnVector b, int rb) {
    if (cachedPairs[i] == null || cachedBatchA[i] != batchA || cachedBatchB[i] != batchB) {
      cachedPairs[i] = new long[CACHE];
      cachedSame[i] = new boolean[CACHE];
      cachedBatchA[i] = batchA;
      cachedBatchB[i] = batchB;
    }
    long pair = ((long) idA << 32) | (idB & 0xffffffffL);
    int slot = (int) ((pair * 0x9E3779B97F4A7C15L) >>> 54) & (CACHE - 1);
    if (cachedPairs[i][slot] == pair + 1) {
      return cachedSame[i][slot];
    }
    boolean same = a.getUTF8String(ra).equals(b.getUTF8String(rb));
    cachedPairs[i][slot] = pair + 1;
    cachedSame[i][slot] = same;
    return same;
  }

  private static boolean same(DataType type, ColumnVector a, int l, ColumnVector b, int r) {
    if (type instanceof StringType) {
      return a.getUTF8String(l).equals(b.getUTF8String(r));
    }
    if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      return a.getLong(l) == b.getLong(r);
    }
    if (type instanceof IntegerType || type instanceof DateType) {
      return a.getInt(l) == b.getInt(r);
    }
    if (type instanceof DoubleType) {
      return Double.doubleToRawLongBits(a.getDouble(l)) == Double.doubleToRawLongBits(b.getDouble(r));
    }
    if (type instanceof FloatType) {
      return Float.floatToRawIntBits(a.getFloat(l)) == Float.floatToRawIntBits(b.getFloat(r));
    }
    if (type instanceof DecimalType decimal) {
      return a.getDecimal(l, decimal.precision(), decimal.scale())
          .equals(b.getDecimal(r, decimal.precision(), decimal.scale()));
    }
    if (type instanceof BooleanType) {
      return a.getBoolean(l) == b.getBoolean(r);
    }
    if (type instanceof ShortType) {
      return a.getShort(l) == b.getShort(r);
    }
    if (type instanceof ByteType) {
      return a.getByte(l) == b.getByte(r);
    }
    if (type instanceof BinaryType) {
      return Arrays.equals(a.getBinary(l), b.getBinary(r));
    }
    return false;
  }

  private static boolean simple(DataType type) {
    return type instanceof StringType || type instanceof LongType || type instanceof TimestampType
        || type instanceof TimestampNTZType || type instanceof IntegerType || type instanceof DateType
        || type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType
        || type instanceof BooleanType || type instanceof ShortType || type instanceof ByteType
        || type instanceof BinaryType;
  }
}
