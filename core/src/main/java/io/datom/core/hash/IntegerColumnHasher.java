package io.datom.core.hash;

/**
 * BYTE, SHORT and INT columns: R integers, hashed as {@code num}. An INT column refuses -2147483648, R's
 * {@code NA_integer_}, which would hash the same as null.
 */
final class IntegerColumnHasher extends NumericBackedColumnHasher {
  private final int min;
  private final int max;

  IntegerColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.NUM, bufferSize);
    ColumnType.Kind kind = spec.type().kind();
    this.min = switch (kind) {
      case BYTE -> Byte.MIN_VALUE;
      case SHORT -> Short.MIN_VALUE;
      default -> Integer.MIN_VALUE;
    };
    this.max = switch (kind) {
      case BYTE -> Byte.MAX_VALUE;
      case SHORT -> Short.MAX_VALUE;
      default -> Integer.MAX_VALUE;
    };
  }

  @Override
  public void addInt(int value) {
    // One compare on the common path; the edge cases are sorted out off it.
    if (value <= min || value > max) {
      checkEdge(value, rowCount() + 1);
    }
    numeric.add(value);
  }

  @Override
  public void addInts(int[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    boolean[] runNulls = nullsIn(nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        int value = values[base + i];
        if (runNulls != null && runNulls[base + i]) {
          numeric.setNa(i);
        } else {
          if (value <= min || value > max) {
            checkEdge(value, rowCount() + i + 1);
          }
          numeric.setOrdinary(i, value);
        }
      }
      numeric.commit(n);
      done += n;
    }
  }

  private void checkEdge(int value, long row) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "The value at row " + row + " is out of range for column " + name() + " (" + spec().type().typeName() + ")");
    }
    if (value == Integer.MIN_VALUE) {
      refuse("The value at row " + row + " is the smallest 32-bit integer, which is R's NA_integer_ and would hash the same as null. "
          + "Cast the column to bigint before writing.");
    }
  }
}
