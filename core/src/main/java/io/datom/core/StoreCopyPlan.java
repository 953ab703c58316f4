package io.datom.core;

import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key of a project's store namespace, in the order a move copies them (R's {@code datom_storage_copy} copies
 * the same keys, in listing order): first the parquet objects, then the snapshots and histories that refer to them,
 * then each table's current {@code metadata.json}, then any other file, and the manifest last. A reader of the
 * destination therefore never finds metadata whose object is missing, nor a manifest naming a table whose metadata is
 * not there yet. Objects carry the {@code parquet_sha} the table histories record for them, for the content check.
 */
public final class StoreCopyPlan {

  /** The logical key of the project manifest in a store. */
  public static final String MANIFEST_KEY = ProjectLayout.STORE_MANIFEST;

  private static final List<List<StoreKeyKind>> PHASES = List.of(
      List.of(StoreKeyKind.OBJECT),
      List.of(StoreKeyKind.SNAPSHOT, StoreKeyKind.HISTORY),
      List.of(StoreKeyKind.METADATA),
      List.of(StoreKeyKind.OTHER),
      List.of(StoreKeyKind.MANIFEST));

  private final String projectName;
  private final List<List<CopyItem>> phases;

  private StoreCopyPlan(String projectName, List<List<CopyItem>> phases) {
    this.projectName = projectName;
    this.phases = phases;
  }

  /**
   * Lists {@code source} and reads its manifest and every table's history (small JSON documents).
   *
   * @throws ProjectNotInStoreException if the source holds no {@code .metadata/manifest.json}
   * @throws io.datom.core.exceptions.StoreException if the source cannot be listed or read
   */
  public static StoreCopyPlan of(Store source) {
    byte[] manifest = source.read(MANIFEST_KEY)
        .orElseThrow(() -> new ProjectNotInStoreException("<the project to copy>", source.describe()));
    String projectName = Manifest.parse(new String(manifest, StandardCharsets.UTF_8), MANIFEST_KEY + " of "
        + source.describe()).projectName().orElse("(unnamed)");
    Map<StoreKeyKind, List<String>> byKind = new EnumMap<>(StoreKeyKind.class);
    for (String key : source.list("")) {
      byKind.computeIfAbsent(StoreKeyKind.of(key), k -> new ArrayList<>()).add(key);
    }
    Map<String, String> recorded = recordedParquetShas(source, byKind.getOrDefault(StoreKeyKind.HISTORY, List.of()),
        byKind.getOrDefault(StoreKeyKind.METADATA, List.of()));
    List<List<CopyItem>> phases = new ArrayList<>();
    for (List<StoreKeyKind> kinds : PHASES) {
      List<CopyItem> phase = new ArrayList<>();
      for (StoreKeyKind kind : kinds) {
        for (String key : byKind.getOrDefault(kind, List.of())) {
          phase.add(new CopyItem(key, kind, kind == StoreKeyKind.OBJECT ? recorded.get(key) : null));
        }
      }
      phase.sort(Comparator.comparing(CopyItem::key));
      phases.add(List.copyOf(phase));
    }
    return new StoreCopyPlan(projectName, List.copyOf(phases));
  }

  /** {@code parquet_sha} by object key, from every version of every history, and the current metadata. */
  private static Map<String, String> recordedParquetShas(Store source, List<String> histories, List<String> current) {
    Map<String, String> shas = new HashMap<>();
    for (String key : histories) {
      String table = key.substring(0, key.indexOf('/'));
      source.read(key).ifPresent(bytes -> {
        VersionHistory history = VersionHistory.parse(new String(bytes, StandardCharsets.UTF_8), key + " of "
            + source.describe());
        for (HistoryEntry entry : history.entries()) {
          entry.dataSha().ifPresent(dataSha -> entry.parquetSha().filter(sha -> !sha.isEmpty())
              .ifPresent(sha -> shas.putIfAbsent(ProjectLayout.dataObject(table, dataSha), sha)));
        }
      });
    }
    for (String key : current) {
      String table = key.substring(0, key.indexOf('/'));
      source.read(key).ifPresent(bytes -> {
        TableMetadata metadata = TableMetadata.parse(new String(bytes, StandardCharsets.UTF_8), key + " of "
            + source.describe());
        metadata.dataSha().ifPresent(dataSha -> metadata.parquetSha().filter(sha -> !sha.isEmpty())
            .ifPresent(sha -> shas.putIfAbsent(ProjectLayout.dataObject(table, dataSha), sha)));
      });
    }
    return shas;
  }

  /** The project's name, from the source's manifest. */
  public String projectName() {
    return projectName;
  }

  /**
   * The keys in copy order, as phases: objects; snapshots and histories; current metadata; other files; the manifest.
   * The keys of one phase may be copied in parallel; a phase starts when the one before it is complete. Empty phases
   * are included.
   */
  public List<List<CopyItem>> phases() {
    return phases;
  }

  /** The parquet objects (the first phase). */
  public List<CopyItem> objects() {
    return phases.get(0);
  }

  /** Every key, in copy order. */
  public List<CopyItem> items() {
    return phases.stream().flatMap(List::stream).toList();
  }

  /** How many keys there are. */
  public int size() {
    return phases.stream().mapToInt(List::size).sum();
  }
}
