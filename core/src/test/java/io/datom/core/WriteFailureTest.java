package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.TableMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A write that crashes after any step of the protocol, then is run again, converges to exactly one consistent
 * version (format §14.3, point 5). The crash is an exception thrown by the observer, which aborts the write where it
 * stands, as a dying process would.
 */
class WriteFailureTest {

  /** The steps of a full write that uploads, in order. */
  private static final List<WriteStep> STEPS = List.of(WriteStep.VALIDATED, WriteStep.SYNCED,
      WriteStep.CHANGE_DETECTED, WriteStep.DATA_RESOLVED, WriteStep.FILES_WRITTEN, WriteStep.COMMITTED,
      WriteStep.PUSHED, WriteStep.MIRRORED);

  @TempDir Path tmp;
  private TestProject project;

  @BeforeEach
  void createProjectWithOneVersion() {
    project = TestProject.local(tmp);
    try (DatomWriter writer = project.create()) {
      writer.write(TestContent.of(tmp, "dm1", 30, 40).request("dm").build());
    }
  }

  @AfterEach
  void close() {
    project.close();
  }

  static Stream<Arguments> crashes() {
    List<Arguments> cases = new ArrayList<>();
    for (WriteStep step : STEPS) {
      cases.add(Arguments.of(step, "dm", false));
      cases.add(Arguments.of(step, "lb", false));
      cases.add(Arguments.of(step, "lb", true));
    }
    return cases.stream();
  }

  /**
   * @param table      {@code dm} gets its second version, {@code lb} its first
   * @param sameWriter re-run with the writer (and clone) that crashed, rather than a new one
   */
  @ParameterizedTest(name = "crash after {0} writing {1}, re-run by the same writer: {2}")
  @MethodSource("crashes")
  void reRunningAnInterruptedWriteConverges(WriteStep step, String table, boolean sameWriter) {
    TestContent content = TestContent.of(tmp, "new", 50, 60, 70);
    WriteRequest request = content.request(table).build();
    CrashAfter crash = new CrashAfter(step);
    DatomWriter crashing = DatomWriter.open(project.options().observer(crash).build());
    WriteResult result;
    try {
      assertThrows(SimulatedCrash.class, () -> crashing.write(request));
      crash.disarm();
      if (sameWriter) {
        result = crashing.write(request);
      } else {
        try (DatomWriter fresh = project.open()) {
          result = fresh.write(request);
        }
      }
    } finally {
      crashing.close();
    }

    boolean pushed = STEPS.indexOf(step) >= STEPS.indexOf(WriteStep.PUSHED);
    assertEquals(pushed ? WriteAction.NONE : WriteAction.FULL, result.action());
    TableMetadata current = TableMetadata.parse(project.gitFile(table + "/metadata.json").orElseThrow(), "git");
    assertEquals(result.metadataSha(), current.version());
    long recorded = ProjectAssertions.history(project, table).entries().stream()
        .filter(e -> e.version().orElseThrow().equals(result.metadataSha())).count();
    assertEquals(1, recorded, "the version is recorded exactly once");
    assertEquals(table.equals("dm") ? 2 : 1, ProjectAssertions.history(project, table).size());
    Manifest manifest = Manifest.parse(project.gitFile(".datom/manifest.json").orElseThrow(), "git");
    assertEquals(result.metadataSha(), manifest.table(table).orElseThrow().currentVersion().orElseThrow());
    ProjectAssertions.assertConsistent(project, table.equals("dm") ? List.of("dm") : List.of("dm", "lb"));
  }

  /** What the observer throws to simulate a crash. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(WriteStep step) {
      super("simulated crash after " + step);
    }
  }

  /** Crashes the write once, right after {@code step} completes. */
  private static final class CrashAfter implements WriteObserver {
    private final WriteStep step;
    private volatile boolean armed = true;

    CrashAfter(WriteStep step) {
      this.step = step;
    }

    void disarm() {
      armed = false;
    }

    @Override
    public void stepCompleted(WriteEvent event) {
      if (armed && event.step() == step) {
        throw new SimulatedCrash(step);
      }
    }
  }
}
