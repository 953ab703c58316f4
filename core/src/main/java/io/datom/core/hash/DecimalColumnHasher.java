package io.datom.core.hash;

import java.math.BigDecimal;

/**
 * DECIMAL columns, hashed as {@code num} with the correctly rounded double of each value (what arrow's decimal to
 * double conversion gives R). A value of more than 15 significant digits, trailing zeros aside, is refused: two such
 * decimals can round to the same double, so a real change could hash as none. Every decimal of at most 15
 * significant digits maps to its own double, so columns of precision 15 or less are never refused.
 */
final class DecimalColumnHasher extends NumericBackedColumnHasher {
  /** The most significant digits a double tells apart. */
  static final int MAX_SIGNIFICANT_DIGITS = 15;
  /** Powers of ten, all exact as doubles (10^22 is the largest that is). */
  private static final double[] POWERS_OF_TEN = new double[MAX_SIGNIFICANT_DIGITS + 1];

  static {
    double power = 1.0;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10.0;
    }
  }

  private final int precision;
  private final int scale;

  DecimalColumnHasher(ColumnSpec spec, int bufferSize) {
    super(spec, Cv1Tag.NUM, bufferSize);
    this.precision = spec.type().precision();
    this.scale = spec.type().scale();
  }

  @Override
  public void addDecimal(BigDecimal value) {
    // precision() counts trailing zeros, so only a long value needs the allocating strip.
    if (value.precision() > MAX_SIGNIFICANT_DIGITS && value.stripTrailingZeros().precision() > MAX_SIGNIFICANT_DIGITS) {
      // The row, never the value: clinical data must not reach messages or logs.
      refuse("The value at row " + (rowCount() + 1) + " has more than "
          + MAX_SIGNIFICANT_DIGITS + " significant digits: distinct values that long can share a double, so a real "
          + "change could hash the same. Cast the column to double if that loss of precision is acceptable, or to "
          + "string, before writing.");
    }
    numeric.add(value.doubleValue());
  }

  @Override
  public void addUnscaledDecimal(long unscaled) {
    if (precision <= MAX_SIGNIFICANT_DIGITS) {
      numeric.add(toDouble(unscaled));
    } else {
      addDecimal(BigDecimal.valueOf(unscaled, scale));
    }
  }

  @Override
  public void addUnscaledDecimals(long[] unscaled, boolean[] nulls, int offset, int length) {
    checkRun(unscaled.length, nulls, offset, length);
    if (precision > MAX_SIGNIFICANT_DIGITS) {
      for (int i = offset; i < offset + length; i++) {
        if (nulls != null && nulls[i]) {
          addNull();
        } else {
          addUnscaledDecimal(unscaled[i]);
        }
      }
      return;
    }
    for (int done = 0; done < length; ) {
      int n = numeric.reserve(length - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[base + i]) {
          numeric.setNa(i);
        } else {
          numeric.set(i, toDouble(unscaled[base + i]));
        }
      }
      numeric.commit(n);
      done += n;
    }
  }

  /**
   * The value of an unscaled decimal of at most 15 digits: |unscaled| < 10^15 < 2^53 and 10^scale are exact doubles,
   * so one IEEE division is correctly rounded, the same double as {@link BigDecimal#doubleValue()}, without
   * allocating.
   */
  private double toDouble(long unscaled) {
    return unscaled / POWERS_OF_TEN[scale];
  }
}
