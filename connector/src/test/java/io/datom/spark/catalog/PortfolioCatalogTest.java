package io.datom.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.internal.format.DataLocationRef;
import io.datom.core.store.LocalStore;
import io.datom.core.store.StoreLocation;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio catalog: namespaces are the projects registered in a governance store, resolved through ref.json. */
class PortfolioCatalogTest extends SparkTestBase {

  @TempDir static Path dir;

  @BeforeAll
  static void governanceStoreWithTwoProjects() {
    Path fixture = Fixtures.copyRStoreTo(dir.resolve("data/fixture"));
    TestProject second = TestProject.create(dir.resolve("data/second"), "STUDY_002");
    second.write("ae", spark.sql("SELECT id AS AESEQ FROM range(3)"), "AE cut 1", Instant.parse("2026-02-01T00:00:00Z"));
    LocalStore gov = new LocalStore(dir.resolve("gov"), "acme");
    // ref.json as datomanager writes it (format §3.5): a local ref has no region; the prefix is kept as written.
    gov.writeJson("projects/STUDY_FIXTURE/ref.json", DataLocationRef.of(StoreLocation.local(fixture.toString(), null)).toJson());
    gov.writeJson("projects/STUDY_002/ref.json",
        DataLocationRef.of(StoreLocation.local(dir.resolve("data").toString(), "second/")).toJson());
    gov.writeJson("projects/STUDY_002/dispatch.json", "{}");
    spark.conf().set("spark.sql.catalog.acme", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.acme.governance", dir.resolve("gov/acme").toString());
  }

  @Test
  void namespacesAreTheRegisteredProjects() {
    List<String> namespaces = sql("SHOW NAMESPACES IN acme").stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("STUDY_002", "STUDY_FIXTURE"), namespaces);
  }

  @Test
  void tablesResolveThroughEachProjectsRef() {
    assertEquals(List.of("dm", "vs", "ex"),
        sql("SHOW TABLES IN acme.STUDY_FIXTURE").stream().map(r -> r.getString(1)).toList());
    assertEquals(5L, sql("SELECT count(*) FROM acme.STUDY_FIXTURE.dm").get(0).getLong(0));
    assertEquals(4L, sql("SELECT count(*) FROM acme.STUDY_FIXTURE.dm VERSION AS OF '939d'").get(0).getLong(0));
    assertEquals(List.of(0L, 1L, 2L),
        sql("SELECT AESEQ FROM acme.STUDY_002.ae ORDER BY AESEQ").stream().map(r -> r.getLong(0)).toList());
  }

  @Test
  void historyWorksInAPortfolioToo() {
    List<Row> rows = sql("SELECT message FROM acme.STUDY_FIXTURE.dm.history");
    assertEquals(List.of("DM cut 2", "DM cut 1"), rows.stream().map(r -> r.getString(0)).toList());
  }

  @Test
  void anUnregisteredProjectIsNotFound() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> sql("SELECT * FROM acme.STUDY_404.dm"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getErrorClass());
    AnalysisException shown = assertThrows(AnalysisException.class, () -> sql("SHOW TABLES IN acme.STUDY_404"));
    assertEquals("SCHEMA_NOT_FOUND", shown.getErrorClass());
  }
}
