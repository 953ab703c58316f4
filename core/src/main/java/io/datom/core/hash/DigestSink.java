package io.datom.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Feeds one column's datom-cv1 bytes to SHA-256 through a reusable buffer, so the digest sees a few large updates
 * rather than one call per value, and no value allocates.
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

  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] buffer;
  private int position;

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

  /** Writes a double in the cv1 {@code num} encoding: NaN folded, -0 as +0, everything else bit-exact. */
  void putDouble(double value) {
    long bits;
    if (value != value) {
      bits = CANONICAL_NAN_BITS;
    } else if (value == 0.0) {
      bits = 0L;
    } else {
      bits = Double.doubleToRawLongBits(value);
    }
    putLong(bits);
  }

  /** Writes a long little-endian, as is. */
  void putLong(long value) {
    if (position > buffer.length - Long.BYTES) {
      flush();
    }
    LONG_LE.set(buffer, position, value);
    position += Long.BYTES;
  }

  void putByte(byte value) {
    if (position == buffer.length) {
      flush();
    }
    buffer[position++] = value;
  }

  void putBytes(byte[] source) {
    putBytes(source, 0, source.length);
  }

  void putBytes(byte[] source, int offset, int length) {
    if (length > buffer.length - position) {
      flush();
      if (length > buffer.length) {
        digest.update(source, offset, length);
        return;
      }
    }
    System.arraycopy(source, offset, buffer, position, length);
    position += length;
  }

  /**
   * Writes UTF-8 bytes as is and tells whether any of them is 0x00, i.e. whether the text holds U+0000 (UTF-8 never
   * uses a zero byte for anything else).
   */
  boolean putUtf8CheckingNul(byte[] source, int offset, int length) {
    if (length > buffer.length - position) {
      putBytes(source, offset, length);
      return containsZero(source, offset, length);
    }
    // Copy a long at a time and test it for a zero byte on the way (the classic "haszero" bit trick).
    byte[] target = buffer;
    int base = position;
    long zeros = 0;
    int i = 0;
    for (; i <= length - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONG_LE.get(source, offset + i);
      zeros |= (word - LOW_BITS) & ~word & HIGH_BITS;
      LONG_LE.set(target, base + i, word);
    }
    for (; i < length; i++) {
      byte b = source[offset + i];
      zeros |= b == 0 ? 1 : 0;
      target[base + i] = b;
    }
    position = base + length;
    return zeros != 0;
  }

  /**
   * Writes the UTF-8 encoding of {@code text} exactly as {@code text.getBytes(UTF_8)} would (an unpaired surrogate
   * becomes {@code ?}), without allocating, and tells whether the text holds U+0000.
   */
  boolean putUtf8CheckingNul(String text) {
    int length = text.length();
    if ((long) length * MAX_UTF8_BYTES_PER_CHAR > buffer.length - position) {
      flush();
      if ((long) length * MAX_UTF8_BYTES_PER_CHAR > buffer.length) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        putBytes(bytes, 0, bytes.length);
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
    position = 0;
  }

  private static boolean containsZero(byte[] source, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (source[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
