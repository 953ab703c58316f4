package io.datom.spark.move;

import static io.datom.spark.testing.Fixtures.DM_V1;
import static io.datom.spark.testing.Fixtures.DM_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.CopyVerificationException;
import io.datom.core.exceptions.ObjectConflictException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.DatomProjects;
import io.datom.spark.DatomStores;
import io.datom.spark.testing.ExpectedRows;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Moving projects between a local store and S3 (s3proxy through {@code s3a://}) with Spark: a project Spark wrote and
 * the project the R package wrote, copied, verified, switched in git as R's {@code datom_repo_set_data_store} does,
 * then read at the new store; a damaged copy caught before the switch; an interrupted copy completed by a re-run.
 */
@ExtendWith(S3ProxyExtension.class)
class StoreMovesTest extends SparkTestBase {

  private static final String YAML = ".datom/project.yaml";

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static String bucket;

  @BeforeAll
  static void s3(S3ProxyServer server) {
    s3 = server;
    bucket = s3.createBucket();
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
  }

  @Test
  void aSparkProjectMovesFromALocalStoreToS3AndIsReadThereByVersion() throws Exception {
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      Path local = dir.resolve("spark-store");
      catalog("movesrc", local.toString(), remote.url());
      spark.conf().set("spark.sql.catalog.movesrc.project", "STUDY_MOVE");
      spark.sql("SELECT id, concat('r', id) AS s FROM range(3)").writeTo("movesrc.lb").createOrReplace();
      String v1 = spark.sql("SELECT version FROM movesrc.lb.history").first().getString(0);
      spark.sql("SELECT id, concat('r', id) AS s FROM range(5)").writeTo("movesrc.lb").createOrReplace();
      spark.sql("SELECT id FROM range(2)").writeTo("movesrc.dm").createOrReplace();
      String yamlBefore = file(remote, YAML);
      String to = "s3a://" + bucket + "/moved";

      List<String> descriptions = new CopyOnWriteArrayList<>();
      SparkListener listener = new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart job) {
          descriptions.add(String.valueOf(job.properties().getProperty("spark.job.description")));
        }
      };
      spark.sparkContext().addSparkListener(listener);
      List<Row> rows;
      try {
        rows = DatomStores.move(spark, local.toString(), to, remote.url()).collectAsList();
        spark.sparkContext().listenerBus().waitUntilEmpty();
      } finally {
        spark.sparkContext().removeSparkListener(listener);
      }

      Row last = rows.get(rows.size() - 1);
      assertEquals(List.of(YAML, "project_yaml", "switched"), List.of(last.getAs("key"), last.getAs("kind"),
          last.getAs("action")));
      List<Row> keys = rows.subList(0, rows.size() - 1);
      assertTrue(keys.stream().allMatch(r -> r.<Boolean>getAs("ok") && "copied".equals(r.getAs("action"))),
          "rows: " + rows);
      assertEquals(Map.of("object", 3L), keys.stream().filter(r -> "object".equals(r.getAs("kind")))
          .collect(Collectors.groupingBy(r -> (String) r.getAs("kind"), Collectors.counting())));
      assertEquals(".metadata/manifest.json", keys.get(keys.size() - 1).getAs("key"));
      assertTrue(descriptions.contains("datom copy file:" + local + " to " + to + ": objects 1-3 of 3"),
          "job descriptions: " + descriptions);
      assertTrue(descriptions.contains("datom verify " + to + ": objects 1-3 of 3"), "descriptions: " + descriptions);

      // R's set_data_store: modifyList replaces type, root and prefix in place and appends the S3 region.
      String expected = yamlBefore.replace(
          "    type: local\n    root: " + local.toAbsolutePath() + "\n    prefix: ~\n",
          "    type: s3\n    root: " + bucket + "\n    prefix: moved\n    region: " + S3ProxyServer.REGION + "\n");
      assertNotEquals(yamlBefore, expected, "the yaml Spark wrote at creation: " + yamlBefore);
      assertEquals(expected, file(remote, YAML));
      assertEquals("Update data store: STUDY_MOVE", remote.tip("master").getFullMessage());
      for (String secret : List.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)) {
        assertFalse(file(remote, YAML).contains(secret) || rows.toString().contains(secret), "no credential");
      }

      // A fresh catalog on the new store, with no repository: every version is there.
      catalog("movedst", to, null);
      assertEquals(3L, sql("SELECT count(*) FROM movedst.lb VERSION AS OF '" + v1 + "'").get(0).getLong(0));
      assertEquals(5L, sql("SELECT count(*) FROM movedst.lb").get(0).getLong(0));
      assertEquals(3L, spark.read().format("datom").option("table", "lb").option("version", v1).load(to).count());
      assertEquals(List.of("ok"), DatomProjects.validate(spark, to, remote.url(), false).select("status")
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
      assertThrows(StoreMismatchException.class, () -> DatomProjects.validate(spark, local.toString(), remote.url(),
          false));

      // Writers follow the repository to the new store.
      catalog("movedw", to, remote.url());
      spark.sql("SELECT id FROM range(7)").writeTo("movedw.lb").createOrReplace();
      assertEquals(7L, sql("SELECT count(*) FROM movedst.lb").get(0).getLong(0));
      assertEquals(5L, sql("SELECT count(*) FROM movesrc.lb").get(0).getLong(0), "the source is left as it was");
    }
  }

  @Test
  void theRProjectMovesToS3AndStaysValidWithTheYamlRWouldWrite() throws Exception {
    try (BareGitRemote remote = rFixtureRemote()) {
      Path local = Fixtures.copyRStoreTo(dir.resolve("r-store"));
      relocateAsR(remote, local);
      String yamlBefore = file(remote, YAML);
      String to = "s3a://" + bucket + "/rfix";

      List<Row> rows = sql("SELECT * FROM datom_move('" + local + "', '" + to + "', '" + remote.url()
          + "', 'eu-central-1')");
      assertEquals("switched", rows.get(rows.size() - 1).getAs("action"));
      assertEquals(15, rows.size() - 1, "every key of the R store: " + rows);

      // From the relocated yaml (no prefix key: R's modifyList removed it for a NULL prefix), R writes type and root
      // in place, then appends prefix and region.
      assertEquals("""
          project_name: STUDY_FIXTURE
          project_description: ''
          created_at: '2026-11-22'
          datom_version: 0.1.1
          storage:
            data:
              type: s3
              root: %s
              prefix: rfix
              region: eu-central-1
            max_file_size_gb: 1000.0
          repos:
            data:
              remote_url: file:///tmp/RtmplCSMPc/fixture6cdf7456ecea/remote.git
          sync:
            continue_on_error: yes
            parallel_uploads: 4
          renv: no
          """.formatted(bucket), file(remote, YAML));
      assertNotEquals(yamlBefore, file(remote, YAML));
      assertEquals("Update data store: " + Fixtures.PROJECT, remote.tip("master").getFullMessage());

      assertEquals(List.of("ok"), DatomProjects.validate(spark, to, remote.url(), false).select("status")
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
      ExpectedRows expected = Fixtures.expected();
      assertEquals(expected.version(DM_V1).rows(), spark.read().format("datom").option("table", "dm")
          .option("version", DM_V1).load(to).collectAsList());
      assertEquals(expected.version(DM_V2).rows(), spark.read().format("datom").option("table", "dm").load(to)
          .collectAsList());

      List<Row> again = sql("SELECT * FROM datom_move('" + local + "', '" + to + "', '" + remote.url()
          + "', 'eu-central-1')");
      assertEquals(1, again.size(), "a second move copies nothing: " + again);
      assertEquals("unchanged", again.get(0).getAs("action"), "a second move switches nothing");
      String switchedAt = remote.head("master").orElseThrow();

      // A move whose switch did not happen (here: the yaml put back by hand) completes: all present, then switched.
      relocateAsR(remote, local,
          "    type: s3\n    root: " + bucket + "\n    prefix: rfix\n    region: eu-central-1\n",
          "    type: local\n    root: " + local + "\n");
      List<Row> rerun = sql("SELECT * FROM datom_move('" + local + "', '" + to + "', '" + remote.url()
          + "', 'eu-central-1')");
      assertTrue(rerun.subList(0, rerun.size() - 1).stream().allMatch(r -> "present".equals(r.getAs("action"))),
          "rows: " + rerun);
      assertEquals("switched", rerun.get(rerun.size() - 1).getAs("action"));
      assertNotEquals(switchedAt, remote.head("master").orElseThrow());
    }
  }

  @Test
  void aDamagedObjectAtTheDestinationIsCaughtAndTheProjectStaysWhereItWas() throws Exception {
    try (BareGitRemote remote = rFixtureRemote()) {
      Path local = Fixtures.copyRStoreTo(dir.resolve("r-store-damaged"));
      relocateAsR(remote, local);
      String head = remote.head("master").orElseThrow();
      String to = "s3a://" + bucket + "/damaged";
      DatomStores.copy(spark, local.toString(), to).collectAsList();
      String key = "dm/" + Fixtures.DM_V2_DATA + ".parquet";
      byte[] bytes = Files.readAllBytes(local.resolve("datom/" + key));
      bytes[bytes.length / 2] ^= 0x5A;
      s3.client().putObject(b -> b.bucket(bucket).key("damaged/datom/" + key), RequestBody.fromBytes(bytes));

      List<Row> failed = sql("SELECT key, detail FROM datom_store_verify('" + local + "', '" + to + "') WHERE NOT ok");
      assertEquals(1, failed.size(), "rows: " + failed);
      assertEquals(key, failed.get(0).getString(0));
      assertTrue(failed.get(0).getString(1).contains("recorded parquet_sha"), failed.get(0).getString(1));

      CopyVerificationException e = assertThrows(CopyVerificationException.class,
          () -> DatomStores.move(spark, local.toString(), to, remote.url()));
      assertEquals(List.of(key), List.copyOf(e.failures().keySet()));
      assertEquals(head, remote.head("master").orElseThrow(), "no switch");

      s3.client().putObject(b -> b.bucket(bucket).key("damaged/datom/" + key), RequestBody.fromBytes(new byte[3]));
      ObjectConflictException conflict = assertThrows(ObjectConflictException.class,
          () -> DatomStores.copy(spark, local.toString(), to));
      assertEquals(key, conflict.key());
      assertEquals(head, remote.head("master").orElseThrow());
    }
  }

  @Test
  void anInterruptedCopyFromS3BackToALocalStoreCompletesWhenRunAgain() throws IOException {
    Path rStore = Fixtures.copyRStoreTo(dir.resolve("r-store-upload"));
    try (Stream<Path> files = Files.walk(rStore)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = "back/" + rStore.relativize(file).toString().replace('\\', '/');
        s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
    }
    String from = "s3a://" + bucket + "/back";
    Path local = dir.resolve("back-home");
    // What a copy killed midway leaves: one object, a half-written hidden upload, a stale document, no manifest.
    String dmObject = "datom/dm/" + Fixtures.DM_V2_DATA + ".parquet";
    Files.createDirectories(local.resolve("datom/dm/.metadata"));
    Files.copy(rStore.resolve(dmObject), local.resolve(dmObject));
    Files.write(local.resolve("datom/dm/." + Fixtures.DM_V2_DATA + ".parquet.1234.datom-tmp"), new byte[10]);
    Files.writeString(local.resolve("datom/dm/.metadata/metadata.json"), "{}\n");

    Map<String, Long> actions = DatomStores.copy(spark, from, local.toString()).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> (String) r.getAs("action"), Collectors.counting()));
    assertEquals(Map.of("present", 1L, "replaced", 1L, "copied", 13L), actions);
    assertTrue(DatomStores.verify(spark, from, local.toString()).collectAsList().stream()
        .allMatch(r -> r.<Boolean>getAs("ok")));
    assertEquals(Fixtures.expected().version(DM_V1).rows(), spark.read().format("datom").option("table", "dm")
        .option("version", DM_V1).load(local.toString()).collectAsList());
    assertFalse(DatomStores.copy(spark, from, local.toString()).collectAsList().stream()
        .anyMatch(r -> !"present".equals(r.getAs("action"))), "a third run finds everything there");
  }

  private static void catalog(String name, String store, String repo) {
    spark.conf().set("spark.sql.catalog." + name, "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog." + name + ".store", store);
    if (repo != null) {
      spark.conf().set("spark.sql.catalog." + name + ".repo", repo);
    }
  }

  private static String file(BareGitRemote remote, String path) {
    return new String(remote.readFile("master", path).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** A bare remote holding the R fixture's data repository (core's test resource, a git bundle). */
  private static BareGitRemote rFixtureRemote() throws Exception {
    BareGitRemote remote = BareGitRemote.createTemp();
    Path scratch = Files.createTempDirectory(dir, "bundle-");
    Path bundle = scratch.resolve("data-repo.bundle");
    try (InputStream in = StoreMovesTest.class.getResourceAsStream("/fixtures/r-project/data-repo.bundle")) {
      Files.copy(in, bundle);
    }
    try (Git git = Git.cloneRepository().setURI(bundle.toString()).setDirectory(scratch.resolve("clone").toFile())
        .call()) {
      git.push().setRemote(remote.url()).setRefSpecs(new RefSpec("refs/heads/master:refs/heads/master")).call();
    }
    return remote;
  }

  /**
   * Points the fixture's {@code project.yaml} at its store copy as R's {@code datom_repo_set_data_store} with
   * {@code datom_store_local(local)} would: root replaced, and the {@code prefix: ~} line removed (R's modifyList drops
   * a NULL). Edited as text here, so the code under test does not prepare its own oracle.
   */
  private static void relocateAsR(BareGitRemote remote, Path local) throws Exception {
    relocateAsR(remote, local, "    root: /work/steering/shared/fixtures/r-project/store\n    prefix: ~\n",
        "    root: " + local + "\n");
  }

  private static void relocateAsR(BareGitRemote remote, Path local, String from, String to) throws Exception {
    Path clone = Files.createTempDirectory(dir, "relocate-");
    try (Git git = Git.cloneRepository().setURI(remote.url()).setDirectory(clone.toFile()).call()) {
      Path yaml = clone.resolve(YAML);
      String before = Files.readString(yaml);
      String after = before.replace(from, to);
      assertNotEquals(before, after);
      Files.writeString(yaml, after);
      git.add().addFilepattern(YAML).call();
      git.commit().setMessage("Update data store: " + Fixtures.PROJECT).setAuthor("R", "r@example.org")
          .setCommitter("R", "r@example.org").call();
      git.push().call();
    }
  }
}
