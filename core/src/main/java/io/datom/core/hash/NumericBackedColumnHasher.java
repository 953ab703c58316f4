package io.datom.core.hash;

/** A typed column that always hashes as one numeric cv1 kind: SQL NULL is R's {@code NA}. */
abstract sealed class NumericBackedColumnHasher extends TypedColumnHasher
    permits BooleanColumnHasher, IntegerColumnHasher, FloatColumnHasher, DoubleColumnHasher, DecimalColumnHasher,
        DateColumnHasher, TimestampColumnHasher {

  final NumericColumnHasher numeric;

  NumericBackedColumnHasher(ColumnSpec spec, Cv1Tag tag, int bufferSize) {
    super(spec);
    this.numeric = new NumericColumnHasher(tag, spec.name(), null, bufferSize);
  }

  @Override
  public final void addNull() {
    numeric.addNa();
  }

  @Override
  public final long rowCount() {
    return numeric.rowCount();
  }

  @Override
  final String finishDigest() {
    return numeric.finishDigest();
  }
}
