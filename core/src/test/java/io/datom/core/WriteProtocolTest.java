package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ManifestEntry;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write protocol's outcomes (format §6 with §14.3) over a {@code file://} remote and a local store. */
class WriteProtocolTest {

  @TempDir Path tmp;
  private TestProject project;
  private DatomWriter writer;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    writer = project.create();
  }

  @AfterEach
  void close() {
    writer.close();
    project.close();
  }

  @Test
  void firstWriteIsFullUploadsTheObjectAndRecordsEverything() throws Exception {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    project.clock.set("2026-03-01T10:15:30Z");

    WriteResult result = writer.write(content.request("dm").build());

    assertEquals(WriteAction.FULL, result.action());
    assertTrue(result.uploaded());
    assertEquals(1, result.attempts());
    assertEquals(2, result.nrow());
    assertEquals(project.head().orElseThrow(), result.commitSha());
    String parquetSha = sha256(Files.readAllBytes(content.file()));
    assertEquals(Optional.of(parquetSha), result.parquetSha());

    TableMetadata metadata = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git");
    assertEquals(result.metadataSha(), metadata.version());
    assertEquals(Optional.of(content.dataSha()), metadata.dataSha());
    assertEquals(Optional.of(parquetSha), metadata.parquetSha());
    assertEquals(Optional.of("2026-03-01T10:15:30Z"), metadata.createdAt());
    assertEquals(Optional.of("0.1.1"), metadata.datomVersion());
    assertEquals(Files.size(content.file()), (long) metadata.sizeBytes().getAsDouble());

    VersionHistory history = VersionHistory.parse(project.gitFile("dm/version_history.json").orElseThrow(), "git");
    assertEquals(1, history.size());
    String entry = project.gitFile("dm/version_history.json").orElseThrow();
    assertTrue(entry.contains("\"author\": {\n      \"name\": \"Test Writer\",\n      \"email\": \"writer@example.org\"\n"
        + "    },\n    \"commit_message\": \"Update dm\""), entry);

    ManifestEntry manifestEntry = Manifest.parse(project.gitFile(".datom/manifest.json").orElseThrow(), "git")
        .table("dm").orElseThrow();
    assertEquals(Optional.of(result.metadataSha()), manifestEntry.currentVersion());
    assertEquals(1.0, manifestEntry.versionCount().getAsDouble());

    assertEquals(List.of(".datom/manifest.json", "dm/metadata.json", "dm/version_history.json"),
        changedPaths(), "exactly the three paths are committed");
    assertEquals("Update dm", project.remote.tip("master").getFullMessage());
    assertEquals("Test Writer", project.remote.tip("master").getAuthorIdent().getName());

    assertEquals(project.gitFile("dm/metadata.json"), project.storeText("dm/.metadata/metadata.json"));
    assertEquals(project.gitFile("dm/metadata.json"),
        project.storeText("dm/.metadata/" + result.metadataSha() + ".json"));
    assertEquals(project.gitFile("dm/version_history.json"), project.storeText("dm/.metadata/version_history.json"));
    assertEquals(project.gitFile(".datom/manifest.json"), project.storeText(".metadata/manifest.json"));
    assertEquals(parquetSha, sha256(project.store.read("dm/" + content.dataSha() + ".parquet").orElseThrow()));
  }

  @Test
  void identicalContentIsANoOpThatTouchesNothing() {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    WriteResult first = writer.write(content.request("dm").build());
    String head = project.head().orElseThrow();
    var store = project.storeContents();
    CountingParquet parquet = new CountingParquet(content.parquet());
    project.clock.set("2026-03-02T00:00:00Z");

    WriteResult again = writer.write(WriteRequest.builder("dm", content.hash(), parquet).build());

    assertEquals(WriteAction.NONE, again.action());
    assertEquals(first.metadataSha(), again.metadataSha());
    assertEquals(head, again.commitSha());
    assertEquals(Optional.of(head), project.head());
    assertEquals(store, project.storeContents());
    assertEquals(0, parquet.calls());
  }

  @Test
  void newMetadataOnSameDataIsMetadataOnlyAndCarriesTheObjectForward() {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    WriteResult first = writer.write(content.request("dm").build());
    CountingParquet parquet = new CountingParquet(content.parquet());

    WriteResult second = writer.write(WriteRequest.builder("dm", content.hash(), parquet)
        .customMetadata(JsonObject.builder().put("description", "Demographics").build())
        .message("Describe dm")
        .build());

    assertEquals(WriteAction.METADATA_ONLY, second.action());
    assertNotEquals(first.metadataSha(), second.metadataSha());
    assertEquals(first.parquetSha(), second.parquetSha());
    assertFalse(second.uploaded());
    assertEquals(0, parquet.calls());
    TableMetadata metadata = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git");
    assertEquals(first.parquetSha(), metadata.parquetSha());
    assertEquals(Optional.of(JsonObject.builder().put("description", "Demographics").build()), metadata.custom());
    assertEquals(2, history().size());
    assertEquals("Describe dm", project.remote.tip("master").getFullMessage());
  }

  @Test
  void revertingToEarlierContentReusesItsObjectAndKeepsVersionsUnique() {
    TestContent a = TestContent.of(tmp, "a", 34, 51);
    TestContent b = TestContent.of(tmp, "b", 35, 52);
    WriteResult first = writer.write(a.request("dm").build());
    writer.write(b.request("dm").build());
    // A fresh serialisation of the same rows may differ byte for byte; it must not replace the stored object.
    CountingParquet reserialised = new CountingParquet(TestContent.variant(tmp, "a2", 1, 34, 51).parquet());
    project.clock.set("2026-04-01T00:00:00Z");

    WriteResult revert = writer.write(WriteRequest.builder("dm", a.hash(), reserialised).build());

    assertEquals(WriteAction.FULL, revert.action());
    assertEquals(first.metadataSha(), revert.metadataSha());
    assertEquals(first.parquetSha(), revert.parquetSha());
    assertFalse(revert.uploaded());
    assertEquals(0, reserialised.calls());
    assertEquals(2, history().size(), "the dedup guard records no second entry for the version");
    ManifestEntry entry = manifest().table("dm").orElseThrow();
    assertEquals(Optional.of(first.metadataSha()), entry.currentVersion());
    assertEquals(2.0, entry.versionCount().getAsDouble());
    TableMetadata snapshot = TableMetadata.parse(
        project.storeText("dm/.metadata/" + first.metadataSha() + ".json").orElseThrow(), "store");
    assertEquals(Optional.of("2026-04-01T00:00:00Z"), snapshot.createdAt(), "a revert overwrites the snapshot");
  }

  @Test
  void anObjectAlreadyAtTheAddressIsKeptAndItsOwnHashRecorded() throws Exception {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    byte[] earlier = "PAR1 left by a write that never committed PAR1".getBytes(StandardCharsets.UTF_8);
    project.store.putIfAbsent("dm/" + content.dataSha() + ".parquet", Files.write(tmp.resolve("earlier"), earlier));

    WriteResult result = writer.write(content.request("dm").build());

    assertEquals(WriteAction.FULL, result.action());
    assertFalse(result.uploaded());
    assertEquals(Optional.of(sha256(earlier)), result.parquetSha());
    assertEquals(earlier.length, (long) TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git")
        .sizeBytes().getAsDouble());
  }

  @Test
  void importedTablesRecordTheirFileAndTheirSelfLineage() {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    String fileSha = "f00dbabe" + "0".repeat(56);

    WriteResult result = writer.write(content.request("dm").imported(fileSha, "CSV").message("Sync dm (new)").build());

    TableMetadata metadata = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git");
    assertEquals(Optional.of(TableMetadata.IMPORTED), metadata.tableType());
    assertEquals(Optional.of(fileSha), metadata.originalFileSha());
    assertEquals(Optional.of(List.of(JsonObject.builder().put("project", TestProject.NAME).put("table", "dm")
        .put("version_sha", content.dataSha()).build())), metadata.sourceLineage());
    assertEquals(Optional.of(fileSha), history().entries().get(0).originalFileSha());
    ManifestEntry entry = manifest().table("dm").orElseThrow();
    assertEquals(Optional.of(fileSha), entry.originalFileSha());
    assertEquals(Optional.of("CSV"), entry.originalFormat());
    assertEquals("Sync dm (new)", project.remote.tip("master").getFullMessage());
    assertEquals(WriteAction.FULL, result.action());
  }

  @Test
  void parentsAreRecordedLeanWithTheUnionOfTheirLineage() {
    TestContent content = TestContent.of(tmp, "v1", 34, 51);
    JsonObject source = JsonObject.builder().put("project", "EDC").put("table", "raw_dm")
        .put("version_sha", "ab".repeat(32)).build();
    ParentEntry parent = new ParentEntry("STUDY_001", "raw", "cd".repeat(32), "ef".repeat(32), JsonArray.list(source));

    writer.write(content.request("dm").parents(List.of(parent)).build());

    TableMetadata metadata = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git");
    assertEquals(Optional.of(List.of(new ParentEntry("STUDY_001", "raw", "cd".repeat(32), "ef".repeat(32)))),
        metadata.parents());
    assertEquals(Optional.of(List.of(source)), metadata.sourceLineage());
  }

  @Test
  void aSingleColumnTableStoresItsColumnNameAsABareString() {
    TableHash hash = TableHash.ofRows(List.of(ColumnSpec.of("x", "double")), List.of(List.of(1.5), List.of(2.5)));
    writer.write(WriteRequest.builder("one", hash, TestContent.of(tmp, "x", 1).parquet()).build());

    assertTrue(project.gitFile("one/metadata.json").orElseThrow().contains("\"colnames\": \"x\",\n"));
  }

  @Test
  void theObserverSeesEveryStepInOrder() {
    List<String> seen = new ArrayList<>();
    WriteObserver observer = new WriteObserver() {
      @Override
      public void stepStarting(WriteEvent event) {
        seen.add("start " + event.step());
      }

      @Override
      public void stepCompleted(WriteEvent event) {
        seen.add("done " + event.step() + "#" + event.attempt() + " " + event.table());
      }
    };
    try (DatomWriter observed = DatomWriter.open(project.options().observer(observer).build())) {
      observed.write(TestContent.of(tmp, "v1", 34, 51).request("dm").build());
    }
    List<String> completed = seen.stream().filter(s -> s.startsWith("done")).toList();
    assertEquals(List.of("done VALIDATED#1 dm", "done SYNCED#1 dm", "done CHANGE_DETECTED#1 dm",
        "done DATA_RESOLVED#1 dm", "done FILES_WRITTEN#1 dm", "done COMMITTED#1 dm", "done PUSHED#1 dm",
        "done MIRRORED#1 dm"), completed);
    assertEquals("start VALIDATED", seen.get(0));
    assertEquals(2 * completed.size(), seen.size());
  }

  @Test
  void aSecondWriterSeesTheFirstOnesVersions() {
    WriteResult first = writer.write(TestContent.of(tmp, "a", 34, 51).request("dm").build());
    try (DatomWriter other = project.open()) {
      assertEquals(TestProject.NAME, other.projectName());
      WriteResult second = other.write(TestContent.of(tmp, "b", 35, 52).request("dm").build());
      assertEquals(WriteAction.FULL, second.action());
    }
    WriteResult back = writer.write(TestContent.of(tmp, "a", 34, 51).request("dm").build());
    assertEquals(first.metadataSha(), back.metadataSha());
    assertEquals(WriteAction.FULL, back.action(), "the first writer's clone is brought up to date first");
    assertEquals(2, history().size());
  }

  private List<String> changedPaths() throws Exception {
    try (Repository repository = new FileRepositoryBuilder().setGitDir(project.remote.directory().toFile()).build();
        RevWalk walk = new RevWalk(repository);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      RevCommit tip = walk.parseCommit(repository.resolve("master"));
      RevCommit parent = walk.parseCommit(tip.getParent(0));
      diff.setRepository(repository);
      return diff.scan(parent.getTree(), tip.getTree()).stream().map(DiffEntry::getNewPath).sorted().toList();
    }
  }

  private VersionHistory history() {
    return VersionHistory.parse(project.gitFile("dm/version_history.json").orElseThrow(), "git");
  }

  private Manifest manifest() {
    return Manifest.parse(project.gitFile(".datom/manifest.json").orElseThrow(), "git");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
