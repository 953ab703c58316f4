package io.datom.spark.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.ProjectValidator;
import io.datom.core.ValidationReport;
import io.datom.core.WriterOptions;
import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.repo.CommitIdentity;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteCredentials;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.DatomSync;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark sync into the project the R package wrote: its git history (core's fixture bundle) pushed to a bare
 * remote, its store copied and relocated as R's {@code datom_repo_set_data_store} does. After the sync, the project
 * still validates, and its manifest keeps R's entries and fields next to the imported table's.
 */
class RFixtureSyncTest extends SparkTestBase {

  @TempDir
  Path dir;

  @Test
  void syncIntoTheRProjectKeepsItValid() throws IOException, GitAPIException {
    Path storeDir = Fixtures.copyRStoreTo(dir.resolve("store"));
    HadoopStore store = HadoopStore.at(storeDir.toString(), spark.sessionState().newHadoopConf());
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      try (Git git = Git.cloneRepository().setURI(bundle().toString()).setDirectory(dir.resolve("bundle").toFile())
          .call()) {
        git.push().setRemote(remote.url()).setRefSpecs(new RefSpec("refs/heads/master:refs/heads/master")).call();
      }
      try (DataRepo repo = DataRepo.cloneFrom(remote.url(), dir.resolve("relocate"), RemoteCredentials.none())) {
        Path yaml = dir.resolve("relocate/.datom/project.yaml");
        ProjectConfig config = ProjectConfig.parse(Files.readString(yaml), yaml.toString());
        Files.writeString(yaml, config.withDataStore(store.location()).toYaml(), StandardCharsets.UTF_8);
        repo.commit(List.of(".datom/project.yaml"), "Update data store: " + Fixtures.PROJECT,
            new CommitIdentity("Test", "test@example.com"));
        repo.push();
      }
      String before = manifest(storeDir);
      Path landing = Files.createDirectories(dir.resolve("landing"));
      Files.writeString(landing.resolve("lb.csv"), "USUBJID,LBTESTCD,LBSTRESN\n01-001,ALT,23.5\n01-002,ALT,19\n");
      Files.writeString(landing.resolve("dm.csv"), "USUBJID,AGE\n01-001,34\n");

      List<Row> rows = DatomSync.sync(spark, storeDir.toString(), remote.url(), landing.toString()).collectAsList();
      Map<String, Row> byName = Map.of(rows.get(0).getAs("name"), rows.get(0), rows.get(1).getAs("name"),
          rows.get(1));
      assertEquals("new", byName.get("lb").getAs("status"));
      assertEquals("full", byName.get("lb").getAs("action"), String.valueOf(byName.get("lb").<String>getAs("error")));
      // dm is R's derived table: it has no original_file_sha, so a file named dm reads as changed (format §8).
      assertEquals("changed", byName.get("dm").getAs("status"));
      assertEquals("full", byName.get("dm").getAs("action"));

      ValidationReport report = ProjectValidator.validate(WriterOptions.builder(remote.url(), store).build(), false);
      assertTrue(report.valid(), report.toString());
      String after = manifest(storeDir);
      assertTrue(before.contains("\"vs\"") && after.contains("\"vs\"") && after.contains("\"ex\""), after);
      for (String field : List.of("\"current_version\"", "\"current_data_sha\"", "\"last_updated\"",
          "\"size_bytes\"", "\"version_count\"", "\"summary\"", "\"total_tables\"", "\"project_name\"")) {
        assertTrue(after.contains(field), field + " in " + after);
      }
      assertTrue(after.replaceAll("\\s", "").contains("\"original_format\":\"csv\""), after);
      // R's entry of vs is untouched, field for field.
      assertEquals(entry(before, "vs"), entry(after, "vs"));
    }
  }

  private static String manifest(Path store) throws IOException {
    return Files.readString(store.resolve("datom/.metadata/manifest.json"));
  }

  /** The text of a table's entry in a pretty-printed manifest. */
  private static String entry(String manifest, String table) {
    int start = manifest.indexOf("\"" + table + "\": {");
    return manifest.substring(start, manifest.indexOf('}', start) + 1);
  }

  /**
   * The R fixture's git bundle, from core's test resources, copied to a file: on this classpath it comes through
   * core's test jar in a reactor build ({@code jar:} URL) or its test-classes folder.
   */
  private Path bundle() throws IOException {
    Path copy = dir.resolve("data-repo.bundle");
    try (InputStream in = RFixtureSyncTest.class.getClassLoader()
        .getResourceAsStream("fixtures/r-project/data-repo.bundle")) {
      if (in == null) {
        return Path.of("../core/src/test/resources/fixtures/r-project/data-repo.bundle").toAbsolutePath();
      }
      Files.copy(in, copy);
    }
    return copy;
  }

}
