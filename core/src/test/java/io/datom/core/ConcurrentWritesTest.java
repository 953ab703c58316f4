package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.format.HistoryEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers, each with its own clone, on one project: every version reported as written is in the history
 * exactly once, every version's object exists and passes its integrity check, and the store ends equal to git.
 */
class ConcurrentWritesTest {

  private static final int WRITERS = 4;
  /** Patient enough for four writers hammering one branch without pause. */
  private static final RetryPolicy RETRIES = RetryPolicy.within(Duration.ofMinutes(2)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400));

  @TempDir Path tmp;
  private TestProject project;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    project.create().close();
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void fourWritersTenVersionsEachOfOneTable() throws Exception {
    List<WriteResult> results = runWriters(10, writer -> "dm");

    List<String> written = results.stream().map(WriteResult::metadataSha).sorted().toList();
    assertEquals(WRITERS * 10, written.size());
    assertEquals(written.size(), written.stream().distinct().count(), "every write was a distinct version");
    List<String> recorded = ProjectAssertions.history(project, "dm").entries().stream()
        .map(HistoryEntry::version).map(v -> v.orElseThrow()).sorted().toList();
    assertEquals(written, recorded);
    results.forEach(r -> assertEquals(WriteAction.FULL, r.action()));
    assertTrue(results.stream().anyMatch(r -> r.attempts() > 1), "the writers really raced");
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void fourWritersOnFourTables() throws Exception {
    List<WriteResult> results = runWriters(5, writer -> "t" + writer);

    Map<String, List<String>> writtenByTable = new HashMap<>();
    results.forEach(r -> writtenByTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.metadataSha()));
    for (int w = 0; w < WRITERS; w++) {
      String table = "t" + w;
      List<String> recorded = ProjectAssertions.history(project, table).entries().stream()
          .map(e -> e.version().orElseThrow()).toList();
      List<String> newestFirst = new ArrayList<>(writtenByTable.get(table));
      Collections.reverse(newestFirst);
      // One writer per table: its versions are recorded newest first, in the order they were written.
      assertEquals(newestFirst, recorded);
    }
    ProjectAssertions.assertConsistent(project, List.of("t0", "t1", "t2", "t3"));
  }

  private interface TableChoice {
    String tableOf(int writer);
  }

  /** Runs {@link #WRITERS} writers in parallel, each writing {@code writes} distinct versions. */
  private List<WriteResult> runWriters(int writes, TableChoice tables) throws Exception {
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<List<WriteResult>>> futures = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Callable<List<WriteResult>> job = () -> {
          List<WriteResult> mine = new ArrayList<>();
          try (DatomWriter datom = DatomWriter.open(project.options().retryPolicy(RETRIES).build())) {
            start.await();
            for (int i = 0; i < writes; i++) {
              TestContent content = TestContent.of(tmp.resolve("w" + writer), "v" + i, writer, i);
              mine.add(datom.write(content.request(tables.tableOf(writer)).build()));
            }
          }
          return mine;
        };
        futures.add(pool.submit(job));
      }
      List<WriteResult> all = new ArrayList<>();
      for (Future<List<WriteResult>> future : futures) {
        all.addAll(future.get(3, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
