package io.datom.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code parquet_sha} is checked. The object is changed in a way parquet readers do not notice (one letter of
 * the writer's name in the footer), so that only the integrity check can tell.
 */
class IntegrityCheckTest extends SparkTestBase {

  @TempDir Path dir;
  private String store;
  private Path object;

  @BeforeEach
  void copyFixture() {
    store = Fixtures.copyRStoreTo(dir.resolve("store")).toString();
    object = dir.resolve("store/datom/dm/" + Fixtures.DM_V2_DATA + ".parquet");
  }

  private long count(String verify) {
    return spark.read().format("datom").option("table", "dm").option("verify", verify).load(store).count();
  }

  @Test
  void fullChecksEveryReadAndNamesTableKeyAndHashes() throws IOException {
    assertEquals(5, count("full"));
    tamper(false);
    IntegrityCheckException e = assertThrows(IntegrityCheckException.class, () -> count("full"));
    assertEquals("dm", e.table());
    assertEquals("dm/" + Fixtures.DM_V2_DATA + ".parquet", e.key());
    assertEquals("f413246e524586e9b93bd3e0d1b6e190e30c2ba76a830bd750d744abd2d146e8", e.expectedSha());
  }

  @Test
  void onceChecksTheFirstReadAndAgainWhenTheObjectChanges() throws IOException {
    assertEquals(5, count("once"));
    tamper(false);
    assertEquals(5, count("once"), "an object verified by this driver, unchanged in size and time, is trusted");
    tamper(true);
    assertThrows(IntegrityCheckException.class, () -> count("once"));
  }

  @Test
  void onceIsTheDefaultAndSqlQueriesAreCheckedToo() throws IOException {
    tamper(true);
    assertThrows(IntegrityCheckException.class,
        () -> spark.read().format("datom").option("table", "dm").load(store).count());
    withSQLConf(Map.of("spark.sql.catalog.tampered", "io.datom.spark.DatomCatalog",
        "spark.sql.catalog.tampered.store", store), () -> {
          assertThrows(IntegrityCheckException.class, () -> sql("SELECT * FROM tampered.dm"));
          return null;
        });
  }

  @Test
  void noneNeverChecks() throws IOException {
    tamper(true);
    assertEquals(5, count("none"));
    withSQLConf(Map.of("spark.datom.read.verify", "none"), () -> {
      assertEquals(5, spark.read().format("datom").option("table", "dm").load(store).count());
      return null;
    });
  }

  @Test
  void theSchemaAndTheCheckAreSparkJobsNamedForTheTableAndObject() throws Exception {
    List<String> descriptions = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        descriptions.add(String.valueOf(job.properties().getProperty("spark.job.description")));
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      count("full");
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    String key = "dm/" + Fixtures.DM_V2_DATA + ".parquet";
    assertEquals(List.of("datom read dm: read schema of " + key, "datom read dm: verify " + key),
        descriptions.subList(0, 2));
  }

  /**
   * Changes the first letter of the footer's created_by ("parquet-cpp-arrow") to the next letter, keeping the size;
   * moves the modification time on only when {@code touch}.
   */
  private void tamper(boolean touch) throws IOException {
    FileTime before = Files.getLastModifiedTime(object);
    byte[] bytes = Files.readAllBytes(object);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("arquet-cpp-arrow") - 1;
    bytes[at]++;
    Files.write(object, bytes);
    Files.setLastModifiedTime(object, touch ? FileTime.fromMillis(before.toMillis() + 5_000) : before);
  }
}
