package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import io.datom.core.WriteStep;
import io.datom.core.exceptions.TableChangedException;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging directories: removed on every way a write ends, and those of writers that died swept by a later write once
 * they are older than {@code spark.datom.write.staging.maxAge}, while a live write's directory never looks that old.
 */
class StagingCleanupTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void project() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
    spark.udf().register("failing", (UDF1<Long, Long>) id -> {
      if (id == 3) {
        throw new IllegalStateException("injected task failure");
      }
      return id;
    }, DataTypes.LongType);
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static Dataset<Row> rows(int n) {
    return spark.sql("SELECT id, concat('r', id) AS s FROM range(0, " + n + ", 1, 2)");
  }

  private static Path staging(String table) {
    return dir.resolve("store/datom/" + table + "/.staging");
  }

  /** What is left under a table's staging root: nothing, once every write has ended. */
  private static List<String> leftovers(String table) throws IOException {
    if (!Files.exists(staging(table))) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(staging(table))) {
      return children.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void everyWayAWriteEndsRemovesItsStagingDirectory() throws Exception {
    project.overwrite(rows(4), "ends");
    assertEquals(List.of(), leftovers("ends"), "after a success");

    assertThrows(Exception.class, () -> project.overwrite(spark.sql("SELECT failing(id) AS id FROM range(6)"), "ends"));
    assertEquals(List.of(), leftovers("ends"), "after a failed task in the parts job");

    assertThrows(Exception.class, () -> project.overwrite(spark.sql("SELECT CAST(-2147483648 AS INT) AS x"), "ends"));
    assertEquals(List.of(), leftovers("ends"), "after the hash job refused a value");

    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == WriteStep.COMMITTED) {
          throw new IllegalStateException("injected driver failure before the push");
        }
      }
    });
    try {
      assertThrows(IllegalStateException.class, () -> project.overwrite(rows(9), "ends"));
    } finally {
      observing.close();
    }
    assertEquals(List.of(), leftovers("ends"), "after a failure in core's protocol");

    refusedAppend("ends");
    assertEquals(List.of(), leftovers("ends"), "after a refused append");
  }

  /** An append refused because another writer overwrote the table between its read and its commit. */
  private static void refusedAppend(String table) throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    other.submit(() -> { }).get();
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      private boolean done;

      @Override
      public void stepStarting(WriteEvent event) {
        if (event.step() == WriteStep.SYNCED && !done) {
          done = true;
          try {
            other.submit(() -> project.overwrite(rows(7), table)).get();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    });
    try {
      assertThrows(TableChangedException.class,
          () -> project.writer(rows(3), table).mode("append").save(project.store()));
    } finally {
      observing.close();
      other.shutdown();
    }
  }

  @Test
  void aDeadWritersDirectoryIsSweptByTheNextWriteAndALiveOneIsNot() throws Exception {
    project.overwrite(rows(2), "swept");
    String dead = deadWriter("swept", Duration.ofHours(2));
    String recent = deadWriter("swept", Duration.ofMinutes(20));
    Path notOurs = Files.createDirectories(staging("swept").resolve("not-a-staging-dir"));
    age(notOurs, Duration.ofDays(3));

    project.overwrite(rows(3), "swept");

    List<String> left = leftovers("swept");
    assertFalse(left.contains(dead), "the dead writer's directory is swept: " + left);
    assertTrue(left.contains(recent), "a directory younger than the maximum age stays: " + left);
    assertTrue(left.contains("not-a-staging-dir"), "only staging directories are swept: " + left);
  }

  @Test
  void theMaximumAgeIsASessionSetting() throws Exception {
    project.overwrite(rows(2), "aged");
    String older = deadWriter("aged", Duration.ofMinutes(20));
    String younger = deadWriter("aged", Duration.ofMinutes(5));

    withSQLConf(Map.of(DatomWriteOptions.STAGING_MAX_AGE_CONF, "10min"), () -> project.overwrite(rows(3), "aged"));

    assertEquals(List.of(younger), leftovers("aged"));
    assertFalse(leftovers("aged").contains(older));
    InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> withSQLConf(
        Map.of(DatomWriteOptions.STAGING_MAX_AGE_CONF, "soon"), () -> project.overwrite(rows(4), "aged")));
    assertEquals(List.of(DatomWriteOptions.STAGING_MAX_AGE_CONF), e.options());
  }

  @Test
  void aLiveWritesDirectoryStaysFreshAndNothingRecreatesItOnceClosed() throws Exception {
    Path root = dir.resolve("live-root");
    Configuration conf = new Configuration();
    Duration maxAge = Duration.ofSeconds(4);
    Path marker;
    try (StagingArea live = StagingArea.under(root.toString(), conf, maxAge)) {
      Path own = Path.of(java.net.URI.create(live.dir()));
      marker = own.resolve(StagingHeartbeat.MARKER);
      age(own, Duration.ofHours(5));

      Thread.sleep(2_500); // more than one beat (a quarter of the maximum age)

      assertTrue(Files.getLastModifiedTime(marker).toInstant().isAfter(Instant.now().minusSeconds(3)));
      FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(conf);
      assertEquals(0, StagingSweeper.sweep(fs, new org.apache.hadoop.fs.Path(root.toUri()), maxAge, Instant.now()));
      assertTrue(Files.exists(marker));
    }
    Thread.sleep(1_500);
    assertFalse(Files.exists(marker.getParent()), "no beat after close recreates the directory");
  }

  /** A staging directory as a writer that died leaves it, last modified {@code ago}; returns its name. */
  private static String deadWriter(String table, Duration ago) throws IOException {
    String name = UUID.randomUUID().toString();
    Path left = Files.createDirectories(staging(table).resolve(name));
    Files.write(left.resolve("part-00000-1.parquet"), new byte[] {1, 2, 3});
    Files.createFile(left.resolve(StagingHeartbeat.MARKER));
    age(left, ago);
    return name;
  }

  /** Sets the modification time of {@code path} and everything in it to {@code ago} before now. */
  private static void age(Path path, Duration ago) throws IOException {
    FileTime then = FileTime.from(Instant.now().minus(ago));
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.setLastModifiedTime(p, then);
      }
    }
  }
}
