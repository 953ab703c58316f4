package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.datom.core.exceptions.TableChangedException;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A write that crashes at any point of the protocol (an observer that throws, or a store that stops taking writes in
 * the middle of the mirror) is followed by ONE more write to the project, by another writer: to the same table (an
 * append computed from what the store shows, as the Spark connector computes one), or to a different table. That one
 * write must leave the store equal to git ({@link ProjectValidator} finds nothing) and the crashed table readable in
 * the store at git's current version, whatever it did itself: an append that was refused because the version it read
 * was not git's current one must then land when re-run. Every version is in git at most once.
 *
 * <p>For a local store and for S3 (s3proxy), each with a {@code file://} remote; for a table's first write (based on
 * "no version yet", as a creating write is), an overwrite and an append based on the current version.
 */
@ExtendWith(S3ProxyExtension.class)
class CrashThenNextWriteTest {

  private static final String NAME = "STUDY_CRASH";
  private static final GitIdentity AUTHOR = new GitIdentity("Crash Test", "crash@example.org");
  private static final String CRASHED = "lb";
  private static final String OTHER = "vs";

  private static S3ProxyServer s3;

  @TempDir Path tmp;

  @BeforeAll
  static void servers(S3ProxyServer server) {
    s3 = server;
  }

  enum Backend { LOCAL, S3 }

  /** What the crashed write was. */
  enum Kind {
    /** The table's first version, based on "no version yet". */
    FIRST,
    /** A new version replacing the current one, based on nothing. */
    OVERWRITE,
    /** A new version based on the current one. */
    APPEND
  }

  /** Where the crashed write died. */
  enum CrashPoint {
    AFTER_VALIDATED(WriteStep.VALIDATED, -1),
    AFTER_SYNCED(WriteStep.SYNCED, -1),
    AFTER_CHANGE_DETECTED(WriteStep.CHANGE_DETECTED, -1),
    AFTER_DATA_RESOLVED(WriteStep.DATA_RESOLVED, -1),
    AFTER_FILES_WRITTEN(WriteStep.FILES_WRITTEN, -1),
    AFTER_COMMITTED(WriteStep.COMMITTED, -1),
    /** Pushed: the version exists; the store mirror never started. */
    BETWEEN_PUSH_AND_MIRROR(WriteStep.PUSHED, -1),
    /** The mirror wrote the new snapshot only. */
    MIRROR_AFTER_SNAPSHOT(WriteStep.PUSHED, 1),
    /** The mirror wrote snapshot, history and current metadata, not the manifest. */
    MIRROR_BEFORE_MANIFEST(WriteStep.PUSHED, 3),
    AFTER_MIRRORED(WriteStep.MIRRORED, -1);

    final WriteStep step;
    /** When not negative: the store takes this many JSON writes after {@link #step}, then the process dies. */
    final int storeWritesBeforeDeath;

    CrashPoint(WriteStep step, int storeWritesBeforeDeath) {
      this.step = step;
      this.storeWritesBeforeDeath = storeWritesBeforeDeath;
    }

    boolean pushed() {
      return step.compareTo(WriteStep.PUSHED) >= 0 && step != WriteStep.PUSH_REJECTED;
    }
  }

  enum Next { SAME_TABLE, OTHER_TABLE }

