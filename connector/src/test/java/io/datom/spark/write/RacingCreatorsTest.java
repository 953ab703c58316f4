package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteResult;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark writers that first-write into one empty remote and empty store at the same moment, on every path that creates
 * a project: all of them land, in one project. (The multi-process version of this race is in the stress tests.)
 */
class RacingCreatorsTest extends SparkTestBase {

  private static final int WRITERS = 4;
  private static final AtomicReference<CountDownLatch> HOLD = new AtomicReference<>(new CountDownLatch(0));

  @TempDir static Path dir;

  @BeforeAll
  static void udf() {
    // Holds a write's tasks until another write is done, to place that one between this one's start and its commit.
    spark.udf().register("held", (UDF1<Long, Long>) id -> {
      HOLD.get().await(60, TimeUnit.SECONDS);
      return id;
    }, DataTypes.LongType);
  }

  private static Dataset<Row> rows(int n) {
    return spark.sql("SELECT id, concat('r', id) AS s FROM range(0, " + n + ", 1, 1)");
  }

  @Test
  void dataFrameSavesCreatingOneProjectAtOnceAllLand() throws Exception {
    for (int round = 0; round < 2; round++) {
      try (TestProjectRemote project = TestProjectRemote.local(spark, dir.resolve("saves-" + round).toString())) {
        atOnce(i -> project.overwrite(rows(3 + i), "t" + i));

        assertOneProjectWithTables(project, WRITERS);
      }
    }
  }

  @Test
  void createTableAsSelectCreatingOneProjectAtOnceAllLand() throws Exception {
    try (TestProjectRemote project = TestProjectRemote.local(spark, dir.resolve("ctas").toString())) {
      spark.conf().set("spark.sql.catalog.racing", "io.datom.spark.DatomCatalog");
      spark.conf().set("spark.sql.catalog.racing.store", project.store());
      spark.conf().set("spark.sql.catalog.racing.repo", project.repoUrl());
      spark.conf().set("spark.sql.catalog.racing.project", TestProjectRemote.PROJECT);

      atOnce(i -> spark.sql("CREATE TABLE racing.t" + i + " AS SELECT id, concat('r', id) AS s FROM range(" + i
          + ", 9)"));

      assertOneProjectWithTables(project, WRITERS);
      assertEquals(9 - 2, spark.table("racing.t2").count());
    }
  }

  @Test
  void aCreatorThatLostTheRaceOpensTheProjectTheWinnerCreated() throws Exception {
    try (TestProjectRemote project = TestProjectRemote.local(spark, dir.resolve("lost").toString())) {
      CountDownLatch winnerDone = new CountDownLatch(1);
      HOLD.set(winnerDone);
      ExecutorService loser = Executors.newSingleThreadExecutor();
      try {
        // The loser found the remote empty and is writing its parts when the winner creates the project.
        Future<WriteResult> lost = loser.submit(() -> project.overwrite(
            spark.sql("SELECT held(id) AS id FROM range(0, 4, 1, 1)"), "slow"));
        waitForRunningTasks();
        project.overwrite(rows(2), "fast");
        winnerDone.countDown();

        assertEquals("full", lost.get(60, TimeUnit.SECONDS).action().rName());
      } finally {
        winnerDone.countDown();
        HOLD.set(new CountDownLatch(0));
        loser.shutdown();
      }
      assertOneProjectWithTables(project, 2);
    }
  }

  @Test
  void aProjectWhoseCreatorDiedBeforeMirroringItsManifestIsCompletedByTheNextWriteNamingIt() throws Exception {
    try (TestProjectRemote project = TestProjectRemote.local(spark, dir.resolve("unmirrored").toString())) {
      project.overwrite(rows(2), "first");
      Files.delete(Path.of(project.store(), "datom/.metadata/manifest.json"));

      project.overwrite(rows(3), "second");

      assertOneProjectWithTables(project, 2);
    }
  }

  /** Runs {@code write(i)} for each writer on its own thread, all released at once; fails if any fails. */
  private static void atOnce(IntConsumer write) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        int writer = i;
        writes.add(threads.submit(() -> {
          start.await();
          write.accept(writer);
          return null;
        }));
      }
      for (Future<?> done : writes) {
        done.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void waitForRunningTasks() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (spark.sparkContext().statusTracker().getActiveStageIds().length == 0) {
      assertTrue(System.nanoTime() < deadline, "the held write never started its parts job");
      Thread.sleep(20);
    }
  }

  /** The remote holds one project, created once, with one commit per table, and its store lists every table. */
  private static void assertOneProjectWithTables(TestProjectRemote project, int tables) throws Exception {
    try (Git git = Git.open(project.remote().directory().toFile())) {
      List<RevCommit> log = StreamSupport.stream(git.log().call().spliterator(), false).toList();
      long inits = log.stream().filter(c -> c.getShortMessage().equals("Initialize datom repository")).count();
      assertEquals(1, inits, "commits: " + log.stream().map(RevCommit::getShortMessage).toList());
      assertEquals(1 + tables, log.size());
    }
    assertEquals(tables, project.project().tableNames().size(), "tables: " + project.project().tableNames());
  }
}
