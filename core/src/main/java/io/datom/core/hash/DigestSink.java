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
  /** Bytes a text copy may write past its terminator: the word copies of a value of up to 32 bytes. */
  private static final int WORD_OVERRUN = 4 * Long.BYTES;

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

  /** Writes UTF-8 bytes as is, then a 0x00 terminator. */
  void putNulTerminated(byte[] source, int offset, int length) {
    if (length > buffer.length - position - 1 - WORD_OVERRUN) {
      flush();
      if (length > buffer.length - 1 - WORD_OVERRUN) {
        putBytes(source, offset, length);
        putByte((byte) 0);
        return;
      }
    }
    copyValue(source, offset, length, buffer, position);
    position += length + 1;
  }

  /**
   * Writes rows {@code from} to {@code to - 1} of a packed text column as {@link #putNulTerminated(byte[], int, int)}
   * does, a null row giving just its terminator, and returns how many rows were null.
   *
   * @param offsets row {@code r} is {@code bytes[offsets[r] .. offsets[r + 1])}, so the rows are contiguous
   * @param nulls which rows are null, or {@code null} if none is
   */
  long putNulTerminated(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    long nullRows = 0;
    int row = from;
    while (row < to) {
      int end = rowsThatFit(offsets, row, to);
      if (end == row) {
        flush();
        end = rowsThatFit(offsets, row, to);
      }
      if (end == row) {
        // A single row longer than the whole buffer.
        boolean isNull = nulls != null && nulls[row];
        putBytes(bytes, offsets[row], isNull ? 0 : offsets[row + 1] - offsets[row]);
        putByte((byte) 0);
        nullRows += isNull ? 1 : 0;
        row++;
      } else {
        nullRows += copyRows(bytes, offsets, nulls, row, end);
        row = end;
      }
    }
    return nullRows;
  }

  /**
   * The end of the longest run of rows from {@code row} that fits in the buffer's free space with their terminators
   * and {@link #WORD_OVERRUN} bytes to spare; counting a null row's bytes too only ever asks for more room than needed.
   */
  private int rowsThatFit(int[] offsets, int row, int to) {
    long free = buffer.length - position - WORD_OVERRUN;
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

  /** Copies rows that {@link #rowsThatFit} said fit and returns how many were null. */
  private int copyRows(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    byte[] target = buffer;
    int p = position;
    int nullRows = 0;
    int start = offsets[from];
    for (int row = from; row < to; row++) {
      int next = offsets[row + 1];
      boolean isNull = nulls != null && nulls[row];
      int length = isNull ? 0 : next - start;
      copyValue(bytes, start, length, target, p);
      nullRows += isNull ? 1 : 0;
      p += length + 1;
      start = next;
    }
    position = p;
    return nullRows;
  }

  /**
   * Copies a value and a 0x00 terminator to {@code target[p..]}, which must have {@link #WORD_OVERRUN} bytes to spare
   * after the terminator. A value of up to 32 bytes is copied as whole words in straight-line code, the last word
   * running past the value (the extra bytes land where the terminator and the next value go): for short texts this is
   * several times faster than a copy loop or {@link System#arraycopy}.
   */
  private static void copyValue(byte[] source, int start, int length, byte[] target, int p) {
    if (length <= WORD_OVERRUN && start <= source.length - WORD_OVERRUN) {
      LONG_LE.set(target, p, (long) LONG_LE.get(source, start));
      if (length > Long.BYTES) {
        LONG_LE.set(target, p + 8, (long) LONG_LE.get(source, start + 8));
        if (length > 2 * Long.BYTES) {
          LONG_LE.set(target, p + 16, (long) LONG_LE.get(source, start + 16));
          if (length > 3 * Long.BYTES) {
            LONG_LE.set(target, p + 24, (long) LONG_LE.get(source, start + 24));
          }
        }
      }
    } else {
      System.arraycopy(source, start, target, p, length);
    }
    target[p + length] = 0;
  }

  /**
   * Writes the UTF-8 encoding of {@code text} as {@code text.getBytes(UTF_8)} would, without allocating, then a 0x00
   * terminator.
   */
  void putNulTerminated(String text) {
    long room = (long) text.length() * Utf16ToUtf8.MAX_BYTES_PER_CHAR + 1;
    if (room > buffer.length - position) {
      flush();
    }
    if (room > buffer.length) {
      putBytes(text.getBytes(StandardCharsets.UTF_8));
    } else {
      position = Utf16ToUtf8.encode(text, buffer, position);
    }
    putByte((byte) 0);
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
}
