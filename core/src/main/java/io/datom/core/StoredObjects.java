package io.datom.core;

import io.datom.core.exceptions.StoreException;
import io.datom.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Facts about objects already in a store, computed from their stored bytes. */
public final class StoredObjects {

  private StoredObjects() {}

  /**
   * Describes the object at {@code key} as found: its size and the SHA-256 of its bytes, streamed from the store.
   *
   * @throws io.datom.core.exceptions.StoreObjectNotFoundException if there is no object at {@code key}
   */
  public static PlacedParquet describe(Store store, String key) {
    try (InputStream in = store.open(key)) {
      return digest(in, false);
    } catch (IOException e) {
      throw new StoreException("Could not read '" + key + "' from store " + store.describe() + ": " + e, e);
    }
  }

  /** Size and SHA-256 of everything {@code in} yields. */
  static PlacedParquet digest(InputStream in, boolean created) throws IOException {
    MessageDigest digest = sha256();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
      size += n;
    }
    return new PlacedParquet(size, HexFormat.of().formatHex(digest.digest()), created);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
