package io.datom.core;

import io.datom.core.exceptions.StoreException;
import io.datom.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A parquet file on the local file system, already written by the caller: what tests and small single-process jobs
 * hand to the writer. The file is only read when the object has to be placed, and is never modified or deleted.
 */
public final class LocalParquetFile implements ParquetObject {

  private final Path file;

  /** The parquet file at {@code file}; it must stay in place until the write that uses it returns. */
  public LocalParquetFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The file's path. */
  public Path file() {
    return file;
  }

  @Override
  public PlacedParquet placeAt(Store store, String key) {
    if (!store.putIfAbsent(key, file)) {
      return StoredObjects.describe(store, key);
    }
    // The store holds a complete copy of this file, so its digest is the stored object's digest.
    return describe(file, key);
  }

  private static PlacedParquet describe(Path file, String key) {
    try (InputStream in = Files.newInputStream(file)) {
      return StoredObjects.digest(in, true);
    } catch (IOException e) {
      throw new StoreException("Placed " + file + " at '" + key + "' but could not read it back to hash it: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "LocalParquetFile[" + file + "]";
  }
}
