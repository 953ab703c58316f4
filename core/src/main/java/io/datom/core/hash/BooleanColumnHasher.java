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
}
