package io.datom.core;

import java.util.Objects;

/**
 * The parquet object a version refers to, as it is in the store.
 *
 * @param sizeBytes  the object's size in bytes (recorded as {@code size_bytes})
 * @param parquetSha SHA-256 hex of the stored bytes (recorded as {@code parquet_sha}; readers verify it)
 * @param created    {@code true} if this write created the object, {@code false} if it was already there
 */
public record PlacedParquet(long sizeBytes, String parquetSha, boolean created) {

  public PlacedParquet {
    Objects.requireNonNull(parquetSha, "parquetSha");
    if (!parquetSha.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("parquetSha must be 64 lowercase hex characters, got '" + parquetSha + "'");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative, got " + sizeBytes);
    }
  }
}
