package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.write.ClonePool;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers keep their clones: a later writer reuses a kept clone and fetches into it instead of cloning, writers open
 * at the same time never share one, and whatever a writer killed mid-write left in its clone is gone before the next
 * writer uses it.
 */
class ClonePoolTest {

  @TempDir Path tmp;
  private TestProject project;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    try (DatomWriter writer = project.create()) {
      writer.write(TestContent.of(tmp, "dm1", 30, 40).request("dm").build());
    }
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void aLaterWriterReusesTheCloneAndFetchesWhatOthersPushed() throws IOException {
    Path kept;
    try (DatomWriter first = project.open()) {
      kept = first.checkout().cloneDir();
      assertTrue(first.checkout().reusedClone(), "the creator's clone was kept");
    }
    // A marker in the git directory survives only if the clone is reused rather than made again.
    Path marker = Files.writeString(kept.resolve(".git/test-marker"), "kept");
    // Another machine (another work directory) writes a version meanwhile.
    WriteResult elsewhere;
    try (DatomWriter other = DatomWriter.open(project.options().workDir(tmp.resolve("elsewhere")).build())) {
      assertFalse(other.checkout().reusedClone(), "a new work directory has nothing to reuse");
      elsewhere = other.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
    }

    try (DatomWriter second = project.open()) {
      assertEquals(kept, second.checkout().cloneDir());
      assertTrue(second.checkout().reusedClone());
      assertTrue(Files.exists(marker), "the clone was not made again");
      assertEquals(elsewhere.commitSha(), second.checkout().repo().headSha().orElseThrow(), "fetched to the tip");
      assertEquals(elsewhere.metadataSha(), second.checkout().readTable("dm").current().orElseThrow().version());
      WriteResult third = second.write(TestContent.of(tmp, "dm3", 32, 42).request("dm").build());
      assertEquals(WriteAction.FULL, third.action());
    }
    assertEquals(3, ProjectAssertions.history(project, "dm").size());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void writersOpenAtTheSameTimeUseDistinctClonesAndAllLand() throws Exception {
    int writers = 3;
    CyclicBarrier opened = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Path>> dirs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        dirs.add(pool.submit(() -> {
          try (DatomWriter datom = project.open()) {
            opened.await(); // all open at once
            for (int i = 0; i < 3; i++) {
              datom.write(TestContent.of(tmp.resolve("w" + writer), "v" + i, writer, i).request("t" + writer)
                  .build());
            }
            return datom.checkout().cloneDir();
          }
        }));
      }
      List<Path> used = new ArrayList<>();
      for (Future<Path> dir : dirs) {
        used.add(dir.get(2, TimeUnit.MINUTES));
      }
      assertEquals(writers, used.stream().distinct().count(), "each writer had a clone of its own: " + used);
    } finally {
      pool.shutdownNow();
    }
    ProjectAssertions.assertConsistent(project, List.of("dm", "t0", "t1", "t2"));
    // Afterwards they are all free again: the next writer takes the first one.
    try (DatomWriter next = project.open()) {
      assertEquals(ClonePool.poolDir(tmp.resolve("clones"), project.remote.url()).resolve("slot-0"),
          next.checkout().cloneDir());
    }
  }

  /** Where a writer stops when it is killed: files written but not committed, or committed but not pushed. */
  enum KilledAfter { FILES_WRITTEN, COMMITTED }

  @ParameterizedTest(name = "killed after {0}")
  @EnumSource(KilledAfter.class)
  void theNextWriterConvergesFromWhatAKilledWriterLeft(KilledAfter killedAfter) throws IOException {
    Path dir;
    DatomWriter killed = DatomWriter.open(project.options()
        .observer(new CrashAfter(WriteStep.valueOf(killedAfter.name()))).build());
    try {
      dir = killed.checkout().cloneDir();
      assertThrows(SimulatedCrash.class,
          () -> killed.write(TestContent.of(tmp, "lb1", 1, 2).request("lb").build()));
      // What a process killed inside git leaves besides: lock files and junk.
      Files.writeString(dir.resolve(".git/index.lock"), "");
      Files.writeString(dir.resolve(".git/refs/heads/master.lock"), "");
      Files.createDirectories(dir.resolve("junk"));
      Files.writeString(dir.resolve("junk/metadata.json"), "{}");
    } finally {
      // The OS releases a dead process's lock; close() releases it the same way, leaving the clone as it is.
      killed.close();
    }
    assertTrue(Files.exists(dir.resolve("lb/metadata.json")), "the killed write left its files");

    WriteResult result;
    try (DatomWriter next = project.open()) {
      assertEquals(dir, next.checkout().cloneDir(), "the next writer takes the killed writer's clone");
      assertTrue(next.checkout().reusedClone());
      assertFalse(Files.exists(dir.resolve("lb")), "the killed write's files are gone");
      assertFalse(Files.exists(dir.resolve("junk")), "untracked leftovers are gone");
      assertFalse(Files.exists(dir.resolve(".git/index.lock")));
      assertEquals(project.head(), next.checkout().repo().headSha(), "an unpushed commit is gone");
      result = next.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
    }
    assertEquals(WriteAction.FULL, result.action());
    assertTrue(project.gitFile("lb/metadata.json").isEmpty(), "nothing of the killed write reached git");
    TableMetadata current = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git");
    assertEquals(result.metadataSha(), current.version());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void aCloneWithCorruptObjectsIsMadeAgain() throws IOException {
    Path dir;
    try (DatomWriter first = project.open()) {
      dir = first.checkout().cloneDir();
    }
    // Every loose object and pack overwritten with zeros: the files (and pack indexes) still claim the objects, so
    // nothing fetches them again, and reading them fails.
    try (Stream<Path> files = Files.walk(dir.resolve(".git/objects"))) {
      for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".idx")).toList()) {
        Files.write(file, new byte[(int) Files.size(file)]);
      }
    }
    try (DatomWriter next = project.open()) {
      assertEquals(dir, next.checkout().cloneDir());
      assertFalse(next.checkout().reusedClone(), "cloned again");
      next.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
    }
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void aCloneThatLostItsObjectsConverges() throws IOException {
    Path dir;
    try (DatomWriter first = project.open()) {
      dir = first.checkout().cloneDir();
    }
    try (Stream<Path> files = Files.walk(dir.resolve(".git/objects"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    // Either the fetch brings the latest commit's objects again or the clone is made again; the write lands.
    try (DatomWriter next = project.open()) {
      next.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
    }
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void aCloneWhoseGitDirectoryIsGarbageIsMadeAgain() throws IOException {
    Path dir;
    try (DatomWriter first = project.open()) {
      dir = first.checkout().cloneDir();
    }
    Files.writeString(dir.resolve(".git/HEAD"), "garbage");
    try (DatomWriter next = project.open()) {
      assertFalse(next.checkout().reusedClone());
      next.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
    }
  }

  @Test
  void anUnreachableRemoteKeepsTheCloneAndNamesTheRemote() throws IOException {
    Path dir;
    try (DatomWriter first = project.open()) {
      dir = first.checkout().cloneDir();
    }
    Path marker = Files.writeString(dir.resolve(".git/test-marker"), "kept");
    Path remoteDir = project.remote.directory();
    Path moved = remoteDir.resolveSibling("away.git");
    Files.move(remoteDir, moved);
    try {
      assertThrows(DataRepoException.class, project::open);
      assertTrue(Files.exists(marker), "a clone is not thrown away because the remote is down");
    } finally {
      Files.move(moved, remoteDir);
    }
    try (DatomWriter back = project.open()) {
      assertTrue(back.checkout().reusedClone());
    }
  }

  @Test
  void anEmptyRemoteLeavesNoClone() {
    try (BareGitRemote empty = BareGitRemote.createTemp()) {
      WriterOptions options = WriterOptions.builder(empty.url(), new LocalStore(tmp.resolve("store2"), null))
          .credentials(GitCredentials.none()).workDir(tmp.resolve("clones")).build();
      assertThrows(ProjectNotFoundException.class, () -> DatomWriter.open(options));
      Path pool = ClonePool.poolDir(tmp.resolve("clones"), empty.url());
      assertFalse(Files.exists(pool.resolve("slot-0")), "the empty clone was deleted");
    }
  }

  @Test
  void aFailedCloneLeavesNothingBehind() {
    String missing = tmp.resolve("no-such-remote.git").toUri().toString();
    WriterOptions options = WriterOptions.builder(missing, project.store).credentials(GitCredentials.none())
        .workDir(tmp.resolve("clones")).build();
    assertThrows(DataRepoException.class, () -> DatomWriter.open(options));
    assertFalse(Files.exists(ClonePool.poolDir(tmp.resolve("clones"), missing).resolve("slot-0")));
  }

  @Test
  void theFolderNameCarriesNoCredentials() {
    Path workDir = tmp.resolve("clones");
    Path withToken = ClonePool.poolDir(workDir, "https://git:s3cr3t-token@git.example.org/acme/data.git");
    Path plain = ClonePool.poolDir(workDir, "https://git.example.org/acme/data.git");
    assertEquals(plain, withToken, "the same remote, whoever logs in");
    assertFalse(withToken.toString().contains("s3cr3t"));
    assertTrue(withToken.getFileName().toString().matches("[0-9a-f]{24}"));
    assertNotEquals(plain, ClonePool.poolDir(workDir, "https://git.example.org/acme/other.git"));
  }

  /** What the observer throws to simulate a writer killed at a step. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(WriteStep step) {
      super("simulated crash after " + step);
    }
  }

  private static final class CrashAfter implements WriteObserver {
    private final WriteStep step;

    CrashAfter(WriteStep step) {
      this.step = step;
    }

    @Override
    public void stepCompleted(WriteEvent event) {
      if (event.step() == step) {
        throw new SimulatedCrash(step);
      }
    }
  }
}
