package io.datom.spark.landing;

/**
 * IBM System/360 hexadecimal floating point, as SAS transport files store numbers, to IEEE 754 doubles.
 *
 * <p>An IBM double is a sign bit, a 7-bit base-16 exponent biased by 64 and a 56-bit fraction. The conversion keeps
 * the 53 most significant bits of the normalised fraction and drops the rest (truncation), as SAS's published
 * conversion routine and the readers built on it (ReadStat, which R's haven uses, and pandas) do. Every IBM exponent
 * fits a normal double, so nothing else is lost. A field shorter than 8 bytes (SAS allows 2 to 8) holds the leading
 * bytes of the number.
 */
public final class IbmFloat {

  private static final long FRACTION_MASK = 0x00FF_FFFF_FFFF_FFFFL;
  private static final long IEEE_FRACTION_MASK = (1L << 52) - 1;

  private IbmFloat() {}

  /**
   * Whether the {@code length} bytes at {@code offset} are a SAS missing value: {@code .}, {@code ._} or {@code .A}
   * to {@code .Z}, stored as that character followed by zero bytes.
   */
  public static boolean isMissing(byte[] bytes, int offset, int length) {
    int first = bytes[offset] & 0xFF;
    if (first != '.' && first != '_' && (first < 'A' || first > 'Z')) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (bytes[offset + i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The double of the IBM number in the {@code length} (2 to 8) bytes at {@code offset}, big-endian. */
  public static double toDouble(byte[] bytes, int offset, int length) {
    if (length < 2 || length > 8) {
      throw new IllegalArgumentException("An IBM float field has 2 to 8 bytes, not " + length);
    }
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (i < length ? bytes[offset + i] & 0xFF : 0);
    }
    return toDouble(bits);
  }

  /** The double of the 8-byte IBM number {@code bits}. */
  public static double toDouble(long bits) {
    long fraction = bits & FRACTION_MASK;
    if (fraction == 0) {
      return 0.0;
    }
    long sign = bits & Long.MIN_VALUE;
    int exponent16 = (int) ((bits >>> 56) & 0x7F) - 64;
    // Normalise the 56-bit fraction so that its leading 1 is bit 55: value = 1.f × 2^(4·e16 − 1 − shift).
    int shift = Long.numberOfLeadingZeros(fraction) - 8;
    long normalised = fraction << shift;
    int exponent2 = 4 * exponent16 - 1 - shift;
    long ieeeFraction = (normalised >>> 3) & IEEE_FRACTION_MASK;
    return Double.longBitsToDouble(sign | ((long) (exponent2 + 1023) << 52) | ieeeFraction);
  }

  /** The 8-byte IBM number nearest below {@code value} in magnitude (for writers of test files). */
  public static long fromDouble(double value) {
    if (value == 0.0 || Double.isNaN(value)) {
      return 0L;
    }
    long sign = value < 0 ? Long.MIN_VALUE : 0L;
    long ieee = Double.doubleToLongBits(Math.abs(value));
    int exponent2 = (int) ((ieee >>> 52) & 0x7FF) - 1023;
    long mantissa = (ieee & IEEE_FRACTION_MASK) | (1L << 52); // 53 bits, value = mantissa × 2^(exponent2 − 52)
    // IBM: value = fraction × 16^(e16 − 64) / 2^56 with fraction < 2^56. Choose e16 so that the shift is exact.
    int e = exponent2 + 1; // value = (mantissa / 2^53) × 2^e, with mantissa / 2^53 in [0.5, 1)
    int e16 = Math.floorDiv(e + 3, 4);
    int shiftRight = 4 * e16 - e; // 0..3
    long fraction = (mantissa << 3) >>> shiftRight;
    return sign | ((long) (e16 + 64) << 56) | fraction;
  }
}
