package io.datom.core;

import io.datom.core.store.Store;

/**
 * The bytes of one table version, ready to be stored at their content address {@code {table}/{data_sha}.parquet}
 * (format §14.2). Core never reads table data: whoever wrote the parquet (a local file, or a Spark job's executors)
 * supplies an implementation that knows where the bytes are and how to publish them.
 *
 * <p>The writer calls {@link #placeAt} only when the version really needs the object: never for a write that changes
 * nothing or only metadata, and never when an earlier version already recorded an object for the same
 * {@code data_sha} (format §6 step 7).
 */
public interface ParquetObject {

  /**
   * Publishes the bytes at {@code key} with create-if-absent semantics (format §14.3, point 2) and describes the object
   * that is at {@code key} afterwards. When an object already exists there, it is left untouched and described as found
   * (its size and the SHA-256 of its stored bytes, which {@link StoredObjects#describe} computes).
   *
   * @param store the project's data store
   * @param key   the logical key {@code {table}/{data_sha}.parquet}
   * @return the object now at {@code key}
   * @throws io.datom.core.exceptions.StoreException if the store cannot be written or read
   */
  PlacedParquet placeAt(Store store, String key);
}
