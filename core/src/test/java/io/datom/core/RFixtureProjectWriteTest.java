package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing new versions into the project R wrote keeps it a valid R project. */
class RFixtureProjectWriteTest {

  @TempDir Path tmp;
  private BareGitRemote remote;
  private LocalStore store;
  private WriterOptions options;
  private final MutableClock clock = MutableClock.utc("2026-12-01T09:00:00Z");

  @BeforeEach
  void copyFixture() {
    remote = RFixtureProject.copy(tmp);
    store = RFixtureProject.store(tmp);
    options = WriterOptions.builder(remote.url(), store).credentials(GitCredentials.none())
        .author(TestProject.AUTHOR).clock(clock).workDir(tmp.resolve("clones")).build();
  }

  @AfterEach
  void close() {
    store.close();
    remote.close();
  }

  @Test
  void aNewVersionIsPrependedAndTheManifestUpdatedInPlace() {
    VersionHistory before = history("dm");
    TestContent content = TestContent.of(tmp, "dm3", 40, 41, 42);

    WriteResult result;
    try (DatomWriter writer = DatomWriter.open(options)) {
      assertEquals(RFixture.PROJECT, writer.projectName());
      result = writer.write(content.request("dm").message("DM cut 3").build());
    }

    assertEquals(WriteAction.FULL, result.action());
    VersionHistory after = history("dm");
    assertEquals(3, after.size());
    assertEquals(Optional.of(result.metadataSha()), after.entries().get(0).version());
    assertEquals(before.entries(), after.entries().subList(1, 3), "R's entries are kept as they were");
    HistoryEntry newest = after.entries().get(0);
    assertEquals(Optional.of("2026-12-01T09:00:00Z"), newest.timestamp());
    assertEquals(Optional.of("DM cut 3"), newest.commitMessage());

    Manifest manifest = Manifest.parse(gitFile(".datom/manifest.json"), "git");
    assertEquals(List.of("dm", "vs", "ex"), manifest.tableNames());
    assertEquals(List.of("project_name", "updated_at", "tables", "summary"), manifest.json().keys());
    assertEquals(Optional.of(result.metadataSha()), manifest.table("dm").orElseThrow().currentVersion());
    Manifest rManifest = Manifest.parse(RFixture.gitFile(".datom/manifest.json"), "fixture");
    assertEquals(rManifest.table("vs"), manifest.table("vs"));
    assertEquals(rManifest.table("ex"), manifest.table("ex"));
    JsonObject summary = manifest.summary().orElseThrow();
    assertEquals("{\"total_tables\":3,\"total_size_bytes\":" + (2637 + 1457 + content.file().toFile().length())
        + ",\"total_versions\":5}", JsonWriter.compact(summary));

    ValidationReport report = ProjectValidator.validate(options, false);
    assertTrue(report.valid(), report.found().toString());
    assertEquals(RFixture.text("store/datom/dm/.metadata/" + RFixture.DM_CUT_1 + ".json"),
        text("dm/.metadata/" + RFixture.DM_CUT_1 + ".json"), "earlier snapshots are untouched");
  }

  @Test
  void revertingToRsFirstCutReusesItsObjectAndItsVersion() {
    CountingParquet parquet = new CountingParquet(TestContent.of(tmp, "reserialised", 1).parquet());

    WriteResult result;
    try (DatomWriter writer = DatomWriter.open(options)) {
      result = writer.write(WriteRequest.builder("dm", RFixture.hash("dm", RFixture.DM_CUT_1), parquet).build());
    }

    assertEquals(WriteAction.FULL, result.action());
    assertEquals(RFixture.DM_CUT_1, result.metadataSha());
    assertEquals(RFixture.snapshot("dm", RFixture.DM_CUT_1).parquetSha(), result.parquetSha());
    assertFalse(result.uploaded());
    assertEquals(0, parquet.calls());
    assertEquals(2, history("dm").size());
    TableMetadata current = TableMetadata.parse(text("dm/.metadata/metadata.json"), "store");
    assertEquals(RFixture.DM_CUT_1, current.version());
    assertEquals(3163.0, current.sizeBytes().getAsDouble(), "the size of the reused object, not of the new bytes");
    assertTrue(ProjectValidator.validate(options, false).valid());
  }

  @Test
  void newCustomMetadataOnRsCurrentDataIsMetadataOnly() {
    WriteResult result;
    try (DatomWriter writer = DatomWriter.open(options)) {
      result = writer.write(WriteRequest.builder("dm", RFixture.hash("dm", RFixture.DM_CUT_2),
              new CountingParquet(TestContent.of(tmp, "unused", 1).parquet()))
          .customMetadata(JsonObject.builder().put("cut", 2).build()).build());
    }

    assertEquals(WriteAction.METADATA_ONLY, result.action());
    assertEquals(RFixture.snapshot("dm", RFixture.DM_CUT_2).parquetSha(), result.parquetSha());
    assertEquals(3, history("dm").size());
  }

  private VersionHistory history(String table) {
    return VersionHistory.parse(gitFile(table + "/version_history.json"), "git");
  }

  private String gitFile(String path) {
    return new String(remote.readFile("master", path).orElseThrow(), StandardCharsets.UTF_8);
  }

  private String text(String key) {
    return new String(store.read(key).orElseThrow(), StandardCharsets.UTF_8);
  }
}
