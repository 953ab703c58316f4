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
}
