package io.datom.core.hash;

/**
 * LONG (bigint) columns. Arrow gives R an integer column when every non-null value fits R's integer range
 * [-2147483647, 2147483647] and a {@code bit64::integer64} column otherwise, so the tag depends on all the values
 * (format §5.5): both candidate digests are computed in the one pass, and the {@code num} one is dropped as soon as a
 * value does not fit. INT64_MIN is refused: it is {@code NA_integer64_} and would hash the same as null.
 */
final class BigintColumnHasher extends TypedColumnHasher {
  private static final long R_INT_MIN = -Integer.MAX_VALUE;
  private static final long R_INT_MAX = Integer.MAX_VALUE;

  private final Int64ColumnHasher i64;
  private final NumericColumnHasher num;
  private boolean fitsRInteger = true;

  BigintColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec);
    this.i64 = new Int64ColumnHasher(spec.name(), bufferSize);
    this.num = new NumericColumnHasher(Cv1Tag.NUM, spec.name(), null, bufferSize);
  }

  @Override
  public void addLong(long value) {
    if (fitsRInteger) {
      if (value >= R_INT_MIN && value <= R_INT_MAX) {
        num.add(value);
      } else {
        fitsRInteger = false;
      }
    }
    if (value == Long.MIN_VALUE) {
      refuseNa(rowCount() + 1);
    }
    i64.add(value);
  }

  @Override
  public void addLongs(long[] values, boolean[] nulls, int offset, int length) {
    checkRun(values.length, nulls, offset, length);
    for (int done = 0; done < length; ) {
      int n = i64.reserve(length - done);
      int base = offset + done;
      boolean fits = true;
      for (int i = 0; i < n; i++) {
        long value = values[base + i];
        if (nulls != null && nulls[base + i]) {
          i64.set(i, Long.MIN_VALUE);
        } else {
          fits &= value >= R_INT_MIN && value <= R_INT_MAX;
          if (value == Long.MIN_VALUE) {
            refuseNa(rowCount() + i + 1);
          }
          i64.set(i, value);
        }
      }
      // The num candidate takes the run only while every value so far fits; once one does not, it is dead.
      fitsRInteger &= fits;
      if (fitsRInteger) {
        addNumRun(values, nulls, base, n);
      }
      i64.commit(n);
      done += n;
    }
  }

  private void addNumRun(long[] values, boolean[] nulls, int offset, int length) {
    for (int done = 0; done < length; ) {
      int n = num.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[base + i]) {
          num.setNa(i);
        } else {
          num.setOrdinary(i, values[base + i]);
        }
      }
      num.commit(n);
      done += n;
    }
  }

  private void refuseNa(long row) {
    refuse("The value at row " + row + " is the smallest 64-bit integer, which is bit64's NA_integer64_ and would hash the same "
        + "as null. Replace the value, or cast the column to string, before writing.");
  }

  @Override
  public void addNull() {
    if (fitsRInteger) {
      num.addNa();
    }
    i64.addNa();
  }

  @Override
  public long rowCount() {
    return i64.rowCount();
  }

  @Override
  String finishDigest() {
    return fitsRInteger ? num.finishDigest() : i64.finishDigest();
  }
}
