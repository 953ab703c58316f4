package io.datom.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Feeds one column's datom-cv1 bytes to SHA-256 through a reusable buffer, so the digest sees a few large updates
 * rather than one call per value, and no value allocates.
 *
 * <p>Besides single values, it takes runs of values: {@link #reserveLongs}, {@link #setLong} and
 * {@link #commitLongs} let a caller encode a run in a tight loop in which the write position stays in a register,
 * which per-value calls cannot achieve (the position then makes a round trip through memory for every value).
 */
final class DigestSink {
  static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

  /** R's {@code NA_real_}: a NaN payload R keeps distinct from NaN, bytes {@code a2 07 00 00 00 00 f0 7f}. */
  static final long NA_REAL_BITS = 0x7FF00000000007A2L;
  /** The one NaN of datom-cv1, bytes {@code 00 00 00 00 00 00 f8 7f}, whatever the payload or sign of the input. */
  static final long CANONICAL_NAN_BITS = 0x7FF8000000000000L;

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  /** A UTF-16 char never takes more than three UTF-8 bytes (a surrogate pair takes four for two chars). */
  private static final int MAX_UTF8_BYTES_PER_CHAR = 3;
  /** Room a text needs beyond its bytes: the terminator and one word of overrun from the tail copy. */
  private static final int TEXT_SLACK = 1 + Long.BYTES;
  /** Bytes a run of texts may write past its last terminator: the word copies of a value of up to 32 bytes. */
  private static final int RUN_OVERRUN = 4 * Long.BYTES;

  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] buffer;
  private int position;
  private long flushed;

  DigestSink() {
    this(DEFAULT_BUFFER_SIZE);
  }

  /** A sink with a buffer of {@code bufferSize} bytes (at least 8); small sizes let tests cross every boundary. */
  DigestSink(int bufferSize) {
    if (bufferSize < Long.BYTES) {
      throw new IllegalArgumentException("The buffer must hold at least one long, not " + bufferSize + " bytes");
    }
    this.buffer = new byte[bufferSize];
  }

  /** The bits of a double in the cv1 {@code num} encoding: NaN folded, -0 as +0, everything else bit-exact. */
  static long numBits(double value) {
    if (value != value) {
      return CANONICAL_NAN_BITS;
    }
    return value == 0.0 ? 0L : Double.doubleToRawLongBits(value);
  }

  /** Bytes written so far. */
  long size() {
    return flushed + position;
  }

  /** Writes a long little-endian, as is. */
  void putLong(long value) {
    if (position > buffer.length - Long.BYTES) {
      flush();
    }
    LONG_LE.set(buffer, position, value);
    position += Long.BYTES;
  }

  /**
   * Makes room for a run of longs and tells how many of the {@code wanted} ones fit before the next flush (at least
   * one). Set them with {@link #setLong} and then {@link #commitLongs}.
   */
  int reserveLongs(int wanted) {
    if (position > buffer.length - Long.BYTES) {
      flush();
    }
    return Math.min(wanted, (buffer.length - position) / Long.BYTES);
  }

  /** Sets the {@code index}-th long of the reserved run. */
  void setLong(int index, long value) {
    LONG_LE.set(buffer, position + index * Long.BYTES, value);
  }

  /** Writes the first {@code count} longs of the reserved run. */
  void commitLongs(int count) {
    position += count * Long.BYTES;
  }

  void putByte(byte value) {
    if (position == buffer.length) {
      flush();
    }
    buffer[position++] = value;
  }

  /** Writes one byte per flag, 1 for true and 0 for false, and returns how many flags are true. */
  long putFlags(boolean[] flags, int offset, int length) {
    long trues = 0;
    for (int done = 0; done < length; ) {
      if (position == buffer.length) {
        flush();
      }
      int n = Math.min(length - done, buffer.length - position);
      byte[] target = buffer;
      int base = position;
      for (int i = 0; i < n; i++) {
        boolean flag = flags[offset + done + i];
        target[base + i] = flag ? (byte) 1 : (byte) 0;
        trues += flag ? 1 : 0;
      }
      position = base + n;
      done += n;
    }
    return trues;
  }

  void putBytes(byte[] source) {
    putBytes(source, 0, source.length);
  }

  void putBytes(byte[] source, int offset, int length) {
    if (length > buffer.length - position) {
      flush();
      if (length > buffer.length) {
        digest.update(source, offset, length);
        flushed += length;
        return;
      }
    }
    System.arraycopy(source, offset, buffer, position, length);
    position += length;
  }

  /**
   * Writes UTF-8 bytes as is, then a 0x00 terminator, and tells whether any of the bytes is 0x00, i.e. whether the
   * text holds U+0000 (UTF-8 never uses a zero byte for anything else).
   */
  boolean putNulTerminated(byte[] source, int offset, int length) {
    if (length > buffer.length - position - TEXT_SLACK) {
      flush();
      if (length > buffer.length - TEXT_SLACK) {
        putBytes(source, offset, length);
        putByte((byte) 0);
        return containsZero(source, offset, length);
      }
    }
    long zeros = copyTerminated(source, offset, length, buffer, position);
    position += length + 1;
    return zeros != 0;
  }

  /**
   * Writes rows {@code from} to {@code to - 1} of a packed text column as {@link #putNulTerminated(byte[], int, int)}
   * does, a null row giving just its terminator, and returns the first row holding a 0x00 byte, or -1.
   *
   * @param offsets row {@code r} is {@code bytes[offsets[r] .. offsets[r + 1])}, so the rows are contiguous
   * @param nulls which rows are null, or {@code null} if none is
   */
  long putNulTerminated(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    long firstNul = containsZero(bytes, offsets[from], offsets[to] - offsets[from])
        ? firstRowWithZero(bytes, offsets, nulls, from, to)
        : -1;
    int row = from;
    while (row < to) {
      int end = rowsThatFit(offsets, row, to);
      if (end == row) {
        flush();
        end = rowsThatFit(offsets, row, to);
      }
      if (end == row) {
        // A single row longer than the whole buffer.
        putNulTerminated(bytes, offsets[row], nulls != null && nulls[row] ? 0 : offsets[row + 1] - offsets[row]);
        row++;
      } else {
        copyRows(bytes, offsets, nulls, row, end);
        row = end;
      }
    }
    return firstNul;
  }

  /**
   * The end of the longest run of rows from {@code row} that fits in the buffer's free space with their terminators
   * and {@link #RUN_OVERRUN} bytes to spare; counting a null row's bytes too only ever asks for more room than needed.
   */
  private int rowsThatFit(int[] offsets, int row, int to) {
    long free = buffer.length - position - RUN_OVERRUN;
    int low = row;
    int high = to;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      long needed = (long) offsets[mid] - offsets[row] + (mid - row);
      if (needed <= free) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /**
   * Copies rows that {@link #rowsThatFit} said fit. A value of up to 32 bytes is copied as whole words in
   * straight-line code, the last word running past the value (its extra bytes land where the terminator and the next
   * value go): for short texts this is several times faster than a copy loop or {@link System#arraycopy}.
   */
  private void copyRows(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    byte[] target = buffer;
    int p = position;
    int wordsLimit = bytes.length - RUN_OVERRUN;
    int start = offsets[from];
    for (int row = from; row < to; row++) {
      int next = offsets[row + 1];
      int length = nulls != null && nulls[row] ? 0 : next - start;
      if (length <= RUN_OVERRUN && start <= wordsLimit) {
        LONG_LE.set(target, p, (long) LONG_LE.get(bytes, start));
        if (length > Long.BYTES) {
          LONG_LE.set(target, p + 8, (long) LONG_LE.get(bytes, start + 8));
          if (length > 2 * Long.BYTES) {
            LONG_LE.set(target, p + 16, (long) LONG_LE.get(bytes, start + 16));
            if (length > 3 * Long.BYTES) {
              LONG_LE.set(target, p + 24, (long) LONG_LE.get(bytes, start + 24));
            }
          }
        }
      } else {
        System.arraycopy(bytes, start, target, p, length);
      }
      target[p + length] = 0;
      p += length + 1;
      start = next;
    }
    position = p;
  }

  private static long firstRowWithZero(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    for (int row = from; row < to; row++) {
      if (!(nulls != null && nulls[row]) && containsZero(bytes, offsets[row], offsets[row + 1] - offsets[row])) {
        return row;
      }
    }
    return -1;
  }

  /**
   * Copies {@code length} bytes and a 0x00 terminator to {@code target[base..]}, which must have
   * {@link #TEXT_SLACK} bytes to spare, and returns non-zero if a copied byte is 0x00.
   */
  private static long copyTerminated(byte[] source, int offset, int length, byte[] target, int base) {
    long zeros = 0;
    int i = 0;
    // A long at a time, testing each for a zero byte on the way (the classic "haszero" bit trick).
    for (; i <= length - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONG_LE.get(source, offset + i);
      zeros |= (word - LOW_BITS) & ~word & HIGH_BITS;
      LONG_LE.set(target, base + i, word);
    }
    int tail = length - i;
    if (tail > 0) {
      if (offset + i <= source.length - Long.BYTES) {
        // Copy a whole word although only `tail` bytes belong to the value: the extra bytes land where the
        // terminator and the next values will be written, and are set to 0xff for the zero test.
        long word = (long) LONG_LE.get(source, offset + i);
        long tested = word | (-1L << (Byte.SIZE * tail));
        zeros |= (tested - LOW_BITS) & ~tested & HIGH_BITS;
        LONG_LE.set(target, base + i, word);
      } else {
        for (; i < length; i++) {
          byte b = source[offset + i];
          zeros |= b == 0 ? 1 : 0;
          target[base + i] = b;
        }
      }
    }
    target[base + length] = 0;
    return zeros;
  }

  /**
   * Writes the UTF-8 encoding of {@code text} exactly as {@code text.getBytes(UTF_8)} would (an unpaired surrogate
   * becomes {@code ?}), without allocating, then a 0x00 terminator; tells whether the text holds U+0000.
   */
  boolean putNulTerminated(String text) {
    int length = text.length();
    if ((long) length * MAX_UTF8_BYTES_PER_CHAR + 1 > buffer.length - position) {
      flush();
      if ((long) length * MAX_UTF8_BYTES_PER_CHAR + 1 > buffer.length) {
        putBytes(text.getBytes(StandardCharsets.UTF_8));
        putByte((byte) 0);
        return text.indexOf('\0') >= 0;
      }
    }
    byte[] target = buffer;
    int p = position;
    boolean nul = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        nul |= c == 0;
        target[p++] = (byte) c;
      } else if (c < 0x800) {
        target[p++] = (byte) (0xC0 | (c >> 6));
        target[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        int codePoint = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))
            ? Character.toCodePoint(c, text.charAt(++i))
            : -1;
        if (codePoint < 0) {
          target[p++] = '?';
        } else {
          target[p++] = (byte) (0xF0 | (codePoint >> 18));
          target[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          target[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          target[p++] = (byte) (0x80 | (codePoint & 0x3F));
        }
      } else {
        target[p++] = (byte) (0xE0 | (c >> 12));
        target[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        target[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    target[p++] = 0;
    position = p;
    return nul;
  }

  /** Flushes what is buffered and returns the digest as 64 lowercase hex characters. The sink is then spent. */
  String finishHex() {
    flush();
    return Sha256.formatHex(digest.digest());
  }

  private void flush() {
    digest.update(buffer, 0, position);
    flushed += position;
    position = 0;
  }

  private static boolean containsZero(byte[] source, int offset, int length) {
    long zeros = 0;
    int i = 0;
    for (; i <= length - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONG_LE.get(source, offset + i);
      zeros |= (word - LOW_BITS) & ~word & HIGH_BITS;
    }
    for (; i < length; i++) {
      zeros |= source[offset + i] == 0 ? 1 : 0;
    }
    return zeros != 0;
  }
}
