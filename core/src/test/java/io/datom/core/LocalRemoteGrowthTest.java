package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.repo.LocalRemote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local ({@code file://}) remote stays proportional to its content however many pushes it takes: writers switch off
 * JGit's receive-side auto-gc (whose hour-long pack expiry made each push add a full copy) and repack the remote
 * themselves, and writers pushing and fetching meanwhile are not disturbed.
 */
class LocalRemoteGrowthTest {

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
  void twoHundredPushesKeepTheRemoteWithinASmallMultipleOfARepackedCopy() throws Exception {
    Path gitDir = project.remote.directory();
    long largest = 0;
    try (DatomWriter writer = project.open()) {
      for (int i = 0; i < 200; i++) {
        writer.write(TestContent.of(tmp.resolve("v"), "v" + i, i, i + 1, i + 2).request("dm").build());
        largest = Math.max(largest, objectBytes(gitDir));
        assertTrue(packCount(gitDir) <= LocalRemote.DEFAULT_PACK_LIMIT + 1, "packs after push " + i);
      }
    }
    long repacked = repackedCopyBytes(gitDir);
    long now = objectBytes(gitDir);
    // Measured: 1.05x at the end, 1.4x at most (224 and 303 KB, against 214 KB); JGit's own receive-side auto-gc
    // reached 570x (122 MB in 308 packs).
    assertTrue(now <= 2 * repacked, "remote " + now + " bytes, repacked copy " + repacked);
    assertTrue(largest <= 3 * repacked, "at most " + largest + " bytes on the way, repacked copy " + repacked);
    assertEquals(200, ProjectAssertions.history(project, "dm").size());
    assertFalse(receiveAutoGc(gitDir), "writers switched off receive.autogc");
  }

  @Test
  void writersPushAndFetchWhileOthersRepackTheRemote() throws Exception {
    int writers = 4;
    int writes = 8;
    // Repack after every second push, so that repacks overlap other writers' pushes and fetches.
    WriterOptions options = project.options().packLimit(2)
        .retryPolicy(RetryPolicy.within(Duration.ofMinutes(2)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400)))
        .build();
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<WriteResult> results = new ArrayList<>();
    try {
      List<Future<List<WriteResult>>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          List<WriteResult> mine = new ArrayList<>();
          start.await();
          for (int i = 0; i < writes; i++) {
            // A writer per write, as Spark opens one per save: each open fetches into a kept clone.
            try (DatomWriter datom = DatomWriter.open(options)) {
              mine.add(datom.write(TestContent.of(tmp.resolve("w" + writer), "v" + i, writer, i).request("dm")
                  .build()));
            }
          }
          return mine;
        }));
      }
      for (Future<List<WriteResult>> future : futures) {
        results.addAll(future.get(3, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> written = results.stream().map(WriteResult::metadataSha).sorted().toList();
    List<String> recorded = ProjectAssertions.history(project, "dm").entries().stream()
        .map(HistoryEntry::version).map(v -> v.orElseThrow()).sorted().toList();
    assertEquals(writers * writes, written.size());
    assertEquals(written, recorded);
    ProjectAssertions.assertConsistent(project, List.of("dm"));
    assertTrue(packCount(project.remote.directory()) <= 3, "the remote was repacked along the way");
  }

  private static boolean receiveAutoGc(Path gitDir) throws IOException {
    try (FileRepository repo = new FileRepository(gitDir.toFile())) {
      StoredConfig config = repo.getConfig();
      return config.getBoolean("receive", null, "autogc", true);
    }
  }

  /** The size of a mirror of the remote repacked from scratch ({@code git repack -a -d -f}), as a host keeps it. */
  private long repackedCopyBytes(Path gitDir) throws Exception {
    Path copy = tmp.resolve("repacked.git");
    Git.cloneRepository().setURI(gitDir.toUri().toString()).setDirectory(copy.toFile()).setBare(true)
        .setMirror(true).call().close();
    try (FileRepository repo = new FileRepository(copy.toFile())) {
      GC gc = new GC(repo);
      gc.setExpireAgeMillis(0);
      gc.setPackExpireAgeMillis(0);
      PackConfig fromScratch = new PackConfig(repo);
      fromScratch.setReuseObjects(false);
      fromScratch.setReuseDeltas(false);
      gc.setPackConfig(fromScratch);
      gc.gc().join();
    }
    return objectBytes(copy);
  }

  /** The bytes of the object store; files a concurrent repack deletes during the walk count as gone. */
  private static long objectBytes(Path gitDir) {
    long[] total = {0};
    try {
      Files.walkFileTree(gitDir.resolve("objects"), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          total[0] += attributes.size();
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException vanished) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total[0];
  }

  private static long packCount(Path gitDir) throws IOException {
    try (Stream<Path> files = Files.list(gitDir.resolve("objects/pack"))) {
      return files.filter(file -> file.toString().endsWith(".pack")).count();
    }
  }
}
