package io.datom.core;

import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ObjectConflictException;
import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Copies the keys of a project's store to another store, one key at a time, with the rules that make a copy safe to
 * interrupt and run again:
 *
 * <ul>
 *   <li>a parquet object is created only if absent ({@link Store#putIfAbsent}); one already there with the same size
 *       is left as is (the content check of {@link CopyVerifier} hashes it), one with another size is refused with
 *       {@link ObjectConflictException}: a copy never overwrites an object;
 *   <li>a document (metadata, history, snapshot, manifest) is copied byte for byte, as R's
 *       {@code datom_storage_copy} transfers raw bytes; one already there with the same bytes is left as is, one with
 *       other bytes (a copy made before the source's last write) is replaced.
 * </ul>
 *
 * Engines copy the keys of one {@link StoreCopyPlan} phase in parallel with {@link #copy(Store, Store, CopyItem)};
 * {@link #copyAll} does the whole plan in order, on the calling thread.
 */
public final class StoreCopier {

  private StoreCopier() {}

  /**
   * Refuses a copy that could not end well, before anything is written: the same namespace on both sides, or a
   * destination that holds another project's manifest.
   *
   * @throws IllegalArgumentException if both stores are the same namespace
   * @throws NamespaceOccupiedException if the destination holds another project
   */
  public static void requireCopyable(StoreCopyPlan plan, Store source, Store destination) {
    if (source.location().type().equals(destination.location().type())
        && source.location().sameNamespaceAs(destination.location())) {
      throw new IllegalArgumentException("The source and the destination are the same store (" + source.describe()
          + "): name another root or prefix to copy the project to.");
    }
    Optional<byte[]> there = destination.read(StoreCopyPlan.MANIFEST_KEY);
    if (there.isPresent()) {
      String other;
      try {
        other = Manifest.parse(new String(there.get(), StandardCharsets.UTF_8), StoreCopyPlan.MANIFEST_KEY)
            .projectName().orElse("<unnamed>");
      } catch (RuntimeException unreadable) {
        other = "<unreadable>";
      }
      if (!other.equals(plan.projectName())) {
        throw new NamespaceOccupiedException(destination.describe(), other, "Cannot copy project \""
            + plan.projectName() + "\" to " + destination.describe() + ": that namespace already holds project \""
            + other + "\". Each datom project needs its own namespace (root + prefix): copy to another prefix or "
            + "root. Nothing was copied.");
      }
    }
  }

  /** Copies the whole plan in order on the calling thread, after {@link #requireCopyable}. */
  public static List<CopyOutcome> copyAll(Store source, Store destination) {
    StoreCopyPlan plan = StoreCopyPlan.of(source);
    requireCopyable(plan, source, destination);
    List<CopyOutcome> outcomes = new ArrayList<>();
    for (List<CopyItem> phase : plan.phases()) {
      for (CopyItem item : phase) {
        outcomes.add(copy(source, destination, item));
      }
    }
    return outcomes;
  }

  /**
   * Copies one key.
   *
   * @throws ObjectConflictException if the destination holds another object at the key
   * @throws StoreObjectNotFoundException if the source no longer holds the key
   * @throws StoreException if either store fails
   */
  public static CopyOutcome copy(Store source, Store destination, CopyItem item) {
    return item.kind().isDocument() ? copyDocument(source, destination, item) : copyObject(source, destination, item);
  }

  private static CopyOutcome copyObject(Store source, Store destination, CopyItem item) {
    String key = item.key();
    long bytes = source.size(key).orElseThrow(() -> new StoreObjectNotFoundException(source.describe(), key));
    Optional<Long> there = destination.size(key);
    if (there.isPresent()) {
      return present(destination, item, bytes, there.get());
    }
    Path temp = tempFile(key);
    try {
      try (InputStream in = source.open(key)) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new StoreException("Cannot read '" + key + "' in store " + source.describe() + ": " + e.getMessage(), e);
      }
      if (destination.putIfAbsent(key, temp)) {
        return new CopyOutcome(item, bytes, CopyAction.COPIED);
      }
      // Another copier created it meanwhile.
      return present(destination, item, bytes, destination.size(key).orElse(-1L));
    } finally {
      deleteQuietly(temp);
    }
  }

  private static CopyOutcome present(Store destination, CopyItem item, long bytes, long destinationBytes) {
    if (destinationBytes != bytes) {
      throw new ObjectConflictException(destination.describe(), item.key(), bytes, destinationBytes);
    }
    return new CopyOutcome(item, bytes, CopyAction.PRESENT);
  }

  private static CopyOutcome copyDocument(Store source, Store destination, CopyItem item) {
    String key = item.key();
    byte[] bytes = source.read(key).orElseThrow(() -> new StoreObjectNotFoundException(source.describe(), key));
    Optional<byte[]> there = destination.read(key);
    if (there.isPresent() && Arrays.equals(there.get(), bytes)) {
      return new CopyOutcome(item, bytes.length, CopyAction.PRESENT);
    }
    Path temp = tempFile(key);
    try {
      Files.write(temp, bytes);
      if (there.isPresent()) {
        destination.delete(key);
      }
      if (!destination.putIfAbsent(key, temp)
          && !destination.read(key).map(now -> Arrays.equals(now, bytes)).orElse(false)) {
        throw new StoreException("Could not copy '" + key + "' to store " + destination.describe() + ": something "
            + "else wrote it during the copy. Stop the other writer and copy again.");
      }
      return new CopyOutcome(item, bytes.length, there.isPresent() ? CopyAction.REPLACED : CopyAction.COPIED);
    } catch (IOException e) {
      throw new StoreException("Could not stage '" + key + "' for the copy to " + destination.describe() + ": "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static Path tempFile(String key) {
    try {
      return Files.createTempFile("datom-copy-", ".tmp");
    } catch (IOException e) {
      throw new StoreException("Could not create a local temporary file to copy '" + key + "': " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A temporary file left behind costs disk only; the copy's own outcome matters more.
    }
  }
}
