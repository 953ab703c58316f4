package io.datom.core.hash;

/** DATE columns: days since 1970-01-01, hashed as {@code date}. */
final class DateColumnHasher extends NumericBackedColumnHasher {

  DateColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.DATE, bufferSize);
  }

  @Override
  public void addEpochDay(int epochDay) {
    numeric.add(epochDay);
  }

  @Override
  public void addEpochDays(int[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    boolean[] runNulls = nullsIn(nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (runNulls != null && runNulls[base + i]) {
          numeric.setNa(i);
        } else {
          numeric.setOrdinary(i, values[base + i]);
        }
      }
      numeric.commit(n);
      done += n;
    }
  }
}
