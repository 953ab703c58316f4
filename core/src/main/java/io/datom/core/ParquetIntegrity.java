package io.datom.core;

import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.exceptions.StoreException;
import io.datom.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The read-side integrity check of format §7 step 6: the stored parquet bytes must hash to the version's recorded
 * {@code parquet_sha}. Costs one sequential read of the whole object; versions without a {@code parquet_sha}
 * (pre-cv1) are not checked, as in R.
 */
public final class ParquetIntegrity {

  private static final int BUFFER = 1 << 16;

  private ParquetIntegrity() {}

  /**
   * Streams the snapshot's object through SHA-256 and compares it with its {@code parquet_sha}.
   *
   * @throws IntegrityCheckException when the bytes differ, naming the table, key and both hashes
   * @throws io.datom.core.exceptions.StoreObjectNotFoundException when the object is missing
   */
  public static void verify(Store store, Snapshot snapshot) {
    if (isRecorded(snapshot)) {
      requireMatches(snapshot, sha256(store, snapshot.objectKey()));
    }
  }

  /** Whether the snapshot records a {@code parquet_sha} to check against. */
  public static boolean isRecorded(Snapshot snapshot) {
    return snapshot.parquetSha().filter(sha -> !sha.isEmpty()).isPresent();
  }

  /**
   * Compares the SHA-256 of the snapshot's stored bytes, computed elsewhere (an engine may stream the object on a
   * worker), with its {@code parquet_sha}.
   *
   * @throws IntegrityCheckException when they differ
   */
  public static void requireMatches(Snapshot snapshot, String actualSha) {
    String expected = snapshot.parquetSha().orElse("");
    if (isRecorded(snapshot) && !actualSha.equals(expected)) {
      throw new IntegrityCheckException(snapshot.table(), snapshot.objectKey(), expected, actualSha);
    }
  }

  /**
   * The SHA-256 (lowercase hex) of the object at {@code key}, streamed once.
   *
   * @throws StoreException when it cannot be read
   */
  public static String sha256(Store store, String key) {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(store.open(key), digest)) {
      byte[] buffer = new byte[BUFFER];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
    } catch (IOException e) {
      throw new StoreException("Cannot read '" + key + "' in store " + store.describe() + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
