package io.datom.core;

import io.datom.core.store.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the copy of a project's store, key by key (R's {@code datom_storage_verify}, both modes):
 *
 * <ul>
 *   <li>{@link #structural}: the key exists at the destination with the source's size, and a document has the
 *       source's bytes exactly;
 *   <li>{@link #content}: a parquet object at the destination hashes to the {@code parquet_sha} its history records
 *       (or, for a pre-cv1 version with none, to the source object's SHA-256). Costs one read of the object.
 * </ul>
 *
 * Engines check objects in parallel with these; {@link #verifyAll} checks a whole plan on the calling thread.
 */
public final class CopyVerifier {

  private CopyVerifier() {}

  /** Checks every key of the source's plan at the destination, structurally and, for objects, by content. */
  public static CopyVerification verifyAll(Store source, Store destination) {
    StoreCopyPlan plan = StoreCopyPlan.of(source);
    List<KeyCheck> checks = new ArrayList<>();
    for (CopyItem item : plan.items()) {
      KeyCheck check = structural(source, destination, item);
      checks.add(check.ok() && !item.kind().isDocument() ? content(source, destination, item, check.bytes()) : check);
    }
    return new CopyVerification(destination.describe(), checks);
  }

  /** Presence and size; for a document, the exact bytes. */
  public static KeyCheck structural(Store source, Store destination, CopyItem item) {
    String key = item.key();
    Optional<Long> sourceBytes = source.size(key);
    if (sourceBytes.isEmpty()) {
      return KeyCheck.failed(item, -1, "the source no longer holds it");
    }
    long bytes = sourceBytes.get();
    Optional<Long> there = destination.size(key);
    if (there.isEmpty()) {
      return KeyCheck.failed(item, bytes, "missing at the destination");
    }
    if (there.get() != bytes) {
      return KeyCheck.failed(item, bytes, "size differs: source " + bytes + " bytes, destination " + there.get());
    }
    if (item.kind().isDocument()
        && !Arrays.equals(source.read(key).orElse(null), destination.read(key).orElse(null))) {
      return KeyCheck.failed(item, bytes, "the document's bytes differ from the source's");
    }
    return KeyCheck.passed(item, bytes);
  }

  /**
   * The SHA-256 of the destination's object against its recorded {@code parquet_sha}, or against the source's object
   * when none is recorded.
   *
   * @param bytes the object's size at the source, for the report
   */
  public static KeyCheck content(Store source, Store destination, CopyItem item, long bytes) {
    String actual = ParquetIntegrity.sha256(destination, item.key());
    Optional<String> recorded = item.recordedParquetSha();
    String expected = recorded.orElseGet(() -> ParquetIntegrity.sha256(source, item.key()));
    if (!actual.equals(expected)) {
      return KeyCheck.failed(item, bytes, "content differs: the destination's object hashes to " + actual + ", "
          + (recorded.isPresent() ? "its recorded parquet_sha is " : "the source's to ") + expected);
    }
    return KeyCheck.passed(item, bytes);
  }
}
