package io.datom.core.hash;

/** FLOAT columns: widened exactly to double and hashed as {@code num}, as arrow gives them to R. */
final class FloatColumnHasher extends NumericBackedColumnHasher {

  FloatColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.NUM, bufferSize);
  }

  @Override
  public void addFloat(float value) {
    numeric.add(value);
  }

  @Override
  public void addFloats(float[] values, boolean[] nulls, int offset, int length) {
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
