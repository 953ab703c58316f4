package io.datom.core;

import io.datom.core.exceptions.StoreException;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.store.Store;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which parquet object a new version refers to (format §6 step 7 with §14.3 point 2). A metadata-only write
 * carries the current object's facts forward; a full write reuses an earlier version's object for the same data when
 * the store still has it, and otherwise lets the {@link ParquetObject} place itself with create-if-absent. Only that
 * last case touches the data.
 */
final class ObjectResolution {

  private static final Logger LOG = LoggerFactory.getLogger(ObjectResolution.class);

  private final Store store;

  ObjectResolution(Store store) {
    this.store = store;
  }

  /**
   * @param state         the table in git as the write found it
   * @param placedEarlier the object an earlier attempt of this write placed: a retry never places twice
   */
  ObjectFacts resolve(WriteAction action, WriteRequest request, MetadataDraft draft, TableState state,
      Optional<PlacedParquet> placedEarlier) {
    String key = ProjectLayout.dataObject(request.table(), draft.dataSha());
    if (action == WriteAction.METADATA_ONLY) {
      return carriedForward(state.current().orElseThrow(), key);
    }
    if (placedEarlier.isPresent()) {
      return ObjectFacts.placed(placedEarlier.get());
    }
    Optional<String> recorded = state.history().entries().stream()
        .filter(entry -> entry.dataSha().filter(draft.dataSha()::equals).isPresent())
        .flatMap(entry -> entry.parquetSha().filter(sha -> !sha.isEmpty()).stream())
        .findFirst();
    // A recorded object is reused without reading it: re-serialised bytes could differ and break its version's pin.
    Optional<Long> storedSize = recorded.isPresent() ? store.size(key) : Optional.empty();
    if (storedSize.isPresent()) {
      return ObjectFacts.recorded(recorded, Optional.of(storedSize.get().doubleValue()));
    }
    PlacedParquet placed = request.data().placeAt(store, key);
    if (placed.created()) {
      recordVerified(key, placed);
    }
    return ObjectFacts.placed(placed);
  }

  /**
   * Vouches for the object this write just created, whose bytes it hashed as it produced them, so that no reader
   * needs to stream it again to check it (docs/reading.md, "Integrity"). A failure costs readers one full check, not
   * the write.
   */
  private void recordVerified(String key, PlacedParquet placed) {
    try {
      store.identity(key).ifPresent(identity ->
          VerificationRecords.record(store, key, placed.parquetSha(), identity, "writer", Clock.systemUTC()));
    } catch (StoreException e) {
      LOG.warn("Could not record that {} in {} is verified ({}); the first reader will check it in full.", key,
          store.describe(), e.getMessage());
    }
  }

  /** The current version's {@code parquet_sha} (absent stays absent) and size, which describe the same object. */
  private ObjectFacts carriedForward(TableMetadata current, String key) {
    Optional<Double> size = current.sizeBytes().isPresent()
        ? Optional.of(current.sizeBytes().getAsDouble())
        : store.size(key).map(Long::doubleValue);
    return ObjectFacts.recorded(current.parquetSha(), size);
  }
}