  static Stream<Arguments> crashes() {
    List<Arguments> cases = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (Kind kind : Kind.values()) {
        for (CrashPoint point : CrashPoint.values()) {
          for (Next next : Next.values()) {
            cases.add(Arguments.of(backend, kind, point, next));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1} write of lb crashed {2}, then one write to the {3}")
  @MethodSource("crashes")
  void oneMoreWriteConverges(Backend backend, Kind kind, CrashPoint point, Next next) {
    try (Project project = Project.of(backend, tmp)) {
      String base = project.setUp(kind);
      WriteRequest crashedWrite = crashedRequest(kind, base);
      String context = backend + ": " + kind + " write of lb crashed " + point + ", then one write to the " + next;

      int versionsBefore = project.historyVersions(CRASHED).size();
      crash(project, crashedWrite, point);
      assertEquals(versionsBefore + (point.pushed() ? 1 : 0), project.historyVersions(CRASHED).size(),
          context + ": the crashed write is in git exactly when it was pushed");

      Outcome outcome = next == Next.SAME_TABLE ? project.appendAsSparkWould(CRASHED, "next")
          : project.overwrite(OTHER, "next");
      assertConverged(project, context + ", which " + outcome);
      if (outcome.refused()) {
        assertEquals(Next.SAME_TABLE, next, context + ": only a based write can be refused");
        Outcome rerun = project.appendAsSparkWould(CRASHED, "rerun");
        assertFalse(rerun.refused(), context + ": the append refused after the crash was refused again when re-run"
            + " (the store still shows " + project.storeCurrent(CRASHED) + ", git has " + project.gitCurrent(CRASHED)
            + ")");
        assertConverged(project, context + ", then the re-run append");
      } else {
        assertEquals(Optional.of(outcome.result().metadataSha()), project.gitCurrent(outcome.result().table()),
            context + ": the next write's version is current in git");
      }
      assertNoDuplicates(project, context);
    }
  }

  @ParameterizedTest(name = "{0}: the creator died between its push and the manifest mirror")
  @EnumSource(Backend.class)
  void aCreatorKilledBeforeMirroringTheManifestDoesNotBlockTheProject(Backend backend) {
    try (Project project = Project.of(backend, tmp)) {
      CrashingStore dying = new CrashingStore(project.store);
      dying.crashOnJsonWrite(ProjectLayout.STORE_MANIFEST::equals);
      assertThrows(CrashingStore.SimulatedCrash.class,
          () -> DatomWriter.create(project.options(dying).build(), NewProject.named(NAME)).close());
      assertTrue(project.remote.head("master").isPresent(), "the creator pushed before it died");

      WriteResult written;
      try (DatomWriter next = DatomWriter.openOrCreate(project.options(project.store).build(), NewProject.named(NAME))) {
        written = next.write(TestContent.of(tmp, "first", 1, 2).request(CRASHED).build());
      } catch (RuntimeException e) {
        throw new AssertionError(backend + ": the next writer could not write into the project whose creator died "
            + "before mirroring its manifest: " + e, e);
      }
      assertEquals(WriteAction.FULL, written.action());
      assertConverged(project, backend + ": after the creator's crash and one write");
    }
  }

  // ----------------------------------------------------------------------------------------------------- checks

  private static void assertConverged(Project project, String context) {
    ValidationReport report = ProjectValidator.validate(project.options(project.store).build(), false);
    if (!report.valid()) {
      fail(context + ": store and git differ: " + report.found());
    }
    Optional<String> git = project.gitCurrent(CRASHED);
    assertEquals(git, project.storeCurrent(CRASHED), context + ": the store shows lb at git's current version");
    if (git.isPresent()) {
      DatomTable table = DatomProject.open(project.store).table(CRASHED);
      Snapshot current = table.snapshot(VersionSpec.current());
      assertEquals(git.get(), current.version(), context + ": a reader resolves lb's current version to git's");
      ParquetIntegrity.verify(project.store, current);
      ParquetIntegrity.verify(project.store, table.snapshot(VersionSpec.version(git.get())));
    }
  }

  private static void assertNoDuplicates(Project project, String context) {
    for (String table : List.of(CRASHED, OTHER)) {
      List<String> versions = project.historyVersions(table);
      assertEquals(versions.size(), versions.stream().distinct().count(),
          context + ": a version of " + table + " is recorded twice: " + versions);
    }
  }

  // ------------------------------------------------------------------------------------------------- the crash

  private WriteRequest crashedRequest(Kind kind, String base) {
    return switch (kind) {
      case FIRST -> TestContent.of(tmp, "crashed", 50, 60).request(CRASHED).basedOn(BaseVersion.newTable()).build();
      case OVERWRITE -> TestContent.of(tmp, "crashed", 50, 60).request(CRASHED).build();
      case APPEND -> TestContent.of(tmp, "crashed", 30, 40, 50, 60).request(CRASHED)
          .basedOn(BaseVersion.of(base)).build();
    };
  }

  private static void crash(Project project, WriteRequest request, CrashPoint point) {
    CrashingStore dying = new CrashingStore(project.store);
    WriteObserver observer = new WriteObserver() {
      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() != point.step) {
          return;
        }
        if (point.storeWritesBeforeDeath >= 0) {
          dying.crashAfterJsonWrites(point.storeWritesBeforeDeath);
        } else {
          throw new CrashingStore.SimulatedCrash("simulated crash after " + point.step);
        }
      }
    };
    DatomWriter writer = DatomWriter.open(project.options(dying).observer(observer).build());
    try {
      assertThrows(CrashingStore.SimulatedCrash.class, () -> writer.write(request),
          "the write was to crash " + point);
    } finally {
      writer.close();
    }
  }

  // ------------------------------------------------------------------------------------------------ the project

  /** What the write after the crash did: landed, or refused because the version it was based on was not current. */
  record Outcome(WriteResult result, TableChangedException refusal) {
    boolean refused() {
      return refusal != null;
    }

    @Override
    public String toString() {
      return refused() ? "was refused (" + refusal.getMessage() + ")" : "landed (" + result.action() + ")";
    }
  }

  /** A project with a {@code file://} remote and a local or S3 store. */
  private static final class Project implements AutoCloseable {
    final BareGitRemote remote;
    final Store store;
    final Path dir;
    final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00Z");
    private final Map<String, Integer> written = new HashMap<>();

    private Project(BareGitRemote remote, Store store, Path dir) {
      this.remote = remote;
      this.store = store;
      this.dir = dir;
    }

    static Project of(Backend backend, Path tmp) {
      BareGitRemote remote = BareGitRemote.createTemp();
      Store store = backend == Backend.LOCAL ? new LocalStore(tmp.resolve("store"), null)
          : new S3Store(s3.storeConfig(s3.createBucket()).prefix("trial/").build());
      return new Project(remote, store, tmp);
    }

    WriterOptions.Builder options(Store through) {
      return WriterOptions.builder(remote.url(), through)
          .credentials(GitCredentials.none())
          .author(AUTHOR)
          .clock(clock)
          .workDir(dir.resolve("clones"));
    }

    /** Creates the project with a version of {@code vs}, and of {@code lb} unless {@code kind} is a first write. */
    String setUp(Kind kind) {
      try (DatomWriter writer = DatomWriter.create(options(store).build(), NewProject.named(NAME))) {
        writer.write(TestContent.of(dir, "vs1", 7, 8).request(OTHER).build());
        if (kind == Kind.FIRST) {
          return null;
        }
        return writer.write(TestContent.of(dir, "lb1", 30, 40).request(CRASHED).build()).metadataSha();
      }
    }

    /**
     * An append to {@code table} as the Spark connector makes one: it opens the project, then bases the write on the
     * current version the store shows (none if it shows none), with the current rows followed by new ones.
     */
    Outcome appendAsSparkWould(String table, String label) {
      int n = written.merge(table + label, 1, Integer::sum);
      try (DatomWriter writer = DatomWriter.open(options(store).build())) {
        // The connector opens the project first, then reads the base from the store.
        Optional<String> base = storeCurrent(table);
        TestContent content = TestContent.of(dir.resolve(label + n), table, 30, 40, 50, 60, 70 + n);
        WriteRequest request = content.request(table)
            .basedOn(base.map(BaseVersion::of).orElseGet(BaseVersion::newTable))
            .build();
        return new Outcome(writer.write(request), null);
      } catch (TableChangedException refused) {
        return new Outcome(null, refused);
      }
    }

    /** An overwrite of {@code table} with new rows. */
    Outcome overwrite(String table, String label) {
      try (DatomWriter writer = DatomWriter.open(options(store).build())) {
        return new Outcome(writer.write(TestContent.of(dir.resolve(label), table, 9, 10, 11).request(table).build()),
            null);
      }
    }

    Optional<String> gitCurrent(String table) {
      return remote.readFile("master", table + "/metadata.json")
          .map(bytes -> TableMetadata.parse(new String(bytes, StandardCharsets.UTF_8), "git").version());
    }

    Optional<String> storeCurrent(String table) {
      return store.read(ProjectLayout.storeMetadata(table))
          .map(bytes -> TableMetadata.parse(new String(bytes, StandardCharsets.UTF_8), "store").version());
    }

    List<String> historyVersions(String table) {
      return remote.readFile("master", table + "/version_history.json")
          .map(bytes -> VersionHistory.parse(new String(bytes, StandardCharsets.UTF_8), "git").entries().stream()
              .map(HistoryEntry::version).map(Optional::orElseThrow).toList())
          .orElse(List.of());
    }

    @Override
    public void close() {
      store.close();
      remote.close();
    }
  }
}
