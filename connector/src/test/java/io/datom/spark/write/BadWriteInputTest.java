package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteResult;
import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.exceptions.VersionHistoryNotFoundException;
import io.datom.spark.exceptions.ColumnNamesClashException;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to a write is refused with a clear error, nothing is written, and a good write works afterwards. */
class BadWriteInputTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void project() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
    project.overwrite(spark.sql("SELECT id FROM range(2)"), "dm");
  }

  @AfterAll
  static void close() {
    project.close();
  }

  @Test
  void columnsWhoseNamesDifferOnlyByCaseAreRefused() {
    Optional<String> head = project.head();
    Dataset<Row> clash = spark.sql("SELECT id AS a, id AS A, id AS b FROM range(3)");

    ColumnNamesClashException e = assertThrows(ColumnNamesClashException.class,
        () -> project.writer(clash, "clash").mode("overwrite").save(project.store()));

    assertEquals(List.of(List.of("a", "A")), e.clashes());
    assertTrue(e.getMessage().contains("withColumnRenamed"), e.getMessage());
    assertEquals(head, project.head(), "nothing was committed");
    assertTrue(project.openStore().list("clash/").isEmpty(), "nothing was stored");
    project.overwrite(spark.sql("SELECT id AS a, id AS b FROM range(3)"), "clash");
    assertEquals(3, project.read("clash", project.metadata("clash").version()).count());
  }

  @Test
  void statedParentsMustNameFullShas() {
    Optional<String> head = project.head();
    String traversal = "[{\"source\":\"RAW\",\"table\":\"edc\",\"version\":\"../../x\",\"data_sha\":\""
        + "e".repeat(64) + "\"}]";

    InvalidLineageException e = assertThrows(InvalidLineageException.class, () -> project
        .writer(spark.sql("SELECT id FROM range(2)"), "derived").option("parents", traversal).mode("overwrite")
        .save(project.store()));

    assertEquals(1, e.entry());
    assertTrue(e.getMessage().contains("version"), e.getMessage());
    assertEquals(head, project.head(), "nothing was committed");
  }

  @Test
  void aMissingTableNameIsAskedForInWords() {
    InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> spark.sql("SELECT 1 AS id")
        .write().format("datom").option("repo", project.repoUrl()).mode("overwrite").save(project.store()));
    assertEquals(List.of("table"), e.options());
    assertTrue(e.getMessage().contains("read or write"), e.getMessage());
  }

  @Test
  void unknownAndReadOnlyOptionsAreRefusedOnWrites() {
    Optional<String> head = project.head();
    Dataset<Row> rows = spark.sql("SELECT id FROM range(2)");

    InvalidOptionsException typo = assertThrows(InvalidOptionsException.class, () -> project.writer(rows, "dm")
        .option("mesage", "cut 2").mode("overwrite").save(project.store()));
    assertTrue(typo.getMessage().contains("Did you mean 'message'?"), typo.getMessage());
    InvalidOptionsException readOption = assertThrows(InvalidOptionsException.class, () -> project.writer(rows, "dm")
        .option("version", "abc123").mode("overwrite").save(project.store()));
    assertTrue(readOption.getMessage().contains("for a datom write"), readOption.getMessage());
    assertEquals(head, project.head(), "nothing was committed");

    project.writer(rows, "dm").option("message", "cut 2").option("custom.site", "A").mode("overwrite")
        .save(project.store());
  }

  @Test
  void aTableWhoseMetadataIsMalformedCanBeOverwritten() throws Exception {
    damagedThenOverwritten("broken_meta", table -> Files.writeString(
        storeFile(table + "/.metadata/metadata.json"), "{\"data_sha\": "), MalformedJsonException.class);
  }

  @Test
  void aTableWhoseHistoryIsMissingCanBeOverwritten() throws Exception {
    damagedThenOverwritten("broken_history", table -> Files.delete(
        storeFile(table + "/.metadata/version_history.json")), VersionHistoryNotFoundException.class);
  }

  @Test
  void aTableWhoseObjectIsTruncatedCanBeOverwritten() throws Exception {
    damagedThenOverwritten("broken_object", table -> {
      Path object = storeFile(table + "/" + project.metadata(table).dataSha().orElseThrow() + ".parquet");
      byte[] bytes = Files.readAllBytes(object);
      Files.write(object, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }, RuntimeException.class);
  }

  private interface Damage {
    void apply(String table) throws Exception;
  }

  private void damagedThenOverwritten(String table, Damage damage, Class<? extends Exception> readError)
      throws Exception {
    project.overwrite(spark.sql("SELECT id, concat('v', id) AS v FROM range(4)"), table);
    damage.apply(table);
    Dataset<Row> reading = spark.read().format("datom").option("table", table).load(project.store());
    assertThrows(readError, reading::collectAsList, "the damaged version cannot be read");
    assertThrows(Exception.class, () -> project.writer(spark.sql("SELECT id, 'x' AS v FROM range(1)"), table)
        .mode("append").save(project.store()), "an append needs the damaged version");

    project.writer(spark.sql("SELECT id, concat('w', id) AS v FROM range(3)"), table).mode("overwrite")
        .save(project.store());

    WriteResult result = DatomWrites.lastResult().orElseThrow();
    assertEquals(3, spark.read().format("datom").option("table", table).load(project.store()).count());
    assertEquals(result.metadataSha(), project.metadata(table).version());
  }

  private static Path storeFile(String key) {
    return dir.resolve("store/datom/" + key);
  }
}
