package io.datom.core;

import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Compares the store mirror with git. Documents are compared as parsed JSON, so layout alone (a trailing newline per
 * backend, or R's repair re-serialising a parsed file) is not a disagreement; an unparsable store document is.
 */
final class MirrorCheck {

  private final Store store;

  MirrorCheck(Store store) {
    this.store = store;
  }

  /** Where the store's copies of {@code state} (current metadata, its snapshot, history) disagree with git. */
  List<Discrepancy> table(TableState state) {
    List<Discrepancy> found = new ArrayList<>();
    String table = state.table();
    Optional<TableMetadata> current = state.current();
    if (current.isPresent()) {
      String expected = current.get().toJson();
      compare(table, ProjectLayout.storeMetadata(table), expected,
          DiscrepancyKind.METADATA_MISSING, DiscrepancyKind.METADATA_DIFFERS).ifPresent(found::add);
      compare(table, ProjectLayout.storeSnapshot(table, current.get().version()), expected,
          DiscrepancyKind.SNAPSHOT_MISSING, DiscrepancyKind.SNAPSHOT_DIFFERS).ifPresent(found::add);
    }
    state.historyFile().ifPresent(history -> compare(table, ProjectLayout.storeHistory(table), history.toStoreJson(),
        DiscrepancyKind.HISTORY_MISSING, DiscrepancyKind.HISTORY_DIFFERS).ifPresent(found::add));
    return found;
  }

  /** Whether the store's manifest disagrees with git's. */
  Optional<Discrepancy> manifest(Manifest manifest) {
    return compare(null, ProjectLayout.STORE_MANIFEST, manifest.toStoreJson(),
        DiscrepancyKind.MANIFEST_MISSING, DiscrepancyKind.MANIFEST_DIFFERS);
  }

  /**
   * The parquet objects that versions in the table's history refer to and the store lacks, and the current version's
   * object if its size is not the one its metadata records.
   */
  List<Discrepancy> parquet(TableState state) {
    Set<String> dataShas = new LinkedHashSet<>();
    state.history().entries().stream().map(HistoryEntry::dataSha).flatMap(Optional::stream).forEach(dataShas::add);
    state.current().flatMap(TableMetadata::dataSha).ifPresent(dataShas::add);
    List<Discrepancy> found = new ArrayList<>();
    for (String dataSha : dataShas) {
      String key = ProjectLayout.dataObject(state.table(), dataSha);
      if (!store.exists(key)) {
        found.add(Discrepancy.ofTable(DiscrepancyKind.PARQUET_MISSING, state.table(), key));
      }
    }
    state.current().ifPresent(current -> current.dataSha().ifPresent(dataSha -> {
      String key = ProjectLayout.dataObject(state.table(), dataSha);
      OptionalDouble recorded = current.sizeBytes();
      Optional<Long> stored = store.size(key);
      if (recorded.isPresent() && stored.isPresent() && stored.get() != (long) recorded.getAsDouble()
          && !matchesRecordedSha(current, key)) {
        found.add(Discrepancy.ofTable(DiscrepancyKind.PARQUET_SIZE_DIFFERS, state.table(), key));
      }
    }));
    return found;
  }

  /**
   * R records, for a metadata-only or reusing write, the size of a fresh serialisation it does not upload (format §6
   * step 3), so a size that differs is a damaged object only if the bytes do not hash to the recorded
   * {@code parquet_sha} either: only then is the object read in full.
   */
  private boolean matchesRecordedSha(TableMetadata current, String key) {
    return current.parquetSha().map(sha -> sha.equals(ParquetIntegrity.sha256(store, key))).orElse(false);
  }

  private Optional<Discrepancy> compare(String table, String key, String expected, DiscrepancyKind missing,
      DiscrepancyKind differs) {
    Optional<byte[]> stored = store.read(key);
    if (stored.isEmpty()) {
      return Optional.of(discrepancy(missing, table, key));
    }
    return sameJson(stored.get(), expected, key) ? Optional.empty() : Optional.of(discrepancy(differs, table, key));
  }

  private static boolean sameJson(byte[] stored, String expected, String key) {
    try {
      JsonValue actual = JsonParser.parse(stored, key);
      return actual.equals(JsonParser.parse(expected, key));
    } catch (MalformedJsonException unparsable) {
      return false;
    }
  }

  private static Discrepancy discrepancy(DiscrepancyKind kind, String table, String key) {
    return table == null ? Discrepancy.ofProject(kind, key) : Discrepancy.ofTable(kind, table, key);
  }
}
