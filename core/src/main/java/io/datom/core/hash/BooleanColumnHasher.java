package io.datom.core.hash;

/** BOOLEAN columns: R logicals, hashed as {@code num} 0.0 / 1.0. */
final class BooleanColumnHasher extends NumericBackedColumnHasher {
  private static final long TRUE_BITS = Double.doubleToRawLongBits(1.0);

  BooleanColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.NUM, bufferSize);
  }

  @Override
  public void addBoolean(boolean value) {
    numeric.add(value ? 1.0 : 0.0);
  }

  @Override
  public void addBooleans(boolean[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    boolean[] runNulls = nullsIn(nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        // No branch: true, false and null fall at random, so branches on them would be mispredicted.
        long bits = TRUE_BITS & -(long) (values[base + i] ? 1 : 0);
        numeric.setBitsOrNa(i, bits, runNulls != null && runNulls[base + i]);
      }
      numeric.commit(n);
      done += n;
    }
  }
}
