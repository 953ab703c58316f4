package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.TableChangedException;
import io.datom.core.internal.format.HistoryEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes based on a version (an append's read-modify-write) land only while that version is current: a version
 * another writer committed in between is never silently replaced by one that does not include it.
 */
class BaseVersionTest {

  @TempDir Path tmp;
  private TestProject project;
  private DatomWriter writer;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    writer = project.create();
  }

  @AfterEach
  void close() {
    writer.close();
    project.close();
  }

  @Test
  void aWriteBasedOnTheCurrentVersionLands() {
    WriteResult base = writer.write(TestContent.of(tmp, "v1", 30).request("lb").build());

    WriteResult appended = writer.write(
        TestContent.of(tmp, "v2", 30, 31).request("lb").basedOn(BaseVersion.of(base.metadataSha())).build());

    assertEquals(WriteAction.FULL, appended.action());
    assertEquals(List.of(appended.metadataSha(), base.metadataSha()), versions("lb"));
  }

  @Test
  void aWriteBasedOnAVersionAnotherWriterReplacedIsRefusedAndRecordsNothing() {
    WriteResult base = writer.write(TestContent.of(tmp, "v1", 30).request("lb").build());
    WriteResult theirs;
    try (DatomWriter other = project.open()) {
      theirs = other.write(TestContent.of(tmp, "theirs", 30, 40).request("lb").build());
    }

    TableChangedException e = assertThrows(TableChangedException.class, () -> writer.write(
        TestContent.of(tmp, "mine", 30, 31).request("lb").basedOn(BaseVersion.of(base.metadataSha())).build()));

    assertEquals("lb", e.table());
    assertEquals(Optional.of(base.metadataSha()), e.basedOn());
    assertEquals(Optional.of(theirs.metadataSha()), e.current());
    assertEquals("Table 'lb' changed while this write was being prepared: it was computed from version "
        + base.metadataSha() + ", but the current version is now " + theirs.metadataSha() + " (another writer"
        + " committed it). Nothing was recorded; re-run the write so that it builds on the current version.",
        e.getMessage());
    assertEquals(List.of(theirs.metadataSha(), base.metadataSha()), versions("lb"));
    ProjectAssertions.assertConsistent(project, List.of("lb"));
  }

  @Test
  void aWriteForANewTableIsRefusedOnceAnotherWriterCreatedIt() {
    try (DatomWriter other = project.open()) {
      other.write(TestContent.of(tmp, "theirs", 50).request("ae").build());
    }

    TableChangedException e = assertThrows(TableChangedException.class, () -> writer.write(
        TestContent.of(tmp, "mine", 51).request("ae").basedOn(BaseVersion.newTable()).build()));

    assertEquals(Optional.empty(), e.basedOn());
    assertEquals(1, versions("ae").size());
  }

  @Test
  void aWriteOnAnotherTableInBetweenDoesNotMatter() {
    WriteResult base = writer.write(TestContent.of(tmp, "v1", 30).request("lb").build());
    try (DatomWriter other = project.open()) {
      other.write(TestContent.of(tmp, "dm", 60).request("dm").build());
    }

    WriteResult appended = writer.write(
        TestContent.of(tmp, "v2", 30, 31).request("lb").basedOn(BaseVersion.of(base.metadataSha())).build());

    assertEquals(WriteAction.FULL, appended.action());
  }

  @Test
  void theVersionAlreadyCurrentIsANoOpWhateverItWasBasedOn() {
    WriteResult base = writer.write(TestContent.of(tmp, "v1", 30).request("lb").build());
    WriteResult theirs;
    try (DatomWriter other = project.open()) {
      theirs = other.write(TestContent.of(tmp, "same", 30, 31).request("lb").build());
    }

    WriteResult mine = writer.write(
        TestContent.of(tmp, "same", 30, 31).request("lb").basedOn(BaseVersion.of(base.metadataSha())).build());

    assertEquals(WriteAction.NONE, mine.action());
    assertEquals(theirs.metadataSha(), mine.metadataSha());
  }

  private List<String> versions(String table) {
    return ProjectAssertions.history(project, table).entries().stream()
        .map(HistoryEntry::version).map(Optional::orElseThrow).toList();
  }
}
