package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.RemoteRefLockedException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store mirror never shows a state older than one it showed (docs/writing-core.md, "The store never goes
 * backwards"), on a local store with a {@code file://} remote and on S3 with an HTTP remote: every document a writer
 * makes land is recorded, and the recorded sequence must only ever move forward in git's order.
 */
@ExtendWith(S3ProxyExtension.class)
class StoreNeverGoesBackwardsTest {

  private static S3ProxyServer s3;
  private static GitHttpServer http;

  @TempDir Path tmp;

  @BeforeAll
  static void servers(S3ProxyServer server) {
    s3 = server;
    http = GitHttpServer.start("mirror-token");
  }

  @AfterAll
  static void stopGit() {
    http.close();
  }

  static Stream<Arguments> backends() {
    return Stream.of(
        Arguments.of("local store, file:// remote", (BiFunction<Path, Object, TestProject>) (dir, x) ->
            TestProject.local(dir)),
        Arguments.of("S3 store, HTTP remote", (BiFunction<Path, Object, TestProject>) (dir, x) ->
            TestProject.s3(s3, http, dir)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aWriterStalledAfterItsPushNeverWritesItsOlderStateOverANewerOne(
      String backend, BiFunction<Path, Object, TestProject> projects) {
    try (TestProject project = projects.apply(tmp, null)) {
      RecordingStore store = RecordingStore.over(project.store);
      createWithOneVersion(project, store);
      WriteResult[] newer = new WriteResult[1];
      // While the stalled writer sits between its push and its mirror, another writes a newer version, mirrored.
      WriteObserver stall = atCompletion(WriteStep.PUSHED, () -> {
        try (DatomWriter other = DatomWriter.open(options(project, store).build())) {
          newer[0] = other.write(TestContent.of(tmp, "newer", 30, 40).request("dm").build());
        }
      });

      WriteResult stalled;
      try (DatomWriter writer = DatomWriter.open(options(project, store).observer(stall).build())) {
        stalled = writer.write(TestContent.of(tmp, "stalled", 10, 20).request("dm").build());
      }

      List<String> order = gitOrder(project, "dm");
      assertTrue(order.indexOf(stalled.metadataSha()) < order.indexOf(newer[0].metadataSha()));
      assertForwardOnly(store, "dm", order);
      assertEquals(newer[0].metadataSha(), storeCurrent(project, "dm"));
      ProjectAssertions.assertConsistent(project, List.of("dm"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aWriterThatDiedBetweenPushAndMirrorIsCaughtUpByTheNextWriteOfAnyTable(
      String backend, BiFunction<Path, Object, TestProject> projects) {
    try (TestProject project = projects.apply(tmp, null)) {
      RecordingStore store = RecordingStore.over(project.store);
      createWithOneVersion(project, store);
      WriteObserver crash = atCompletion(WriteStep.PUSHED, () -> {
        throw new IllegalStateException("killed between push and mirror");
      });
      try (DatomWriter writer = DatomWriter.open(options(project, store).observer(crash).build())) {
        assertThrows(IllegalStateException.class,
            () -> writer.write(TestContent.of(tmp, "lost-mirror", 5, 6).request("dm").build()));
      }
      String committed = TableMetadata.parse(project.gitFile("dm/metadata.json").orElseThrow(), "git").version();
      assertTrue(!committed.equals(storeCurrent(project, "dm")), "the store lags behind git after the crash");

      try (DatomWriter writer = DatomWriter.open(options(project, store).build())) {
        writer.write(TestContent.of(tmp, "other-table", 7, 8).request("vs").build());
      }

      assertEquals(committed, storeCurrent(project, "dm"), "writing another table brought dm level");
      assertForwardOnly(store, "dm", gitOrder(project, "dm"));
      ProjectAssertions.assertConsistent(project, List.of("dm", "vs"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aNewerStateThatRecordsNoCommitIsNeverReplacedByAnOlderOne(
      String backend, BiFunction<Path, Object, TestProject> projects) {
    try (TestProject project = projects.apply(tmp, null)) {
      RecordingStore store = RecordingStore.over(project.store);
      createWithOneVersion(project, store);
      RecordingStore rWriter = RecordingStore.likeR(project.store);
      WriteResult[] byR = new WriteResult[1];
      // R pushes and mirrors a newer version while this writer is between its push and its mirror.
      WriteObserver stall = atCompletion(WriteStep.PUSHED, () -> {
        try (DatomWriter r = DatomWriter.open(options(project, rWriter).build())) {
          byR[0] = r.write(TestContent.of(tmp, "by-r", 50, 60).request("dm").build());
        }
      });

      try (DatomWriter writer = DatomWriter.open(options(project, store).observer(stall).build())) {
        writer.write(TestContent.of(tmp, "stalled", 10, 20).request("dm").build());
      }

      List<String> order = gitOrder(project, "dm");
      assertForwardOnly(store, "dm", order);
      assertEquals(byR[0].metadataSha(), storeCurrent(project, "dm"));
      ProjectAssertions.assertConsistent(project, List.of("dm"));
    }
  }

  @Test
  void aSparkWriteAfterAnRWriteKeepsTheGuarantee() {
    try (TestProject project = TestProject.local(tmp)) {
      RecordingStore store = RecordingStore.over(project.store);
      createWithOneVersion(project, store);
      try (DatomWriter r = DatomWriter.open(options(project, RecordingStore.likeR(project.store)).build())) {
        r.write(TestContent.of(tmp, "by-r", 50, 60).request("dm").build());
      }
      try (DatomWriter writer = DatomWriter.open(options(project, store).build())) {
        writer.write(TestContent.of(tmp, "after-r", 70, 80).request("vs").build());
      }
      assertTrue(project.store.readMirrorDocument(ProjectLayout.STORE_MANIFEST).orElseThrow().commit().isPresent(),
          "the manifest records its commit again");
      assertTrue(project.store.readMirrorDocument(ProjectLayout.storeMetadata("dm")).orElseThrow().commit()
          .isPresent(), "R's table was re-recorded in the full pass an unrecorded manifest asks for");
      ProjectAssertions.assertConsistent(project, List.of("dm", "vs"));
    }
  }

  @Test
  void aCreatorThatFindsTheNamespaceTakenByTheProjectNowAtTheRemoteOpensIt() {
    try (TestProject project = TestProject.local(tmp)) {
      try (DatomWriter winner = DatomWriter.createOrOpen(project.options().build(), NewProject.named("RACE"))) {
        winner.write(TestContent.of(tmp, "v1", 1, 2).request("dm").build());
      }
      // The loser saw an empty remote and a free namespace a moment ago; now both are the winner's.
      try (DatomWriter loser = DatomWriter.createOrOpen(project.options().build(), NewProject.named("RACE"))) {
        assertEquals("RACE", loser.projectName());
        loser.write(TestContent.of(tmp, "v2", 3, 4).request("vs").build());
      }
      ProjectAssertions.assertConsistent(project, List.of("dm", "vs"));
    }
  }

  @Test
  void aNamespaceHeldByAnotherProjectIsStillRefused() {
    try (TestProject first = TestProject.local(tmp)) {
      try (DatomWriter writer = DatomWriter.create(first.options().build(), NewProject.named("FIRST"))) {
        writer.write(TestContent.of(tmp, "v1", 1, 2).request("dm").build());
      }
      try (io.datom.core.testing.BareGitRemote empty = io.datom.core.testing.BareGitRemote.createTemp()) {
        WriterOptions sameStoreOtherRemote = WriterOptions.builder(empty.url(), first.store)
            .credentials(first.credentials).author(TestProject.AUTHOR).workDir(tmp.resolve("clones")).build();
        NamespaceOccupiedException e = assertThrows(NamespaceOccupiedException.class,
            () -> DatomWriter.createOrOpen(sameStoreOtherRemote, NewProject.named("SECOND")));
        assertEquals("FIRST", e.existingProject());
      }
    }
  }

  @Test
  void aLockFileLeftInTheRemoteIsReportedAsSuchNotAsContention() throws Exception {
    try (TestProject project = TestProject.local(tmp)) {
      createWithOneVersion(project, project.store);
      Path lock = project.remote.directory().resolve("refs/heads/master.lock");
      Files.createDirectories(lock.getParent());
      Files.writeString(lock, "left by a push that died\n");
      RetryPolicy patient = RetryPolicy.within(Duration.ofMinutes(1)).withBackoff(Duration.ofMillis(20),
          Duration.ofMillis(100)).withLockPatience(Duration.ofMillis(800));

      try (DatomWriter writer = DatomWriter.open(project.options().retryPolicy(patient).build())) {
        long started = System.nanoTime();
        RemoteRefLockedException e = assertThrows(RemoteRefLockedException.class,
            () -> writer.write(TestContent.of(tmp, "blocked", 91, 92).request("dm").build()));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
        assertEquals("master", e.branch());
        assertTrue(e.getMessage().contains("refs/heads/master.lock"), e.getMessage());
        assertTrue(e.getMessage().contains(project.remote.url()), e.getMessage());
      }
      Files.delete(lock);
      try (DatomWriter writer = DatomWriter.open(project.options().build())) {
        writer.write(TestContent.of(tmp, "unblocked", 93, 94).request("dm").build());
      }
      ProjectAssertions.assertConsistent(project, List.of("dm"));
    }
  }

  private void createWithOneVersion(TestProject project, Store store) {
    try (DatomWriter writer = DatomWriter.create(options(project, store).build(), NewProject.named(TestProject.NAME))) {
      writer.write(TestContent.of(tmp, "first", 1, 2).request("dm").build());
    }
  }

  private WriterOptions.Builder options(TestProject project, Store store) {
    return WriterOptions.builder(project.remote.url(), store)
        .credentials(project.credentials)
        .author(TestProject.AUTHOR)
        .clock(project.clock)
        .workDir(tmp.resolve("clones"));
  }

  private static WriteObserver atCompletion(WriteStep step, Runnable action) {
    return new WriteObserver() {
      private boolean done;

      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == step && !done) {
          done = true;
          action.run();
        }
      }
    };
  }

  /** The table's versions in the order git recorded them, oldest first. */
  private static List<String> gitOrder(TestProject project, String table) {
    List<String> newestFirst = ProjectAssertions.history(project, table).entries().stream()
        .map(entry -> entry.version().orElseThrow()).toList();
    List<String> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private static String storeCurrent(TestProject project, String table) {
    return TableMetadata.parse(project.storeText(ProjectLayout.storeMetadata(table)).orElseThrow(), "store").version();
  }

  /**
   * Every current version, history and manifest written, in the order written, is at least as new as the one before:
   * a reader polling the store can never have seen the table go back.
   */
  private static void assertForwardOnly(RecordingStore store, String table, List<String> order) {
    int seen = -1;
    for (String json : store.writtenTo(ProjectLayout.storeMetadata(table))) {
      int position = order.indexOf(TableMetadata.parse(json, "written").version());
      assertTrue(position >= seen, "current version of " + table + " went back from #" + seen + " to #" + position);
      seen = position;
    }
    int length = 0;
    for (String json : store.writtenTo(ProjectLayout.storeHistory(table))) {
      int size = VersionHistory.parse(json, "written").entries().size();
      assertTrue(size >= length, "history of " + table + " shrank from " + length + " to " + size + " entries");
      length = size;
    }
    double versions = -1;
    for (String json : store.writtenTo(ProjectLayout.STORE_MANIFEST)) {
      Manifest manifest = Manifest.parse(json, "written");
      double total = manifest.tableNames().stream()
          .mapToDouble(name -> manifest.table(name).orElseThrow().versionCount().orElse(0)).sum();
      assertTrue(total >= versions, "the manifest went back from " + versions + " to " + total + " versions");
      versions = total;
    }
  }
}
