package io.datom.core.hash;

/**
 * TIMESTAMP and TIMESTAMP_NTZ columns, hashed as {@code time}: R's POSIXct seconds, {@code (double) micros / 1e6}
 * in one IEEE division, as arrow computes them. The time zone plays no part.
 */
final class TimestampColumnHasher extends NumericBackedColumnHasher {

  TimestampColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.TIME, bufferSize);
  }

  @Override
  public void addEpochMicros(long micros) {
    numeric.add(NumericColumnHasher.epochSeconds(micros));
  }

  @Override
  public void addEpochMicros(long[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    boolean[] runNulls = nullsIn(nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (runNulls != null && runNulls[base + i]) {
          numeric.setNa(i);
        } else {
          // Never NaN, and never -0.0: a non-zero count of microseconds is at least 1e-6 seconds away from 0.
          numeric.setOrdinary(i, NumericColumnHasher.epochSeconds(values[base + i]));
        }
      }
      numeric.commit(n);
      done += n;
    }
  }
}
