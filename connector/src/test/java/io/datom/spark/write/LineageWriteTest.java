package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.datom.core.WriteResult;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.json.JsonObject;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table derived from datom reads records its parents and their lineage with no option (format §9). */
class LineageWriteTest extends SparkTestBase {

  private static final String RAW_LINEAGE =
      "[{\"project\":\"RAW\",\"table\":\"edc\",\"version_sha\":\"" + "e".repeat(64) + "\"}]";

  @TempDir static Path dir;
  private static TestProjectRemote project;
  private static WriteResult dm;
  private static WriteResult vs;

  @BeforeAll
  static void sourceTables() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
    String edcParent = "[{\"source\":\"RAW\",\"table\":\"edc\",\"version\":\"" + "a".repeat(64) + "\",\"data_sha\":\""
        + "e".repeat(64) + "\",\"source_lineage\":" + RAW_LINEAGE + "}]";
    project.writer(spark.sql("SELECT concat('S', id) AS usubjid, CAST(20 + id AS INT) AS age FROM range(6)"), "dm")
        .option("parents", edcParent).mode("overwrite").save(project.store());
    dm = DatomWrites.lastResult().orElseThrow();
    vs = project.overwrite(spark.sql("SELECT concat('S', id % 6) AS usubjid, id * 0.5 AS sysbp FROM range(12)"), "vs");
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static Dataset<Row> read(String table) {
    return spark.read().format("datom").option("table", table).load(project.store());
  }

  @Test
  void aDerivedTableNamesTheVersionsItWasReadFromAndUnitesTheirLineage() {
    Dataset<Row> adsl = read("dm").join(read("vs").groupBy("usubjid").avg("sysbp"), "usubjid").where("age > 21");

    project.overwrite(adsl, "adsl");

    TableMetadata metadata = project.metadata("adsl");
    List<ParentEntry> parents = metadata.parents().orElseThrow();
    assertEquals(List.of(
            new ParentEntry(TestProjectRemote.PROJECT, "dm", dm.metadataSha(), dm.dataSha()).toJson(),
            new ParentEntry(TestProjectRemote.PROJECT, "vs", vs.metadataSha(), vs.dataSha()).toJson()),
        parents.stream().map(ParentEntry::toJson).toList());
    assertEquals(RAW_LINEAGE, metadata.json().get("source_lineage").orElseThrow().toString());
  }

  @Test
  void sourcesReadThroughACacheOrASubqueryCount() {
    Dataset<Row> cachedVs = read("vs").cache();
    cachedVs.count();
    read("dm").createOrReplaceTempView("dm_view");
    Dataset<Row> derived = cachedVs.where("usubjid IN (SELECT usubjid FROM dm_view WHERE age > 22)");

    project.overwrite(derived, "vs_old");

    assertEquals(List.of("vs", "dm"), project.metadata("vs_old").parents().orElseThrow().stream()
        .map(ParentEntry::table).toList());
    cachedVs.unpersist();
  }

  @Test
  void statedParentsComeFirstAndAreNotRepeated() {
    String stated = "[{\"source\":\"" + TestProjectRemote.PROJECT + "\",\"table\":\"vs\",\"version\":\""
        + vs.metadataSha() + "\",\"data_sha\":\"" + vs.dataSha() + "\"}]";

    project.writer(read("dm").join(read("vs"), "usubjid"), "joined").option("parents", stated)
        .mode("overwrite").save(project.store());

    assertEquals(List.of("vs", "dm"), project.metadata("joined").parents().orElseThrow().stream()
        .map(ParentEntry::table).toList());
  }

  @Test
  void dataFromOutsideDatomHasNoLineage() {
    project.overwrite(spark.sql("SELECT 1 AS x"), "plain");

    JsonObject json = project.metadata("plain").json();
    assertFalse(json.has("parents"));
    assertFalse(json.has("source_lineage"));
  }

  @Test
  void aTableRewrittenFromItselfDoesNotNameItselfAsParent() {
    project.overwrite(spark.sql("SELECT id FROM range(10)"), "self");

    project.overwrite(read("self").where("id < 5"), "self");

    assertFalse(project.metadata("self").json().has("parents"));
  }
}
