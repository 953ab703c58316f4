package io.datom.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as datom uses it: a fresh JDK digest, and digests written as 64 lowercase hex characters. */
final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("This JVM provides no SHA-256", e);
    }
  }

  /** A finished digest as 64 lowercase hex characters. */
  static String formatHex(byte[] digest) {
    return HEX.formatHex(digest);
  }

  /** The SHA-256 of the concatenated parts, as hex. */
  static String hashHex(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return formatHex(digest.digest());
  }
}
