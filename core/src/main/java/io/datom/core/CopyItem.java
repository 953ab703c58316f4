package io.datom.core;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One key of a project's store to copy to another store, with what it holds and, for a parquet object, the
 * {@code parquet_sha} the project's histories record for it (what a content check compares the copy with).
 *
 * @param key        the logical key, e.g. {@code dm/3f2a….parquet}
 * @param kind       what the key holds
 * @param parquetSha the recorded {@code parquet_sha} of an object, or {@code null} when none is recorded (a pre-cv1
 *                   version, or a file that is not an object)
 */
public record CopyItem(String key, StoreKeyKind kind, String parquetSha) implements Serializable {

  public CopyItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
  }

  /** The recorded {@code parquet_sha}, if any. */
  public Optional<String> recordedParquetSha() {
    return Optional.ofNullable(parquetSha).filter(sha -> !sha.isEmpty());
  }
}
