package io.datom.core.hash;

/** BOOLEAN columns: R logicals, hashed as {@code num} 0.0 / 1.0. */
final class BooleanColumnHasher extends NumericBackedColumnHasher {

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
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[base + i]) {
          numeric.setNa(i);
        } else {
          numeric.setOrdinary(i, values[base + i] ? 1.0 : 0.0);
        }
      }
      numeric.commit(n);
      done += n;
    }
  }
}
