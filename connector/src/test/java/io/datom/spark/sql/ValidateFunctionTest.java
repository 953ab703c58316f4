package io.datom.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.testing.BareGitRemote;
import io.datom.spark.DatomProjects;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datom_validate} through the session extension, and {@link DatomProjects#validate} behind it: a clean project,
 * a damaged store mirror listed and then repaired, and the arguments refused.
 */
class ValidateFunctionTest extends SparkTestBase {

  private static final String PROJECT = "STUDY_V";

  @TempDir static Path dir;
  private static BareGitRemote remote;
  private static Path store;

  @BeforeAll
  static void project() {
    remote = BareGitRemote.createTemp();
    store = dir.resolve("store");
    spark.conf().set("spark.sql.catalog.study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.study.store", store.toString());
    spark.conf().set("spark.sql.catalog.study.repo", remote.url());
    spark.conf().set("spark.sql.catalog.study.project", PROJECT);
  }

  @AfterAll
  static void deleteRemote() {
    remote.close();
  }

  private static void write(String table, int rows) {
    spark.sql("SELECT id, concat('r', id) AS s FROM range(" + rows + ")").writeTo("study." + table)
        .createOrReplace();
  }

  private static Set<String> kindsAndTables(List<Row> rows) {
    return rows.stream().map(r -> r.getAs("kind") + " " + r.getAs("table_name")).collect(Collectors.toSet());
  }

  private static Set<String> statuses(List<Row> rows) {
    return rows.stream().map(r -> (String) r.getAs("status")).collect(Collectors.toSet());
  }

  @Test
  void aDamagedMirrorIsListedThenRepairedAndReadsWorkAgain() throws Exception {
    write("lb", 3);
    String first = spark.sql("SELECT version FROM study.lb.history").first().getString(0);
    write("lb", 5);
    write("dm", 2);
    assertEquals(List.of(okRow()), sql("SELECT status FROM datom_validate('study')"));

    // A writer that stalled after its push mirrored an older state; another died before mirroring dm at all.
    Path lbMetadata = store.resolve("datom/lb/.metadata/metadata.json");
    Files.copy(store.resolve("datom/lb/.metadata/" + first + ".json"), lbMetadata,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(store.resolve("datom/dm/.metadata/metadata.json"));

    List<Row> found = sql("SELECT * FROM datom_validate('study')");
    assertTrue(kindsAndTables(found).containsAll(Set.of("metadata_differs lb", "metadata_missing dm")),
        "rows: " + found);
    assertEquals(Set.of("found"), statuses(found));
    Row lb = found.stream().filter(r -> "lb".equals(r.getAs("table_name"))).findFirst().orElseThrow();
    assertEquals(PROJECT, lb.getAs("project"));
    assertEquals(remote.head("master").orElseThrow(), lb.getAs("commit"));
    assertEquals("lb/.metadata/metadata.json", lb.getAs("store_key"));
    assertEquals(true, lb.getAs("repairable"));
    String detail = lb.getAs("detail");
    assertTrue(detail.contains("fix = true"), detail);
    assertEquals(3, spark.table("study.lb").count(), "the damage: readers see the older version");
    assertEquals(found, DatomProjects.validate(spark, "study", false).collectAsList(), "Java gives SQL's rows");
    assertEquals(found, sql("SELECT * FROM datom_validate('%s', '%s')", store, remote.url()), "path form");

    List<Row> repaired = sql("SELECT * FROM datom_validate('study', true)");

    assertEquals(kindsAndTables(found), kindsAndTables(repaired));
    assertEquals(Set.of("repaired"), statuses(repaired));
    assertEquals(List.of(okRow()), sql("SELECT status FROM datom_validate('study', false)"));
    assertEquals(5, spark.table("study.lb").count());
    assertEquals(2, spark.table("study.dm").count());
  }

  @Test
  void aCleanProjectIsOneOkRowNamingTheCommit() {
    write("ae", 1);

    List<Row> rows = sql("SELECT * FROM datom_validate(concat('stu', 'dy'))");

    assertEquals(1, rows.size());
    Row ok = rows.get(0);
    assertEquals("ok", ok.getAs("status"));
    assertEquals(remote.head("master").orElseThrow(), ok.getAs("commit"));
    assertTrue(ok.isNullAt(ok.fieldIndex("kind")));
    assertEquals(List.of("project", "commit", "kind", "table_name", "store_key", "repairable", "status", "detail"),
        List.of(spark.sql("SELECT * FROM datom_validate('study')").columns()));
  }

  @Test
  void anObjectNoVersionRefersToIsListedAndNeverDeleted() throws Exception {
    write("vs", 2);
    String dataSha = spark.sql("SELECT data_sha FROM study.vs.history").first().getString(0);
    Path orphan = store.resolve("datom/vs/" + "0".repeat(64) + ".parquet");
    Files.copy(store.resolve("datom/vs/" + dataSha + ".parquet"), orphan);

    List<Row> rows = sql("SELECT status, kind, table_name, store_key, repairable FROM datom_validate('study', true) "
        + "WHERE status <> 'ok'");

    assertEquals(List.of(org.apache.spark.sql.RowFactory.create("listed", "unreferenced_object", "vs",
        "vs/" + "0".repeat(64) + ".parquet", false)), rows);
    assertTrue(Files.exists(orphan));
    Files.delete(orphan);
  }

  @Test
  void badArgumentsAreRefusedNamingTheFunctionAndTheArgument() {
    assertRefused("SELECT * FROM datom_validate()", "datom_validate takes 1 to 3 arguments, but was given 0");
    assertRefused("SELECT * FROM datom_validate('study', true, false, 1)", "but was given 4");
    assertRefused("SELECT * FROM datom_validate(NULL)", "Argument 1 of datom_validate (catalog) must be a string");
    assertRefused("SELECT * FROM datom_validate(42)", "(catalog) must be a string such as 'study', but is 42");
    assertRefused("SELECT * FROM datom_validate('study', 1)", "Argument 2 of datom_validate must be fix");
    assertRefused("SELECT * FROM datom_validate('study', 'true')", "fix is a boolean, written without quotes");
    assertRefused("SELECT * FROM datom_validate(CAST(rand() AS STRING))", "must be a constant");
    assertRefused("SELECT * FROM range(2) r, LATERAL datom_validate(CAST(r.id AS STRING))", "datom_validate");
    assertRefused("SELECT * FROM datom_validate('nostudy')", "No catalog named 'nostudy' is configured");
    assertRefused("SELECT * FROM datom_validate('spark_catalog')", "not a datom catalog");

    spark.conf().set("spark.sql.catalog.norepo", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.norepo.store", store.toString());
    assertRefused("SELECT * FROM datom_validate('norepo')", "Set spark.sql.catalog.norepo.repo");
    spark.conf().set("spark.sql.catalog.acme", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.acme.governance", dir.resolve("gov").toString());
    assertRefused("SELECT * FROM datom_validate('acme', true)", "serves many projects");
  }

  @Test
  void theGitTokenIsInNoMessage() {
    String secret = "ghp_validateSecret0123456789";
    withSQLConf(java.util.Map.of("spark.datom.git.token", secret), () -> {
      Exception e = assertThrows(Exception.class, () -> sql("SELECT * FROM datom_validate('%s', '%s')",
          dir.resolve("nostore"), "https://127.0.0.1:9/none.git"));
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
      }
      return null;
    });
  }

  private static Row okRow() {
    return org.apache.spark.sql.RowFactory.create("ok");
  }

  private static void assertRefused(String query, String expected) {
    AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql(query), query);
    assertTrue(e.getMessage().contains(expected), query + " gave: " + e.getMessage());
  }
}
