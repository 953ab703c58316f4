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
}
