package io.datom.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

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
  /** The longest value copied as whole words (see {@link #copyShortValue}). */
  private static final int SHORT_VALUE = 4 * Long.BYTES;
  /**
   * Bytes a text copy may write past its terminator: a short value's last word runs up to 7 bytes past the value,
   * the terminator being the first of them.
   */
  private static final int WORD_OVERRUN = Long.BYTES;

  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] buffer;
  private int position;
  private long flushed;
  private boolean textHeldNul;
  /** Rows found null by the last {@link #copyShortRowsOrNulls}: its second result. */
  private int shortRowNulls;

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

  /** Writes {@code count} 0x00 bytes. */
  void putZeros(long count) {
    for (long done = 0; done < count; ) {
      if (position == buffer.length) {
        flush();
      }
      int n = (int) Math.min(count - done, buffer.length - position);
      Arrays.fill(buffer, position, position + n, (byte) 0);
      position += n;
      done += n;
    }
  }

  /**
   * Writes one byte per flag, 1 for true and 0 for false, and returns how many flags are true. The false flags before
   * the first true one (all of them, in a run without nulls) are found and written a vector at a time.
   */
  long putFlags(boolean[] flags, int offset, int length) {
    long trues = 0;
    for (int done = 0; done < length; ) {
      if (position == buffer.length) {
        flush();
      }
      int n = Math.min(length - done, buffer.length - position);
      int from = offset + done;
      int clear = NullFlags.firstTrue(flags, from, from + n) - from;
      byte[] target = buffer;
      int base = position;
      Arrays.fill(target, base, base + clear, (byte) 0);
      // Counting in a second pass, a word at a time, measured faster than counting in the copy loop.
      for (int i = clear; i < n; i++) {
        target[base + i] = flags[from + i] ? (byte) 1 : (byte) 0;
      }
      trues += ones(target, base + clear, base + n);
      position = base + n;
      done += n;
    }
    return trues;
  }

  /** How many bytes of {@code bytes[from .. to)}, each 0 or 1, are 1: the set bits, counted a word at a time. */
  private static long ones(byte[] bytes, int from, int to) {
    long ones = 0;
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      ones += Long.bitCount((long) LONG_LE.get(bytes, i));
    }
    for (; i < to; i++) {
      ones += bytes[i];
    }
    return ones;
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

  /** Writes UTF-8 bytes as is, then a 0x00 terminator; {@link #textHeldNul()} tells if they held a 0x00 byte. */
  void putNulTerminated(byte[] source, int offset, int length) {
    if (length > buffer.length - position - 1 - WORD_OVERRUN) {
      flush();
      if (length > buffer.length - 1 - WORD_OVERRUN) {
        putBytes(source, offset, length);
        putByte((byte) 0);
        textHeldNul |= NulBytes.in(source, offset, length);
        return;
      }
    }
    if (length <= SHORT_VALUE && offset <= source.length - SHORT_VALUE) {
      textHeldNul |= NulBytes.held(copyShortValue(source, offset, length, buffer, position));
      position += length + 1;
    } else {
      copyLongValue(source, offset, length);
    }
  }

  /**
   * Copies a value the word copies cannot take (longer than {@link #SHORT_VALUE}, or too close to the end of
   * {@code source}) and its terminator into the buffer, which has room, and tests it for 0x00 bytes.
   */
  private void copyLongValue(byte[] source, int offset, int length) {
    System.arraycopy(source, offset, buffer, position, length);
    buffer[position + length] = 0;
    textHeldNul |= NulBytes.in(source, offset, length);
    position += length + 1;
  }

  /**
   * Writes rows {@code from} to {@code to - 1} of a packed text column as {@link #putNulTerminated(byte[], int, int)}
   * does, a null row giving just its terminator, and returns how many rows were null. Whether a non-null row held a
   * 0x00 byte is tested on the way, and {@link #textHeldNul()} then tells.
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
        int length = isNull ? 0 : offsets[row + 1] - offsets[row];
        putBytes(bytes, offsets[row], length);
        putByte((byte) 0);
        textHeldNul |= NulBytes.in(bytes, offsets[row], length);
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
   * Whether text written by one of the {@code putNulTerminated} methods for bytes so far held a 0x00 byte (U+0000),
   * null rows aside. Once true, it stays true.
   */
  boolean textHeldNul() {
    return textHeldNul;
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

  /**
   * Copies rows that {@link #rowsThatFit} said fit, testing them for 0x00 bytes, and returns how many were null.
   *
   * <p>Short values go through loops without calls ({@link #copyShortRows}, {@link #copyShortRowsOrNulls}), which
   * stop at the first value that needs {@link System#arraycopy}; that value is copied here, and the loop resumes. With
   * the call inside the loop, the JIT kept the loop's variables on the stack (they must survive the call), and every
   * row reloaded and stored them.
   */
  private long copyRows(byte[] bytes, int[] offsets, boolean[] nulls, int from, int to) {
    long nullRows = 0;
    int row = from;
    while (row < to) {
      if (nulls == null) {
        row = copyShortRows(bytes, offsets, row, to);
      } else {
        int stop = copyShortRowsOrNulls(bytes, offsets, nulls, row, to);
        nullRows += shortRowNulls;
        row = stop;
      }
      if (row < to) {
        // A long value, or one too close to the end of bytes for whole-word reads.
        boolean isNull = nulls != null && nulls[row];
        copyLongValue(bytes, offsets[row], isNull ? 0 : offsets[row + 1] - offsets[row]);
        nullRows += isNull ? 1 : 0;
        row++;
      }
    }
    return nullRows;
  }

  /**
   * Copies rows from {@code row} on with {@link #copyShortValue}, up to {@code to} or the first row it cannot copy,
   * and returns that row.
   */
  private int copyShortRows(byte[] bytes, int[] offsets, int row, int to) {
    byte[] target = buffer;
    int p = position;
    int end = wordReadable(bytes, offsets, row, to);
    for (; row < end; row++) {
      int start = offsets[row];
      int length = offsets[row + 1] - start;
      if (length > SHORT_VALUE) {
        break;
      }
      if (NulBytes.held(copyShortValue(bytes, start, length, target, p))) {
        // Rare; a field write here keeps a register free in the loop.
        textHeldNul = true;
      }
      p += length + 1;
    }
    position = p;
    return row;
  }

  /**
   * The end of the rows from {@code row} whose values start at least {@link #SHORT_VALUE} bytes before the end of
   * {@code bytes}, so that {@link #copyShortValue} may read whole words from them: all but the last few rows of a
   * column, found once per loop instead of tested in it. Offsets never decrease, so those rows come first; a binary
   * search finds their end, because a scan back from {@code to} would cross every empty or null row at the end of
   * {@code bytes} again each time the loop resumes after a long value (quadratic in such rows).
   */
  private static int wordReadable(byte[] bytes, int[] offsets, int row, int to) {
    int lastStart = bytes.length - SHORT_VALUE;
    int low = row;
    int high = to;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (offsets[mid] <= lastStart) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * {@link #copyShortRows} for a run with null rows, which count as values of length 0 whatever their bytes; sets
   * {@link #shortRowNulls}.
   */
  private int copyShortRowsOrNulls(byte[] bytes, int[] offsets, boolean[] nulls, int row, int to) {
    byte[] target = buffer;
    int p = position;
    int nullRows = 0;
    int end = wordReadable(bytes, offsets, row, to);
    for (; row < end; row++) {
      int start = offsets[row];
      boolean isNull = nulls[row];
      int length = isNull ? 0 : offsets[row + 1] - start;
      if (length > SHORT_VALUE) {
        break;
      }
      if (NulBytes.held(copyShortValue(bytes, start, length, target, p))) {
        textHeldNul = true;
      }
      nullRows += isNull ? 1 : 0;
      p += length + 1;
    }
    position = p;
    shortRowNulls = nullRows;
    return row;
  }

  /**
   * Copies a value of at most {@link #SHORT_VALUE} bytes starting at most that many bytes before the end of
   * {@code source}, and a 0x00 terminator, to {@code target[p..]}, which must have {@link #WORD_OVERRUN} bytes to
   * spare after the terminator; returns {@link NulBytes#zeroBits} of the value's words, OR-ed, for
   * {@link NulBytes#held} to tell whether it holds a 0x00 byte.
   *
   * <p>Short values, the common case in clinical tables (codes, flags, results, ids), are copied as whole words in
   * straight-line code, several times faster than a copy loop or {@link System#arraycopy}, with one branch per size
   * class, which a column of values alike in length predicts:
   *
   * <ul>
   *   <li>under 8 bytes: one load and one store. The word is masked to the value's bytes, so the zero byte right
   *       after them is the terminator; with the bytes past the value set instead, it is the NUL test;
   *   <li>8 to 16, 17 to 24 and 25 to 32 bytes: two, three or four words, the last running past the value (the extra
   *       bytes land where the terminator and the next value go), then the terminator. The NUL test reads the same
   *       words, the last with its bytes past the value set.
   * </ul>
   */
  private static long copyShortValue(byte[] source, int start, int length, byte[] target, int p) {
    if (length < Long.BYTES) {
      long pastValue = -1L << (length << 3);
      long word = word(source, start);
      setWord(target, p, word & ~pastValue);
      return NulBytes.zeroBits(word | pastValue);
    }
    long zeros = copyWords(source, start, length, target, p);
    target[p + length] = 0;
    return zeros;
  }

  /** The 8-to-32-byte cases of {@link #copyShortValue}, apart so that both stay small enough for the JIT to inline. */
  private static long copyWords(byte[] source, int start, int length, byte[] target, int p) {
    // Each size class reads and writes its words in one block, where the JIT can merge their bounds checks; each word
    // is tested as soon as it is read, so that few values are live at once (the copy loops run out of registers
    // otherwise, and the JIT then keeps their counters on the stack).
    if (length <= 2 * Long.BYTES) {
      long first = word(source, start);
      long last = word(source, start + 8);
      setWord(target, p, first);
      setWord(target, p + 8, last);
      return NulBytes.zeroBits(first) | NulBytes.zeroBits(last | pastValue(length - 8));
    }
    if (length <= 3 * Long.BYTES) {
      long first = word(source, start);
      long second = word(source, start + 8);
      long last = word(source, start + 16);
      setWord(target, p, first);
      setWord(target, p + 8, second);
      setWord(target, p + 16, last);
      return NulBytes.zeroBits(first) | NulBytes.zeroBits(second) | NulBytes.zeroBits(last | pastValue(length - 16));
    }
    long first = word(source, start);
    long second = word(source, start + 8);
    long third = word(source, start + 16);
    long last = word(source, start + 24);
    setWord(target, p, first);
    setWord(target, p + 8, second);
    setWord(target, p + 16, third);
    setWord(target, p + 24, last);
    return NulBytes.zeroBits(first) | NulBytes.zeroBits(second) | NulBytes.zeroBits(third)
        | NulBytes.zeroBits(last | pastValue(length - 24));
  }

  /**
   * A word with its first {@code kept} bytes clear and the others set, for {@code kept} from 0 to 8; two shifts,
   * because Java takes a long's shift distance modulo 64.
   */
  private static long pastValue(int kept) {
    int half = kept << 2;
    return (-1L << half) << half;
  }

  private static long word(byte[] bytes, int index) {
    return (long) LONG_LE.get(bytes, index);
  }

  private static void setWord(byte[] bytes, int index, long word) {
    LONG_LE.set(bytes, index, word);
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
