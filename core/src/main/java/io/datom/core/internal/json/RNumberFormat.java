package io.datom.core.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * jsonlite's {@code num_to_char} for finite doubles with its default {@code digits = 4} (format §4.3), bit for bit.
 * {@code Double.toString}, {@code String.format} and JSON libraries all round differently.
 */
final class RNumberFormat {

  private static final int DIGITS = 4;
  private static final double INT_MAX = 2147483647.0;
  private static final double SMALL = 1e-5;
  private static final int FRAC_SCALE = 10_000;

  private RNumberFormat() {}

  /** The text jsonlite writes for the finite double {@code v}. */
  static String format(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("Not a finite double: " + v);
    }
    double magnitude = Math.abs(v);
    if (magnitude < INT_MAX && magnitude > SMALL) {
      return fixedFourDecimals(v);
    }
    int significant = (int) Math.ceil(Math.min(17, Math.max(1, Math.log10(magnitude)) + DIGITS));
    return printfG(v, significant);
  }

  /** Case A: modp_dtoa2(v, prec = 4), including its round-half-to-odd-up rule and its "-0" for tiny negatives. */
  private static String fixedFourDecimals(double v) {
    boolean negative = v < 0;
    double value = negative ? -v : v;
    int whole = (int) value;
    double tmp = (value - whole) * FRAC_SCALE;
    long frac = (long) tmp;
    double diff = tmp - frac;
    if (diff > 0.5 || (diff == 0.5 && (frac & 1) == 1)) {
      frac++;
      if (frac >= FRAC_SCALE) {
        frac = 0;
        whole++;
      }
    }
    int count = DIGITS;
    while (count > 0 && frac % 10 == 0) {
      count--;
      frac /= 10;
    }
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    out.append(whole);
    if (count > 0) {
      String digits = Long.toString(frac);
      out.append('.').append("0".repeat(count - digits.length())).append(digits);
    }
    return out.toString();
  }

  /** Case B: C's {@code printf("%.{p}g", v)} as glibc does it: exact binary value, round half to even. */
  static String printfG(double v, int p) {
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < p) {
      return rounded.stripTrailingZeros().toPlainString();
    }
    String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
    StringBuilder out = new StringBuilder();
    if (rounded.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int absExponent = Math.abs(exponent);
    out.append('e').append(exponent < 0 ? '-' : '+');
    if (absExponent < 10) {
      out.append('0');
    }
    return out.append(absExponent).toString();
  }
}
