package io.datom.core;

import static io.datom.core.RProjectFixture.DM_V1;
import static io.datom.core.RProjectFixture.DM_V1_AT;
import static io.datom.core.RProjectFixture.DM_V1_DATA;
import static io.datom.core.RProjectFixture.DM_V1_PARQUET;
import static io.datom.core.RProjectFixture.DM_V2;
import static io.datom.core.RProjectFixture.DM_V2_AT;
import static io.datom.core.RProjectFixture.DM_V2_DATA;
import static io.datom.core.RProjectFixture.DM_V2_PARQUET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.AmbiguousVersionException;
import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.exceptions.InvalidShaException;
import io.datom.core.exceptions.NoVersionAsOfException;
import io.datom.core.exceptions.NotADatomStoreException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.VersionHistoryNotFoundException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.CountingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatomTableTest {

  @TempDir Path dir;
  private LocalStore store;
  private DatomProject project;

  @BeforeEach
  void copyFixture() {
    store = new LocalStore(RProjectFixture.copyStoreTo(dir), null);
    project = DatomProject.open(store);
  }

  @Test
  void readsTheProjectNameAndTablesFromTheManifest() {
    assertEquals(RProjectFixture.PROJECT, project.name());
    assertEquals(List.of("dm", "vs", "ex"), project.tableNames());
  }

  @Test
  void aTableExistsOnceItHasACurrentVersion() {
    assertEquals(true, project.table("dm").exists());
    assertEquals(false, project.table("lb").exists());
  }

  @Test
  void resolvesTheCurrentVersionFromMetadataJson() {
    Snapshot current = project.table("dm").snapshot(VersionSpec.current());
    assertEquals(new Snapshot("dm", DM_V2, DM_V2_DATA, Optional.of(DM_V2_PARQUET), Instant.parse(DM_V2_AT),
        Optional.of(project.table("dm").metadata(DM_V2))), current);
    assertEquals("dm/" + DM_V2_DATA + ".parquet", current.objectKey());
    assertEquals(5, current.metadata().orElseThrow().nrow().getAsLong());
  }

  @Test
  void resolvesAFullShaAndAPrefix() {
    Snapshot v1 = new Snapshot("dm", DM_V1, DM_V1_DATA, Optional.of(DM_V1_PARQUET), Instant.parse(DM_V1_AT),
        Optional.empty());
    assertEquals(v1, project.table("dm").snapshot(VersionSpec.version(DM_V1)));
    assertEquals(v1, project.table("dm").snapshot(VersionSpec.version("9")));
    assertEquals(DM_V2, project.table("dm").snapshot(VersionSpec.version("f70790b")).version());
  }

  @Test
  void prefixesAreCaseSensitiveAndUnknownVersionsUseRsMessage() {
    VersionNotFoundException e =
        assertThrows(VersionNotFoundException.class, () -> project.table("dm").snapshot(VersionSpec.version("F707")));
    assertEquals("dm", e.table());
    assertEquals("F707", e.version());
    assertEquals(
        "Version F707 not found in history for dm. Read the table's history to list its versions.", e.getMessage());
  }

  @Test
  void anAmbiguousPrefixUsesRsMessage() {
    writeHistory("ae", entry("abc1" + "0".repeat(60), "1111111"), entry("abc2" + "0".repeat(60), "2222222"));
    AmbiguousVersionException e =
        assertThrows(AmbiguousVersionException.class, () -> project.table("ae").snapshot(VersionSpec.version("abc")));
    assertEquals("Version prefix abc is ambiguous for ae. It matches 2 versions. Use a longer prefix.", e.getMessage());
    assertEquals(List.of("abc1" + "0".repeat(60), "abc2" + "0".repeat(60)), e.matches());
    assertEquals("abc2" + "0".repeat(60), project.table("ae").snapshot(VersionSpec.version("abc2")).version());
  }

  @Test
  void asOfPicksTheNewestVersionAtOrBeforeTheInstant() {
    DatomTable dm = project.table("dm");
    assertEquals(DM_V1, dm.snapshot(VersionSpec.asOf(Instant.parse(DM_V1_AT))).version());
    assertEquals(DM_V1, dm.snapshot(VersionSpec.asOf(Instant.parse("2026-11-22T02:28:28.999Z"))).version());
    assertEquals(DM_V2, dm.snapshot(VersionSpec.asOf(Instant.parse(DM_V2_AT))).version());
    assertEquals(DM_V2, dm.snapshot(VersionSpec.asOf(Instant.parse("2030-01-01T00:00:00Z"))).version());
  }

  @Test
  void asOfBeforeTheFirstVersionNamesItsTimestamp() {
    Instant early = Instant.parse("2026-01-01T00:00:00Z");
    NoVersionAsOfException e =
        assertThrows(NoVersionAsOfException.class, () -> project.table("dm").snapshot(VersionSpec.asOf(early)));
    assertEquals(Instant.parse(DM_V1_AT), e.firstVersionAt());
    assertEquals(
        "Table dm has no version as of 2026-01-01T00:00:00Z: its first version was written at "
            + "2026-11-22T02:28:26Z. Use an instant at or after that.",
        e.getMessage());
  }

  @Test
  void theCurrentVersionFollowsMetadataJsonAfterARevert() throws IOException {
    // R's dedup guard: re-writing an earlier version points metadata.json back to it without a new history entry.
    Path meta = dir.resolve("datom/dm/.metadata");
    Files.copy(meta.resolve(DM_V1 + ".json"), meta.resolve("metadata.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Snapshot current = project.table("dm").snapshot(VersionSpec.current());
    assertEquals(DM_V1, current.version());
    assertEquals(Instant.parse(DM_V1_AT), current.timestamp());
  }

  @Test
  void anUnknownTableListsTheProjectsTables() {
    for (VersionSpec spec : List.of(VersionSpec.current(), VersionSpec.version("abc"))) {
      TableNotFoundException e = assertThrows(TableNotFoundException.class, () -> project.table("lb").snapshot(spec));
      assertEquals("lb", e.table());
      assertEquals(List.of("dm", "vs", "ex"), e.available());
      assertEquals(
          "Table 'lb' not found in store " + dir + ". Its tables are: dm, vs, ex. Check the spelling (names are "
              + "case-sensitive).",
          e.getMessage());
    }
  }

  @Test
  void aStoreWithoutAProjectSaysSo() {
    DatomProject empty = DatomProject.open(new LocalStore(dir.resolve("elsewhere"), null));
    NotADatomStoreException e =
        assertThrows(NotADatomStoreException.class, () -> empty.table("dm").snapshot(VersionSpec.current()));
    assertEquals(dir.resolve("elsewhere").toString(), e.store());
    assertThrows(NotADatomStoreException.class, empty::name);
  }

  @Test
  void aMissingHistoryFailsEvenForTheCurrentVersion() throws IOException {
    Files.delete(dir.resolve("datom/dm/.metadata/version_history.json"));
    VersionHistoryNotFoundException e =
        assertThrows(VersionHistoryNotFoundException.class, () -> project.table("dm").snapshot(VersionSpec.current()));
    assertEquals("dm", e.table());
    assertThrows(VersionHistoryNotFoundException.class, () -> project.table("dm").history());
  }

  @Test
  void aDataShaThatIsNotHexNeverBecomesAKey() {
    writeHistory("ae", entry("abc1" + "0".repeat(60), "../../../etc/passwd"));
    InvalidShaException e =
        assertThrows(InvalidShaException.class, () -> project.table("ae").snapshot(VersionSpec.version("abc")));
    assertEquals("data_sha", e.argument());
  }

  @Test
  void invalidTableNamesAreRefusedBeforeAnyRead() {
    assertThrows(InvalidNameException.class, () -> project.table("../dm"));
    assertThrows(InvalidNameException.class, () -> project.table(".metadata"));
  }

  @Test
  void historyIsNewestFirst() {
    List<String> versions =
        project.table("dm").history().entries().stream().map(e -> e.version().orElseThrow()).toList();
    assertEquals(List.of(DM_V2, DM_V1), versions);
  }

  @Test
  void metadataOfAnExactVersionComesFromItsSnapshot() {
    assertEquals(4, project.table("dm").metadata(DM_V1).nrow().getAsLong());
    assertEquals(5, project.table("dm").metadata(DM_V2).nrow().getAsLong());
    assertThrows(VersionNotFoundException.class, () -> project.table("dm").metadata("abcdef"));
    assertThrows(InvalidShaException.class, () -> project.table("dm").metadata("939d6"));
  }

  @Test
  void resolutionCostsTheSameNumberOfReadsWhateverTheHistoryLength() {
    HistoryEntry[] entries = new HistoryEntry[1000];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = entry(String.format("%064x", 1000 - i), String.format("%064x", i),
          Instant.parse("2026-01-01T00:00:00Z").plusSeconds(1000 - i).toString());
    }
    writeHistory("big", entries);
    CountingStore counting = new CountingStore(store);
    DatomTable big = DatomProject.open(counting).table("big");
    big.snapshot(VersionSpec.version(String.format("%064x", 7)));
    assertEquals(1, counting.requests());
    big.snapshot(VersionSpec.asOf(Instant.parse("2026-01-01T00:01:00Z")));
    assertEquals(2, counting.requests());
    CountingStore countingDm = new CountingStore(store);
    DatomProject.open(countingDm).table("dm").snapshot(VersionSpec.current());
    assertEquals(2, countingDm.requests(), "metadata.json and version_history.json");
  }

  private static HistoryEntry entry(String version, String dataSha) {
    return entry(version, dataSha, "2026-01-02T03:04:05Z");
  }

  private static HistoryEntry entry(String version, String dataSha, String timestamp) {
    return HistoryEntry.of(version, dataSha, timestamp, new Author("Jane Doe", "jane@x.com"), "Update", null, null);
  }

  private void writeHistory(String table, HistoryEntry... entries) {
    VersionHistory history = VersionHistory.empty();
    for (int i = entries.length - 1; i >= 0; i--) {
      history = history.prepend(entries[i]);
    }
    store.writeJson(table + "/.metadata/version_history.json", history.toStoreJson());
  }
}
