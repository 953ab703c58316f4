package io.datom.core.write;

import io.datom.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A parquet file on the local file system, already written by the caller: what tests and small single-process jobs
 * hand to the writer. The file is only read when the object has to be placed, and is never modified or deleted.
 */
public final class LocalParquetFile implements ParquetObject {

  private final Path file;

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
    return new PlacedParquet(sizeOf(file), sha256Of(file), true);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not size the parquet file " + file, e);
    }
  }

  private static String sha256Of(Path file) {
    MessageDigest digest = StoredObjects.sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the parquet file " + file, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public String toString() {
    return "LocalParquetFile[" + file + "]";
  }
}
