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
}
