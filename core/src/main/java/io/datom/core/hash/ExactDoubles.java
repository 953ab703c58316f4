package io.datom.core.hash;

/**
 * Longs as doubles, exactly as a cast gives them, without the x86 integer-to-double instruction in hot loops.
 *
 * <p>{@code cvtsi2sd} writes only the low half of its register, so it waits for whatever last wrote that register.
 * When C2 (Java 17) gives it the register holding the previous row's result, every row waits for the one before: a
 * false dependency (JDK-8318562, JDK-8323116), which through a timestamp column's division made hashing three
 * times slower in some compilations of the same loop and not in others. Here the long is added to the bits of
 * 1.5 × 2<sup>52</sup> (whose ulp is 1, so the sum is that double plus the long, exactly) and 1.5 × 2<sup>52</sup>
 * subtracted again; the bits are moved into a register whole, and nothing waits.
 */
final class ExactDoubles {
  /** 1.5 × 2<sup>52</sup>: every integer in [2<sup>52</sup>, 2<sup>53</sup>) is a double, and ulp is 1 there. */
  private static final double OFFSET = 0x1.8p52;
  private static final long OFFSET_BITS = Double.doubleToRawLongBits(OFFSET);
  /** The sum stays in that binade for integers in [-2<sup>51</sup>, 2<sup>51</sup>). */
  private static final long LIMIT = 1L << 51;

  private ExactDoubles() {}

  /**
   * {@code (double) value}. Values from 2<sup>51</sup> on (microseconds after 2041, sentinel dates) take the cast,
   * which also rounds the way Java does past 2<sup>53</sup>.
   */
  static double of(long value) {
    if (value >= -LIMIT && value < LIMIT) {
      return Double.longBitsToDouble(OFFSET_BITS + value) - OFFSET;
    }
    return (double) value;
  }
}
