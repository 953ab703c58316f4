package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.ColumnNamesClashException;
import io.datom.spark.testing.SparkTestBase;
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
}
