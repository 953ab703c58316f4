package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.core.store.Store;
import io.datom.core.testing.CountingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Store requests to resolve a version, in each form, at 10 and at 1,000 versions of history: the same small number
 * (issue 15's target: at most 3), because the history is one document and the current version one more.
 */
class ResolutionReadsTest {

  private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(ints = {10, 1_000})
  void eachFormCostsAtMostThreeReadsWhateverTheHistorysLength(int versions) {
    LocalStore store = new LocalStore(tmp.resolve("store"), null);
    List<String> shas = writeHistory(store, "lb", versions);
    String oldest = shas.get(shas.size() - 1);
    String middle = shas.get(shas.size() / 2);

    assertReads(2, store, VersionSpec.current(), shas.get(0)); // metadata.json, version_history.json
    assertReads(1, store, VersionSpec.version(oldest), oldest); // version_history.json
    assertReads(1, store, VersionSpec.version(middle.substring(0, 12)), middle);
    // Version i (0 = oldest) was written at FIRST + i hours; half an hour later, version i is the newest.
    int index = versions - 1 - shas.size() / 2;
    assertReads(1, store, VersionSpec.asOf(FIRST.plusSeconds(index * 3600L + 1800)), middle);
  }

  private static void assertReads(int expected, Store store, VersionSpec spec, String version) {
    CountingStore counting = new CountingStore(store);
    Snapshot snapshot = DatomProject.open(counting).table("lb").snapshot(spec);
    assertEquals(version, snapshot.version(), spec.toString());
    assertEquals(expected, counting.requests(), spec + ": store requests");
  }

  /**
   * Writes a table's store mirror as {@code versions} writes would leave it: the history (newest first) and the
   * current {@code metadata.json}. Returns the versions, newest first.
   */
  static List<String> writeHistory(Store store, String table, int versions) {
    VersionHistory history = VersionHistory.empty();
    TableMetadata metadata = null;
    for (int i = 0; i < versions; i++) {
      String at = FIRST.plusSeconds(i * 3600L).toString();
      String dataSha = String.format("%064x", i + 1);
      String parquetSha = String.format("%064x", 1_000_000 + i);
      metadata = TableMetadata.builder().dataSha(dataSha).parquetSha(parquetSha).tableType(TableMetadata.DERIVED)
          .nrow(i + 1).colnames(List.of("USUBJID")).columnHashes(List.of()).createdAt(at).datomVersion("0.1.1")
          .sizeBytes(100 + i).build();
      history = history.prepend(HistoryEntry.of(metadata.version(), dataSha, at,
          new Author("History Generator", "generator@example.org"), "version " + i, parquetSha, null));
    }
    store.writeJson(table + "/.metadata/version_history.json", history.toStoreJson());
    store.writeJson(table + "/.metadata/metadata.json", metadata.toJson());
    return history.entries().stream().map(e -> e.version().orElseThrow()).toList();
  }
}
