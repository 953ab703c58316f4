package io.datom.spark.catalog;

import static io.datom.spark.testing.Fixtures.DM_V1;
import static io.datom.spark.testing.Fixtures.DM_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL over a single-project catalog: {@code spark.sql.catalog.study.store = <store>}. */
class SingleProjectCatalogTest extends SparkTestBase {

  @TempDir static Path dir;

  @BeforeAll
  static void configureCatalog() {
    String store = Fixtures.copyRStoreTo(dir.resolve("store")).toString();
    spark.conf().set("spark.sql.catalog.study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.study.store", store);
  }

  @Test
  void showTablesListsTheManifest() {
    List<String> tables = sql("SHOW TABLES IN study").stream().map(r -> r.getString(1)).toList();
    assertEquals(List.of("dm", "vs", "ex"), tables);
  }

  @Test
  void describeShowsTheCurrentVersionsColumnsAndVersion() {
    List<Row> columns = sql("DESCRIBE study.dm");
    assertEquals("USUBJID", columns.get(0).getString(0));
    assertEquals("timestamp", columns.get(6).getString(1));
    String extended = sql("DESCRIBE TABLE EXTENDED study.dm").toString();
    assertTrue(extended.contains("datom.version=" + DM_V2), extended);
  }

  @Test
  void versionAsOfAcceptsAFullShaOrAPrefix() {
    assertEquals(4L, sql("SELECT count(*) FROM study.dm VERSION AS OF '%s'", DM_V1).get(0).getLong(0));
    assertEquals(4L, sql("SELECT count(*) FROM study.dm VERSION AS OF '939d'").get(0).getLong(0));
    assertEquals(5L, sql("SELECT count(*) FROM study.dm").get(0).getLong(0));
    assertEquals(null, sql("SELECT AGE FROM study.dm VERSION AS OF '939d' WHERE USUBJID = 'FIX-1003'")
        .get(0).get(0), "the old version's value");
  }

  @Test
  void timestampAsOfPicksTheVersionWrittenBy() {
    assertEquals(4L, sql("SELECT count(*) FROM study.dm TIMESTAMP AS OF '2026-11-22 02:28:27'").get(0).getLong(0));
    assertEquals(5L, sql("SELECT count(*) FROM study.dm TIMESTAMP AS OF '2026-11-22T02:28:29Z'").get(0).getLong(0));
  }

  @Test
  void historyIsQueryable() {
    List<Row> rows = sql("SELECT version, message, nrow FROM study.dm.history");
    assertEquals(List.of(DM_V2, DM_V1), rows.stream().map(r -> r.getString(0)).toList());
    assertEquals("DM cut 2", rows.get(0).getString(1));
    assertEquals(4L, rows.get(1).getLong(2));
  }

  @Test
  void anUnknownTableIsSparksTableNotFound() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> sql("SELECT * FROM study.lb"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getErrorClass());
    assertTrue(spark.catalog().tableExists("study.dm"));
    assertTrue(!spark.catalog().tableExists("study.lb"));
  }

  @Test
  void anUnknownVersionUsesRsWording() {
    VersionNotFoundException e =
        assertThrows(VersionNotFoundException.class, () -> sql("SELECT * FROM study.dm VERSION AS OF 'abc123'"));
    assertEquals("Version abc123 not found in history for dm. Read the table's history to list its versions.",
        e.getMessage());
  }

  @Test
  void theDataFrameApiNamesTheMissingTableAndTheAvailableOnes() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> spark.read().format("datom")
        .option("table", "lb").load(spark.conf().get("spark.sql.catalog.study.store")));
    assertTrue(e.getMessage().contains("Table 'lb' not found in store"), e.getMessage());
    assertTrue(e.getMessage().contains("Its tables are: dm, vs, ex."), e.getMessage());
    assertTrue(e.getCause() instanceof TableNotFoundException);
  }

  @Test
  void versionsCannotBeDropped() {
    UnsupportedDatomOperationException e =
        assertThrows(UnsupportedDatomOperationException.class, () -> sql("DROP TABLE study.dm"));
    assertTrue(e.getMessage().contains("datom versions are immutable"), e.getMessage());
  }
}
