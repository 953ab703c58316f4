package io.datom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.WriteResult;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.write.DatomWrites;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatomChanges}: the rows added and retracted between two versions, compared as multisets. */
class DatomChangesTest extends SparkTestBase {

  @TempDir static Path dir;
  private static BareGitRemote remote;
  private static String store;

  @BeforeAll
  static void project() {
    remote = BareGitRemote.createTemp();
    store = dir.resolve("store").toString();
  }

  @AfterAll
  static void deleteRemote() {
    remote.close();
  }

  private static String write(String table, String query) {
    spark.sql(query).write().format("datom").option("table", table).option("repo", remote.url())
        .option("project", "CHANGES").mode("overwrite").save(store);
    WriteResult result = DatomWrites.lastResult().orElseThrow();
    return result.metadataSha();
  }

  private static Dataset<Row> read(String table, String version) {
    return spark.read().format("datom").option("table", table).option("version", version).load(store);
  }

  /** Each change as "{change} {row}", sorted. */
  private static List<String> changes(Dataset<Row> before, Dataset<Row> after) {
    return DatomChanges.between(before, after).collectAsList().stream()
        .map(row -> row.getAs(DatomChanges.CHANGE) + " " + row.mkString("|").replaceAll("\\|(added|retracted)$", ""))
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void rowsOnlyTheLaterVersionHasAreAddedAndRowsOnlyTheEarlierHasAreRetracted() {
    String march = write("lb", "SELECT * FROM VALUES ('S1', 'ALT', 20.0), ('S1', 'AST', 31.0), ('S2', 'ALT', 18.0)"
        + " AS t(usubjid, lbtestcd, aval)");
    String april = write("lb", "SELECT * FROM VALUES ('S1', 'ALT', 20.0), ('S1', 'AST', 33.0), ('S2', 'ALT', 18.0),"
        + " ('S3', 'ALT', 25.0) AS t(usubjid, lbtestcd, aval)");

    assertEquals(List.of("added S1|AST|33.0", "added S3|ALT|25.0", "retracted S1|AST|31.0"),
        changes(read("lb", march), read("lb", april)));
    assertEquals(List.of("added S1|AST|31.0", "retracted S1|AST|33.0", "retracted S3|ALT|25.0"),
        changes(read("lb", april), read("lb", march)));
  }

  @Test
  void duplicatesCountAsManyFactsAsTheirMultiplicityChanged() {
    String before = write("dup", "SELECT * FROM VALUES ('a'), ('a'), ('a'), ('b') AS t(x)");
    String after = write("dup", "SELECT * FROM VALUES ('a'), ('b'), ('b') AS t(x)");

    assertEquals(List.of("added b", "retracted a", "retracted a"), changes(read("dup", before), read("dup", after)));
  }

  @Test
  void versionsWithTheSameDataHaveNoChangesAndAreNotRead() {
    String version = write("same", "SELECT id, concat('r', id) AS s FROM range(5)");
    Dataset<Row> changes = DatomChanges.between(read("same", version), read("same", version));

    assertEquals(0, changes.count());
    assertEquals("LocalRelation", changes.queryExecution().optimizedPlan().nodeName());
  }

  @Test
  void aColumnOnlyOneVersionHasIsNullOnTheOtherSide() {
    String before = write("grown", "SELECT * FROM VALUES ('S1', 1) AS t(usubjid, visit)");
    String after = write("grown", "SELECT * FROM VALUES ('S1', 1, 'Y') AS t(usubjid, visit, anl01fl)");

    Dataset<Row> changes = DatomChanges.between(read("grown", before), read("grown", after));

    assertEquals(List.of("usubjid", "visit", "anl01fl", DatomChanges.CHANGE), List.of(changes.columns()));
    assertEquals(List.of("added S1|1|Y", "retracted S1|1|null"), changes(read("grown", before), read("grown", after)));
  }

  @Test
  void aColumnWhoseTypeChangedIsComparedAsTheLaterTypeWithNullWhereAnEarlierValueDoesNotFit() {
    String before = write("retyped", "SELECT * FROM VALUES ('S1', '7'), ('S2', 'n/a') AS t(usubjid, aval)");
    String after = write("retyped", "SELECT * FROM VALUES ('S1', 7), ('S2', 8) AS t(usubjid, aval)");

    assertEquals(List.of("added S2|8", "retracted S2|null"), changes(read("retyped", before), read("retyped", after)));
  }

  @Test
  void worksOnCatalogReadsAsOfAVersion() {
    String first = write("ae", "SELECT * FROM VALUES ('S1', 'HEADACHE') AS t(usubjid, aeterm)");
    write("ae", "SELECT * FROM VALUES ('S1', 'HEADACHE'), ('S2', 'NAUSEA') AS t(usubjid, aeterm)");
    withSQLConf(Map.of("spark.sql.catalog.study", DatomCatalog.class.getName(), "spark.sql.catalog.study.store",
        store), () -> {
          assertEquals(List.of("added S2|NAUSEA"),
              changes(spark.sql("SELECT * FROM study.ae VERSION AS OF '" + first + "'"), spark.table("study.ae")));
          return null;
        });
  }

  @Test
  void refusesADataFrameThatAlreadyHasTheChangeColumn() {
    Dataset<Row> clash = spark.sql("SELECT 1 AS _change");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatomChanges.between(clash, clash));
    assertEquals("Cannot list changes of a DataFrame that already has a column named _change; rename or drop it"
        + " first.", e.getMessage());
  }
}
