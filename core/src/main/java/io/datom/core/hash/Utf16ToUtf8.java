package io.datom.core.hash;

/**
 * Encodes a Java string as UTF-8 straight into a byte array, exactly as {@code String.getBytes(UTF_8)} would (an
 * unpaired surrogate becomes {@code ?}), without allocating.
 */
final class Utf16ToUtf8 {
  /** A UTF-16 char never takes more than three UTF-8 bytes (a surrogate pair takes four for two chars). */
  static final int MAX_BYTES_PER_CHAR = 3;

  private Utf16ToUtf8() {}

  /** Writes the UTF-8 of {@code text} at {@code target[p..]}, which must have room, and returns the next position. */
  static int encode(String text, byte[] target, int p) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        target[p++] = (byte) c;
      } else if (c < 0x800) {
        target[p++] = (byte) (0xC0 | (c >> 6));
        target[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, text.charAt(++i));
          target[p++] = (byte) (0xF0 | (codePoint >> 18));
          target[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          target[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          target[p++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          target[p++] = '?';
        }
      } else {
        target[p++] = (byte) (0xE0 | (c >> 12));
        target[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        target[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }
}
