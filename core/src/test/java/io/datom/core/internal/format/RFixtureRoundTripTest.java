package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.datom.core.store.StoreLocation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files the R package wrote for the fixture project: each one read and written again must give R's bytes, and
 * replaying R's writes from the init state must reproduce every later file.
 */
class RFixtureRoundTripTest {

  private static final String STORE = "/fixtures/r-project/store/datom/";
  private static final String GIT = "/fixtures/r-project/git/";
  private static final String HISTORY = "/fixtures/r-project/git-history/";
  private static final String PROJECT = "STUDY_FIXTURE";
  private static final StoreLocation DATA_STORE =
      StoreLocation.local("/work/steering/shared/fixtures/r-project/store", null);
  private static final String REMOTE = "file:///tmp/RtmplCSMPc/fixture6cdf7456ecea/remote.git";
  private static final LocalDate INIT_DATE = LocalDate.of(2026, 11, 22);
  private static final Author AUTHOR =
      new Author("Seed 16429c8a maintainers", "maintainers@users.noreply.r-seed-16429c8a.example");

  /** The local backend writes the pretty JSON and then a newline. */
  private static String localStoreFile(String json) {
    return json + "\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dm/.metadata/939d60a19fa191a75fcc1241170604912bbfeaa2e6c48a5b5814519a9e4e2e7d.json",
      "dm/.metadata/f70790b000b6c47eabcf9f0079e40c5650b1c093741288abcc6f9a3bf5e4b6c5.json",
      "vs/.metadata/5b0877ec905cbda317a0ef859093582320ee505a8e757c3f087df606ff92afd4.json",
      "ex/.metadata/8c4856cc6510eeceb914df7100867611af9b4a355afa9024071b51d751a807a3.json"})
  void snapshotsRehashToTheirFileNameAndRewriteIdentically(String key) {
    String text = Resources.text(STORE + key);
    TableMetadata snapshot = TableMetadata.parse(text, key);
    assertEquals(key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length()), snapshot.version());
    assertEquals(text, localStoreFile(snapshot.toJson()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dm", "vs", "ex"})
  void currentMetadataMatchesGitStoreAndManifest(String table) {
    String storeText = Resources.text(STORE + table + "/.metadata/metadata.json");
    String gitText = Resources.text(GIT + table + "/metadata.json");
    TableMetadata metadata = TableMetadata.parse(gitText, table);
    assertEquals(gitText, metadata.toGitFile());
    assertEquals(storeText, localStoreFile(TableMetadata.parse(storeText, table).toJson()));
    assertEquals(storeText, gitText);
    Manifest manifest = Manifest.parse(Resources.text(GIT + ".datom/manifest.json"), "manifest");
    assertEquals(manifest.table(table).orElseThrow().currentVersion().orElseThrow(), metadata.version());
  }

  @Test
  void earlierMetadataRewritesIdentically() {
    String text = Resources.text(HISTORY + "dm-cut-1-metadata.json");
    assertEquals(text, TableMetadata.parse(text, "dm").toGitFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dm", "vs", "ex"})
  void historiesRewriteIdenticallyInGitAndStore(String table) {
    String gitText = Resources.text(GIT + table + "/version_history.json");
    String storeText = Resources.text(STORE + table + "/.metadata/version_history.json");
    VersionHistory history = VersionHistory.parse(gitText, table);
    assertEquals(gitText, history.toGitFile());
    assertEquals(storeText, localStoreFile(history.toStoreJson()));
  }

  @Test
  void manifestRewritesIdenticallyInGitAndStore() {
    String gitText = Resources.text(GIT + ".datom/manifest.json");
    String storeText = Resources.text(STORE + ".metadata/manifest.json");
    assertEquals(gitText, Manifest.parse(gitText, "git").toGitFile());
    assertEquals(storeText, localStoreFile(Manifest.parse(gitText, "git").toStoreJson()));
  }

  @Test
  void initFilesAreRsBytes() {
    assertEquals(Resources.text(GIT + ".datom/project.yaml"),
        ProjectConfig.forInit(PROJECT, DATA_STORE, REMOTE, INIT_DATE, "0.1.1").toYaml());
    assertEquals(Resources.text(HISTORY + "init-manifest.json"),
        Manifest.init(PROJECT, "2026-11-22T02:28:25Z").toGitFile());
    assertEquals(Resources.text(GIT + "gitignore.txt"), GitIgnore.content());
    assertEquals(Resources.text(GIT + "README.md"),
        InitReadme.render(PROJECT, DATA_STORE, REMOTE, INIT_DATE, "0.1.1"));
  }

  @Test
  void projectYamlRewritesIdentically() {
    String text = Resources.text(GIT + ".datom/project.yaml");
    ProjectConfig config = ProjectConfig.parse(text, "project.yaml");
    assertEquals(text, config.toYaml());
    assertEquals(PROJECT, config.projectName());
    assertEquals(DATA_STORE.root(), config.dataRoot().orElseThrow());
    assertEquals(true, config.dataPrefix().isEmpty());
    assertEquals(true, config.locates(DATA_STORE));
  }

  private static HistoryEntry entryFor(String metadataFile, String message) {
    TableMetadata metadata = TableMetadata.parse(Resources.text(metadataFile), metadataFile);
    return HistoryEntry.of(metadata.version(), metadata.dataSha().orElseThrow(), metadata.createdAt().orElseThrow(),
        AUTHOR, message, metadata.parquetSha().orElse(null), null);
  }

  @Test
  void replayingRsHistoryWritesGivesRsFiles() {
    HistoryEntry cut1 = entryFor(HISTORY + "dm-cut-1-metadata.json", "DM cut 1");
    HistoryEntry cut2 = entryFor(GIT + "dm/metadata.json", "DM cut 2");
    VersionHistory afterCut1 = VersionHistory.empty().prepend(cut1);
    assertEquals(Resources.text(HISTORY + "dm-cut-1-version_history.json"), afterCut1.toGitFile());
    VersionHistory afterCut2 = afterCut1.prepend(cut2);
    assertEquals(Resources.text(GIT + "dm/version_history.json"), afterCut2.toGitFile());
    assertSame(afterCut2, afterCut2.prepend(cut1));
    assertEquals(Resources.text(GIT + "vs/version_history.json"),
        VersionHistory.empty().prepend(entryFor(GIT + "vs/metadata.json", "VS cut 2")).toGitFile());
  }

  private static Manifest write(Manifest manifest, String table, String metadataFile, String time, int versions) {
    TableMetadata metadata = TableMetadata.parse(Resources.text(metadataFile), metadataFile);
    ManifestEntry entry = ManifestEntry.of(metadata.version(), metadata.dataSha().orElseThrow(), time,
        metadata.sizeBytes().orElse(0), versions, null, null);
    return manifest.withTable(table, entry, time);
  }

  @Test
  void replayingRsManifestUpdatesGivesRsFiles() {
    Manifest init = Manifest.parse(Resources.text(HISTORY + "init-manifest.json"), "init");
    Manifest afterDm1 = write(init, "dm", HISTORY + "dm-cut-1-metadata.json", "2026-11-22T02:28:26Z", 1);
    assertEquals(Resources.text(HISTORY + "dm-cut-1-manifest.json"), afterDm1.toGitFile());
    Manifest last = write(afterDm1, "dm", GIT + "dm/metadata.json", "2026-11-22T02:28:29Z", 2);
    last = write(last, "vs", GIT + "vs/metadata.json", "2026-11-22T02:28:31Z", 1);
    last = write(last, "ex", GIT + "ex/metadata.json", "2026-11-22T02:28:33Z", 1);
    assertEquals(Resources.text(GIT + ".datom/manifest.json"), last.toGitFile());
    assertEquals(List.of("dm", "vs", "ex"), last.tableNames());
  }
}
