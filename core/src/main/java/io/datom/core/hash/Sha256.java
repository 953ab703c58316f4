package io.datom.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as datom writes it everywhere: a fresh JDK digest, and digests as 64 lowercase hex characters. */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** The sha256 hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return formatHex(newDigest().digest(bytes));
  }

  /** The sha256 hex of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh SHA-256 digest, for streaming input. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("This JVM provides no SHA-256", e);
    }
  }

  /** A finished digest as 64 lowercase hex characters. */
  public static String formatHex(byte[] digest) {
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
