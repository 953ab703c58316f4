package io.datom.spark.task;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatchRow;

/**
 * Spark's ascending order of key values (column by column, nulls first, strings and binary by their bytes), read in
 * place from two rows at given ordinals: what proves a stored version's keys strictly ascending, row after row, at
 * little cost. Only for the key types whose equal values have equal bytes (see {@link #supports}).
 */
final class KeyOrdering implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DataType[] types;
  private final int[] ordinals;

  KeyOrdering(DataType[] types, int[] ordinals) {
    this.types = types.clone();
    this.ordinals = ordinals.clone();
  }

  /** The order of rows holding only the key, at ordinals 0, 1, …. */
  static KeyOrdering ofKeyRows(DataType[] types) {
    int[] ordinals = new int[types.length];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i;
    }
    return new KeyOrdering(types, ordinals);
  }

  /** Whether the type is one this order reads. */
  static boolean supports(DataType type) {
    return type instanceof StringType || type instanceof LongType || type instanceof IntegerType
        || type instanceof ShortType || type instanceof ByteType || type instanceof DateType
        || type instanceof TimestampType || type instanceof TimestampNTZType || type instanceof DecimalType
        || type instanceof BooleanType || type instanceof BinaryType;
  }

  /**
   * Whether the key of row {@code current} of a batch comes strictly after that of row {@code earlier}, given the
   * batch's columns and two row views to point at them (the second at {@code current}). A string key cell encoded by
   * the batch's dictionary is equal to the previous row's when their entries are the same, which saves reading the
   * bytes (a subject id repeats over its rows).
   */
  boolean ascending(ColumnVector[] columns, int earlier, int current, ColumnarBatchRow earlierView,
      ColumnarBatchRow currentView) {
    for (int i = 0; i < types.length; i++) {
      ColumnVector column = columns[ordinals[i]];
      if (types[i] instanceof StringType && column instanceof WritableColumnVector vector && vector.hasDictionary()
          && !column.isNullAt(earlier) && !column.isNullAt(current)
          && vector.getDictionaryIds().getInt(earlier) == vector.getDictionaryIds().getInt(current)) {
        continue; // the same entry: equal, go on to the next key column
      }
      earlierView.rowId = earlier;
      return compareFrom(i, earlierView, currentView) < 0;
    }
    return false;
  }

  /** Negative, zero or positive as {@code a}'s key comes before, with or after {@code b}'s. */
  int compare(InternalRow a, InternalRow b) {
    return compareFrom(0, a, b);
  }

  /** {@link #compare} from key column {@code from} on. */
  private int compareFrom(int from, InternalRow a, InternalRow b) {
    for (int i = from; i < types.length; i++) {
      int o = ordinals[i];
      boolean nullA = a.isNullAt(o);
      boolean nullB = b.isNullAt(o);
      int c;
      if (nullA || nullB) {
        c = nullA == nullB ? 0 : nullA ? -1 : 1;
      } else {
        c = compare(types[i], a, b, o);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compare(DataType type, InternalRow a, InternalRow b, int o) {
    if (type instanceof StringType) {
      return a.getUTF8String(o).compareTo(b.getUTF8String(o));
    }
    if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Long.compare(a.getLong(o), b.getLong(o));
    }
    if (type instanceof IntegerType || type instanceof DateType) {
      return Integer.compare(a.getInt(o), b.getInt(o));
    }
    if (type instanceof DecimalType decimal) {
      return a.getDecimal(o, decimal.precision(), decimal.scale())
          .compare(b.getDecimal(o, decimal.precision(), decimal.scale()));
    }
    if (type instanceof ShortType) {
      return Short.compare(a.getShort(o), b.getShort(o));
    }
    if (type instanceof ByteType) {
      return Byte.compare(a.getByte(o), b.getByte(o));
    }
    if (type instanceof BooleanType) {
      return Boolean.compare(a.getBoolean(o), b.getBoolean(o));
    }
    return Arrays.compareUnsigned(a.getBinary(o), b.getBinary(o));
  }
}
