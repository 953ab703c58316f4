package io.datom.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds 0x00 bytes in UTF-8 text: U+0000 is the only character UTF-8 encodes with one, and R cannot hold it (format
 * §5.3), so such a value must be refused.
 */
final class NulBytes {
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private NulBytes() {}

  /** Whether {@code bytes[offset .. offset + length)} holds a 0x00 byte; tests a long at a time. */
  static boolean in(byte[] bytes, int offset, int length) {
    long zeros = 0;
    int i = 0;
    for (; i <= length - Long.BYTES; i += Long.BYTES) {
      zeros |= zeroBits((long) LONG_LE.get(bytes, offset + i));
    }
    boolean tailZero = false;
    for (; i < length; i++) {
      tailZero |= bytes[offset + i] == 0;
    }
    return held(zeros) || tailZero;
  }

  /**
   * The classic "haszero" bit trick without its last step ({@code & 0x80..80}, taken by {@link #held}), so that the
   * results for many words can be OR-ed first and tested once: the high bit of each 0x00 byte is set (and maybe of
   * other bytes too), and a word without a 0x00 byte leaves every high bit clear.
   */
  static long zeroBits(long word) {
    return (word - LOW_BITS) & ~word;
  }

  /** Whether OR-ed {@link #zeroBits} tell of a 0x00 byte. */
  static boolean held(long zeroBits) {
    return (zeroBits & HIGH_BITS) != 0;
  }

  /**
   * The first non-null row of a packed text column (see {@link StringColumnHasher#addValues}) holding a 0x00 byte,
   * or -1. The whole run is tested in one pass first, as rows are rarely refused.
   */
  static long firstRow(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    if (!in(bytes, offsets[from], offsets[to] - offsets[from])) {
      return -1;
    }
    for (int row = from; row < to; row++) {
      if (!(nulls != null && nulls[row]) && in(bytes, offsets[row], offsets[row + 1] - offsets[row])) {
        return row;
      }
    }
    return -1;
  }
}
