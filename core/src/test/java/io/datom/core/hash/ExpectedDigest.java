package io.datom.core.hash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a column's cv1 digest input independently of the hashers, byte by byte from format §5.2 and §5.3, so
 * tests can check the exact payload a hasher wrote.
 */
final class ExpectedDigest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private ExpectedDigest(String tag, String name) {
    bytes.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
    bytes.write(0);
  }

  static ExpectedDigest column(String tag, String name) {
    return new ExpectedDigest(tag, name);
  }

  /** Eight bytes, little-endian. */
  ExpectedDigest longBits(long bits) {
    for (int i = 0; i < Long.BYTES; i++) {
      bytes.write((int) (bits >>> (8 * i)));
    }
    return this;
  }

  ExpectedDigest bytes(int... values) {
    for (int value : values) {
      bytes.write(value);
    }
    return this;
  }

  /** {@code source[offset .. offset + length)} as is. */
  ExpectedDigest bytes(byte[] source, int offset, int length) {
    bytes.write(source, offset, length);
    return this;
  }

  ExpectedDigest utf8(String text) {
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  String sha() {
    return Sha256.hashHex(bytes.toByteArray());
  }
}
