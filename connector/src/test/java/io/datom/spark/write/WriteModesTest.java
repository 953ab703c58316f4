package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteResult;
import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.internal.format.TableMetadata;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.exceptions.SchemaMismatchException;
import io.datom.spark.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code df.write.format("datom")}: what each mode makes of a table, and what identical or earlier content does. */
class WriteModesTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void emptyProject() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static Dataset<Row> labs(int from, int to) {
    return spark.sql("SELECT concat('S', id) AS usubjid, CAST(id AS INT) AS visit, id * 1.5 AS value, "
        + "CASE WHEN id % 3 = 0 THEN NULL ELSE concat('n', id) END AS note, DATE'2026-01-01' + CAST(id AS INT) AS dt, "
        + "timestamp_micros(id * 1000001) AS ts FROM range(" + from + ", " + to + ", 1, 3)");
  }

  @Test
  void theFirstWriteCreatesTheProjectAsRWould() {
    project.overwrite(labs(0, 5), "first");

    String yaml = new String(project.remote().readFile("master", ".datom/project.yaml").orElseThrow(),
        StandardCharsets.UTF_8);
    assertTrue(yaml.startsWith("project_name: " + TestProjectRemote.PROJECT + "\n"), yaml);
    assertTrue(project.remote().readFile("master", ".gitignore").isPresent());
    assertEquals(TestProjectRemote.PROJECT, project.project().name());
    assertTrue(project.project().tableNames().contains("first"));
  }

  @Test
  void theSameContentAgainIsANoOpAndCommitsNothing() {
    WriteResult first = project.overwrite(labs(0, 20), "same");
    String head = project.head().orElseThrow();

    WriteResult again = project.overwrite(labs(0, 20), "same");

    assertEquals("full", first.action().rName());
    assertEquals("none", again.action().rName());
    assertEquals(first.metadataSha(), again.metadataSha());
    assertFalse(again.uploaded());
    assertEquals(head, project.head().orElseThrow());
    assertEquals(1, project.history("same").size());
  }

  @Test
  void changedMetadataAloneIsANewVersionWithoutUpload() {
    WriteResult first = project.overwrite(labs(0, 10), "meta");

    project.writer(labs(0, 10), "meta").option("custom.source", "EDC").option("message", "Tag the source")
        .mode("overwrite").save(project.store());
    WriteResult tagged = DatomWrites.lastResult().orElseThrow();

    assertEquals("metadata_only", tagged.action().rName());
    assertFalse(tagged.uploaded());
    assertEquals(first.dataSha(), tagged.dataSha());
    assertNotEquals(first.metadataSha(), tagged.metadataSha());
    TableMetadata stored = project.metadata("meta");
    assertEquals("{\"source\":\"EDC\"}", stored.custom().orElseThrow().toString());
    assertEquals("Tag the source", project.history("meta").entries().get(0).commitMessage().orElseThrow());
  }

  @Test
  void returningToEarlierContentReusesItsObject() throws Exception {
    WriteResult a = project.overwrite(labs(0, 10), "revert");
    WriteResult b = project.overwrite(labs(0, 11), "revert");

    WriteResult backToA = project.overwrite(labs(0, 10), "revert");

    assertEquals(a.metadataSha(), backToA.metadataSha());
    assertFalse(backToA.uploaded());
    assertEquals(a.metadataSha(), project.metadata("revert").version());
    assertEquals(List.of(b.metadataSha(), a.metadataSha()),
        project.history("revert").entries().stream().map(e -> e.version().orElseThrow()).toList());
    try (Stream<Path> objects = Files.list(dir.resolve("store/datom/revert"))) {
      assertEquals(2, objects.filter(p -> p.toString().endsWith(".parquet")).count());
    }
  }

  @Test
  void aVersionReadsBackWithTheSameValuesAndSchema() {
    Dataset<Row> written = labs(0, 50);
    WriteResult result = project.overwrite(written, "roundtrip");

    Dataset<Row> read = project.read("roundtrip", result.metadataSha());

    assertEquals(written.collectAsList(), read.collectAsList());
    assertEquals(List.of(written.schema().fields()).stream().map(StructField::dataType).toList(),
        List.of(read.schema().fields()).stream().map(StructField::dataType).toList());
    assertEquals(List.of(written.columns()), List.of(read.columns()));
  }

  @Test
  void appendAddsRowsAfterTheCurrentOnesMatchingColumnsByName() {
    project.overwrite(labs(0, 7), "appended");

    project.writer(labs(7, 12).select("visit", "usubjid", "value", "note", "dt", "ts"), "appended")
        .mode("append").save(project.store());
    WriteResult appended = DatomWrites.lastResult().orElseThrow();

    assertEquals(12, appended.nrow());
    assertEquals(labs(0, 12).collectAsList(), project.read("appended", appended.metadataSha()).collectAsList());
  }

  @Test
  void appendRefusesOtherColumns() {
    project.overwrite(labs(0, 3), "strict");
    Dataset<Row> more = labs(3, 5);
    Dataset<Row> visitAsText = more.withColumn("visit", more.col("visit").cast("string"));

    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> project.writer(visitAsText, "strict").mode("append").save(project.store()));

    assertTrue(e.getMessage().startsWith("Cannot append to strict: column visit is int in the table but string"),
        e.getMessage());
  }

  @Test
  void appendRefusesACurrentObjectThatFailsItsIntegrityCheck() throws Exception {
    WriteResult current = project.overwrite(labs(0, 6), "tampered");
    Path object = dir.resolve("store/datom/tampered/" + current.dataSha() + ".parquet");
    Path other = dir.resolve("other.parquet");
    labs(0, 5).coalesce(1).write().parquet(other.toString());
    try (Stream<Path> files = Files.list(other)) {
      Files.copy(files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), object,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    assertThrows(IntegrityCheckException.class,
        () -> project.writer(labs(6, 8), "tampered").mode("append").save(project.store()));
    assertEquals(current.metadataSha(), project.metadata("tampered").version());
  }

  @Test
  void errorIfExistsCreatesButNeverReplaces() {
    project.writer(labs(0, 4), "once").mode("errorifexists").save(project.store());
    String version = project.metadata("once").version();

    assertThrows(AnalysisException.class,
        () -> project.writer(labs(0, 5), "once").mode("errorifexists").save(project.store()));
    assertEquals(version, project.metadata("once").version());
  }

  @Test
  void ignoreCreatesButLeavesAnExistingTableAlone() {
    project.writer(labs(0, 4), "kept").mode("ignore").save(project.store());
    String version = project.metadata("kept").version();

    project.writer(labs(0, 5), "kept").mode("ignore").save(project.store());

    assertEquals(version, project.metadata("kept").version());
    assertEquals(4, project.metadata("kept").nrow().getAsLong());
  }

  @Test
  void aProjectNameThatIsNotTheRemotesIsRefused() {
    project.overwrite(labs(0, 2), "named");

    InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> labs(0, 2).write().format("datom")
        .option("table", "named").option("repo", project.repoUrl()).option("project", "OTHER")
        .mode("overwrite").save(project.store()));

    assertTrue(e.getMessage().contains("holds project " + TestProjectRemote.PROJECT), e.getMessage());
  }

  @Test
  void readingATableThatWasNeverWrittenSaysItIsNotFound() {
    project.overwrite(labs(0, 2), "present");

    NoSuchTableException e = assertThrows(NoSuchTableException.class,
        () -> spark.read().format("datom").option("table", "absent").load(project.store()));

    assertEquals("absent", ((TableNotFoundException) e.getCause()).table());
  }
}
