package io.datom.core.hash;

/** DOUBLE columns, hashed as {@code num}. */
final class DoubleColumnHasher extends NumericBackedColumnHasher {

  DoubleColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.NUM, bufferSize);
  }

  @Override
  public void addDouble(double value) {
    numeric.add(value);
  }

  @Override
  public void addDoubles(double[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    boolean[] runNulls = nullsIn(nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (runNulls != null && runNulls[base + i]) {
          numeric.setNa(i);
        } else {
          numeric.set(i, values[base + i]);
        }
      }
      numeric.commit(n);
      done += n;
    }
  }
}
