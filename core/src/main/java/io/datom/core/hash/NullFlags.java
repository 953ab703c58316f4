package io.datom.core.hash;

import java.util.Arrays;

/**
 * Scans null flags a vector at a time ({@link Arrays#mismatch} against all-false flags), so runs without nulls, the
 * common case, can take a path that does not look at each row's flag.
 */
final class NullFlags {
  private static final boolean[] NONE = new boolean[4096];

  private NullFlags() {}

  /** The index of the first true flag in {@code flags[from .. to)}, or {@code to} if there is none. */
  static int firstTrue(boolean[] flags, int from, int to) {
    for (int start = from; start < to; start += NONE.length) {
      int length = Math.min(NONE.length, to - start);
      int mismatch = Arrays.mismatch(flags, start, start + length, NONE, 0, length);
      if (mismatch >= 0) {
        return start + mismatch;
      }
    }
    return to;
  }

  /** {@code flags}, or {@code null} if it is null or {@code flags[from .. to)} are all false. */
  static boolean[] orNullIfNone(boolean[] flags, int from, int to) {
    return flags == null || firstTrue(flags, from, to) == to ? null : flags;
  }
}
