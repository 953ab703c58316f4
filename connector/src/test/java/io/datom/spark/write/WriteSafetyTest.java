package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import io.datom.core.WriteResult;
import io.datom.core.WriteStep;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.TableChangedException;
import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.hash.Sha256;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a write guarantees when things go wrong or run at once: refusals before any job, no referenced version without
 * its data after a failure at any point, convergent re-runs, concurrent writers, and a driver that never holds rows.
 */
class WriteSafetyTest extends SparkTestBase {

  private static final AtomicBoolean FAIL_TASKS = new AtomicBoolean();

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void project() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
    spark.udf().register("fragile", (UDF1<Long, Long>) id -> {
      if (FAIL_TASKS.get() && id == 7) {
        throw new IllegalStateException("injected task failure");
      }
      if (FAIL_TASKS.get() && id == 0) {
        // Another partition's task, deaf to Spark's kill, that opens its part file only after the job failed.
        sleepUninterruptibly(500);
      }
      return id;
    }, DataTypes.LongType);
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static void sleepUninterruptibly(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
      try {
        Thread.sleep(left);
      } catch (InterruptedException ignored) {
        // as a task busy in code that never checks its interrupt
      }
    }
  }

  private static Dataset<Row> rows(int n) {
    return spark.sql("SELECT fragile(id) AS id, concat('r', id) AS s FROM range(0, " + n + ", 1, 4)");
  }

  @Test
  void unhashableColumnsAreRefusedBeforeAnyJobAndBeforeTheProjectExists() {
    try (TestProjectRemote empty = TestProjectRemote.local(spark, dir.resolve("empty-store").toString())) {
      Dataset<Row> nested = spark.sql("SELECT id, array(id) AS a, CAST('x' AS BINARY) AS b FROM range(3)");
      JobCounter jobs = JobCounter.install();

      UnhashableColumnsException e =
          assertThrows(UnhashableColumnsException.class, () -> empty.overwrite(nested, "nested"));

      assertEquals(List.of("a", "b"), e.offenders().stream().map(o -> o.column()).toList());
      assertEquals(0, jobs.stop().jobs);
      assertTrue(empty.head().isEmpty());
    }
  }

  @Test
  void anEmptyRemoteNeedsAProjectNameBeforeAnyJob() {
    try (TestProjectRemote empty = TestProjectRemote.local(spark, dir.resolve("unnamed-store").toString())) {
      JobCounter jobs = JobCounter.install();

      InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> spark.sql("SELECT 1 AS x")
          .write().format("datom").option("table", "t").option("repo", empty.repoUrl()).mode("overwrite")
          .save(empty.store()));

      assertEquals(List.of("project"), e.options());
      assertEquals(0, jobs.stop().jobs);
    }
  }

  @Test
  void anEmptyRemoteWhoseStoreHoldsAnotherProjectIsRefusedBeforeAnyJob() {
    project.overwrite(rows(2), "occupant");
    try (TestProjectRemote newcomer = new TestProjectRemote(spark, BareGitRemote.createTemp(), null, project.store())) {
      JobCounter jobs = JobCounter.install();

      NamespaceOccupiedException e = assertThrows(NamespaceOccupiedException.class, () -> spark.sql("SELECT 1 AS x")
          .write().format("datom").option("table", "t").option("repo", newcomer.remote().url())
          .option("project", "NEWCOMER").mode("overwrite").save(project.store()));

      assertEquals(TestProjectRemote.PROJECT, e.existingProject());
      assertEquals(0, jobs.stop().jobs);
      assertTrue(newcomer.head().isEmpty());
    }
  }

  @Test
  void aFailedTaskLeavesNoVersionAndARerunSucceeds() throws Exception {
    WriteResult before = project.overwrite(rows(5), "tasks");
    FAIL_TASKS.set(true);
    try {
      assertThrows(Exception.class, () -> project.overwrite(rows(20), "tasks"));
    } finally {
      FAIL_TASKS.set(false);
    }

    sleepUninterruptibly(1500); // by now a straggler the write did not wait for would have left its part file
    assertEquals(before.metadataSha(), project.metadata("tasks").version());
    assertEquals(1, project.history("tasks").size());
    assertFalse(Files.exists(dir.resolve("store/datom/tasks/.staging"))
        && Files.list(dir.resolve("store/datom/tasks/.staging")).findAny().isPresent());
    WriteResult rerun = project.overwrite(rows(20), "tasks");
    assertEquals("full", rerun.action().rName());
    assertEquals(20, project.metadata("tasks").nrow().getAsLong());
  }

  @Test
  void aDriverFailureBeforeThePushReferencesNothingAndARerunUsesThePlacedObject() throws Exception {
    WriteResult before = project.overwrite(rows(3), "crash");
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == WriteStep.COMMITTED) {
          throw new IllegalStateException("injected driver failure before the push");
        }
      }
    });
    try {
      assertThrows(IllegalStateException.class, () -> project.overwrite(rows(9), "crash"));
    } finally {
      observing.close();
    }
    assertEquals(before.metadataSha(), project.metadata("crash").version());
    assertEquals(1, project.history("crash").size());

    WriteResult rerun = project.overwrite(rows(9), "crash");

    assertEquals("full", rerun.action().rName());
    assertFalse(rerun.uploaded());
    Path object = dir.resolve("store/datom/crash/" + rerun.dataSha() + ".parquet");
    assertEquals(Sha256.hex(Files.readAllBytes(object)), rerun.parquetSha().orElseThrow());
    assertEquals(rerun.metadataSha(), project.history("crash").entries().get(0).version().orElseThrow());
  }

  @Test
  void aDriverKilledBetweenPushAndMirrorBlocksNoAppend() {
    WriteResult before = project.overwrite(rows(3), "lagging");
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == WriteStep.PUSHED) {
          throw new IllegalStateException("injected driver death between push and mirror");
        }
      }
    });
    try {
      assertThrows(IllegalStateException.class, () -> project.overwrite(rows(5), "lagging"));
    } finally {
      observing.close();
    }
    assertEquals(before.metadataSha(), project.metadata("lagging").version(), "the store lags behind git");

    project.writer(rows(2), "lagging").mode("append").save(project.store());

    WriteResult appended = DatomWrites.lastResult().orElseThrow();
    assertEquals(7, appended.nrow(), "the append built on git's version (5 rows), not the store's stale one (3)");
    assertEquals(appended.metadataSha(), project.metadata("lagging").version());
    assertEquals(3, project.history("lagging").size());
  }

  @Test
  void anAppendOverlappingAnotherWriteOfItsTableIsRefusedAndARerunIncludesBoth() throws Exception {
    project.overwrite(rows(2), "racy");

    WriteResult theirs = whileAnotherWriterOverwrites("racy", rows(7), () -> assertThrows(
        TableChangedException.class, () -> project.writer(rows(3), "racy").mode("append").save(project.store())));

    assertEquals(theirs.metadataSha(), project.metadata("racy").version());
    assertEquals(2, project.history("racy").size());
    project.writer(rows(3), "racy").mode("append").save(project.store());
    assertEquals(10, DatomWrites.lastResult().orElseThrow().nrow());
  }

  @Test
  void creatingATableAnotherWriterCreatedMeanwhileIsRefused() throws Exception {
    WriteResult theirs = whileAnotherWriterOverwrites("born", rows(7), () -> {
      TableChangedException e = assertThrows(TableChangedException.class,
          () -> project.writer(rows(3), "born").mode("errorifexists").save(project.store()));
      assertEquals(Optional.empty(), e.basedOn());
    });

    assertEquals(theirs.metadataSha(), project.metadata("born").version());
    assertEquals(1, project.history("born").size());
  }

  /**
   * Runs {@code write} while, just before it syncs with the remote to commit, another writer (on a thread started
   * outside the write, so without its Spark properties) overwrites {@code table} with {@code rows}; returns what that
   * other write did.
   */
  private static WriteResult whileAnotherWriterOverwrites(String table, Dataset<Row> rows, Runnable write)
      throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    other.submit(() -> { }).get();
    AtomicReference<WriteResult> theirs = new AtomicReference<>();
    AtomicBoolean started = new AtomicBoolean();
    // The observer sees every write of the session, the other writer's too: only the first sync starts it.
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepStarting(WriteEvent event) {
        if (event.step() == WriteStep.SYNCED && started.compareAndSet(false, true)) {
          try {
            theirs.set(other.submit(() -> project.overwrite(rows, table)).get());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    });
    try {
      write.run();
    } finally {
      observing.close();
      other.shutdown();
    }
    return theirs.get();
  }

  @Test
  void concurrentWritesToOneTableBothLand() throws Exception {
    project.overwrite(rows(2), "busy");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<WriteResult> first = threads.submit(() -> project.overwrite(rows(30), "busy"));
      Future<WriteResult> second = threads.submit(() -> project.overwrite(rows(40), "busy"));
      List<String> versions = List.of(first.get().metadataSha(), second.get().metadataSha());

      List<String> history = project.history("busy").entries().stream().map(e -> e.version().orElseThrow()).toList();
      assertEquals(3, history.size());
      assertTrue(history.containsAll(versions), history + " should hold " + versions);
      assertEquals(history.get(0), project.metadata("busy").version());
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void concurrentIdenticalWritesMakeOneVersion() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<WriteResult> first = threads.submit(() -> project.overwrite(rows(25), "twins"));
      Future<WriteResult> second = threads.submit(() -> project.overwrite(rows(25), "twins"));

      assertEquals(first.get().metadataSha(), second.get().metadataSha());
      assertEquals(1, project.history("twins").size());
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void tasksSendTheDriverTheSameLittleWhateverTheRowCount() {
    TaskResultSizes small = TaskResultSizes.during(() -> project.overwrite(rows(1_000), "small"));
    TaskResultSizes large = TaskResultSizes.during(() -> project.overwrite(rows(300_000), "large"));

    assertTrue(large.max() <= small.max() + 512, "largest task result " + large.max() + " bytes for 300,000 rows, "
        + small.max() + " bytes for 1,000 rows");
  }

  /** Waits until every listener has seen every event posted so far. */
  private static void drainListenerBus() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Spark's listener bus did not drain", e);
    }
  }

  /** Counts the jobs Spark starts while installed. */
  private static final class JobCounter extends SparkListener {
    private int jobs;

    static JobCounter install() {
      JobCounter counter = new JobCounter();
      spark.sparkContext().addSparkListener(counter);
      return counter;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      jobs++;
    }

    JobCounter stop() {
      drainListenerBus();
      spark.sparkContext().removeSparkListener(this);
      return this;
    }
  }

  /** The serialized sizes of the task results the driver received while something ran. */
  private static final class TaskResultSizes extends SparkListener {
    private final List<Long> sizes = new CopyOnWriteArrayList<>();

    static TaskResultSizes during(Runnable body) {
      TaskResultSizes listener = new TaskResultSizes();
      spark.sparkContext().addSparkListener(listener);
      try {
        body.run();
      } finally {
        drainListenerBus();
        spark.sparkContext().removeSparkListener(listener);
      }
      return listener;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      sizes.add(taskEnd.taskMetrics().resultSize());
    }

    long max() {
      return new ArrayList<>(sizes).stream().mapToLong(Long::longValue).max().orElseThrow();
    }
  }
}
