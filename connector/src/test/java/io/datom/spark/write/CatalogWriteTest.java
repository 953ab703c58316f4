package io.datom.spark.write;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through a single-project {@code DatomCatalog} ({@code DataFrameWriterV2} and SQL), with the write settings in
 * the catalog's configuration.
 */
class CatalogWriteTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void catalog() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
    spark.conf().set("spark.sql.catalog.study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.study.store", project.store());
    spark.conf().set("spark.sql.catalog.study.repo", project.repoUrl());
    spark.conf().set("spark.sql.catalog.study.project", TestProjectRemote.PROJECT);
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static Dataset<Row> rows(int from, int to) {
    return spark.sql("SELECT CAST(id AS INT) AS n, concat('v', id) AS s FROM range(" + from + ", " + to + ", 1, 2)");
  }

  private static List<Row> table(String name) {
    return spark.table("study." + name).collectAsList();
  }

  @Test
  void createAppendOverwriteAndReplace() throws Exception {
    rows(0, 3).writeTo("study.lb").create();
    assertEquals(rows(0, 3).collectAsList(), table("lb"));

    rows(3, 5).writeTo("study.lb").append();
    assertEquals(rows(0, 5).collectAsList(), table("lb"));

    rows(10, 12).writeTo("study.lb").overwrite(lit(true));
    assertEquals(rows(10, 12).collectAsList(), table("lb"));

    spark.sql("SELECT CAST(id AS INT) AS other FROM range(2)").writeTo("study.lb").createOrReplace();
    assertEquals(List.of("other"), List.of(spark.table("study.lb").columns()));

    assertEquals(4, project.history("lb").size());
  }

  @Test
  void createRefusesAnExistingTableAndAppendAMissingOne() throws Exception { // Spark 4: create() is checked
    rows(0, 2).writeTo("study.exists").create();

    assertThrows(AnalysisException.class, () -> rows(0, 2).writeTo("study.exists").create());
    AnalysisException missing =
        assertThrows(AnalysisException.class, () -> rows(0, 2).writeTo("study.missing").append());
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", missing.getErrorClass());
  }

  @Test
  void sqlInsertAndCreateTableAsSelect() {
    spark.sql("CREATE TABLE study.ctas AS SELECT CAST(id AS INT) AS n, concat('v', id) AS s FROM range(0, 2)");
    spark.sql("INSERT INTO study.ctas SELECT CAST(id AS INT) AS n, concat('v', id) AS s FROM range(2, 4)");
    assertEquals(rows(0, 4).collectAsList(), table("ctas"));

    spark.sql("INSERT OVERWRITE study.ctas SELECT CAST(id AS INT) AS n, concat('v', id) AS s FROM range(7, 8)");
    assertEquals(rows(7, 8).collectAsList(), table("ctas"));
  }
}
