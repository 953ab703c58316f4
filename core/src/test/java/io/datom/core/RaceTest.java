package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.ConcurrentWriteException;
import io.datom.core.internal.format.TableMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races staged deterministically: another writer completes a whole write at a chosen step of this one, through the
 * observer hook.
 */
class RaceTest {

  @TempDir Path tmp;
  private TestProject project;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    try (DatomWriter writer = project.create()) {
      writer.write(TestContent.of(tmp, "dm0", 1, 1).request("dm").build());
    }
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void aRejectedPushIsRetriedFromTheNewStateAndBothVersionsAreKept() {
    TestContent mine = TestContent.of(tmp, "mine", 10, 20);
    List<WriteEvent> events = new ArrayList<>();
    OtherWriterAt other = new OtherWriterAt(WriteStep.COMMITTED, TestContent.of(tmp, "theirs", 30, 40));

    WriteResult result;
    try (DatomWriter writer = DatomWriter.open(project.options().observer(other.recording(events)).build())) {
      result = writer.write(mine.request("dm").build());
    }

    assertEquals(2, result.attempts());
    assertTrue(events.stream().anyMatch(e -> e.step() == WriteStep.PUSH_REJECTED && e.attempt() == 1));
    assertEquals(2, events.stream().filter(e -> e.step() == WriteStep.DATA_RESOLVED).count(),
        "the second attempt resolves the object again, from the earlier attempt's placement");
    assertTrue(result.uploaded());
    List<String> versions = ProjectAssertions.history(project, "dm").entries().stream()
        .map(e -> e.version().orElseThrow()).toList();
    assertEquals(List.of(result.metadataSha(), other.result().metadataSha()), versions.subList(0, 2),
        "newest first: this write was pushed after the other one");
    assertEquals(3, versions.size());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void aWriterOvertakenBeforeItsMirrorLeavesTheStoreAtTheNewerVersion() {
    OtherWriterAt other = new OtherWriterAt(WriteStep.PUSHED, TestContent.of(tmp, "theirs", 30, 40));

    WriteResult mine;
    try (DatomWriter writer = DatomWriter.open(project.options().observer(other.recording(new ArrayList<>())).build())) {
      mine = writer.write(TestContent.of(tmp, "mine", 10, 20).request("dm").build());
    }

    String current = TableMetadata.parse(project.storeText("dm/.metadata/metadata.json").orElseThrow(), "store")
        .version();
    assertEquals(other.result().metadataSha(), current, "the store's current pointer did not move backwards");
    assertTrue(project.store.exists("dm/.metadata/" + mine.metadataSha() + ".json"), "the overtaken snapshot exists");
    assertEquals(1, mine.attempts());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void exhaustedRetriesFailWithATypedErrorAndRecordNothing() {
    OtherWriterAt other = new OtherWriterAt(WriteStep.COMMITTED, TestContent.of(tmp, "theirs", 30, 40));
    RetryPolicy once = RetryPolicy.within(Duration.ZERO).withBackoff(Duration.ZERO, Duration.ZERO);
    TestContent mine = TestContent.of(tmp, "mine", 10, 20);

    try (DatomWriter writer = DatomWriter.open(
        project.options().retryPolicy(once).observer(other.recording(new ArrayList<>())).build())) {
      ConcurrentWriteException e = assertThrows(ConcurrentWriteException.class,
          () -> writer.write(mine.request("dm").build()));
      assertEquals("dm", e.table());
      assertEquals(1, e.attempts());
    }

    assertEquals(Optional.of(other.result().metadataSha()), ProjectAssertions.history(project, "dm").entries().get(0)
        .version());
    assertEquals(2, ProjectAssertions.history(project, "dm").size());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  /** Lets a second writer write a whole version the first time the observed write completes {@code step}. */
  private final class OtherWriterAt {
    private final WriteStep step;
    private final TestContent content;
    private WriteResult result;

    OtherWriterAt(WriteStep step, TestContent content) {
      this.step = step;
      this.content = content;
    }

    WriteObserver recording(List<WriteEvent> events) {
      return new WriteObserver() {
        @Override
        public void stepCompleted(WriteEvent event) {
          events.add(event);
          if (event.step() == step && result == null) {
            try (DatomWriter other = project.open()) {
              result = other.write(content.request("dm").build());
            }
          }
        }
      };
    }

    WriteResult result() {
      return result;
    }
  }
}
