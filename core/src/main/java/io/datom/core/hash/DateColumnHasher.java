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
}
