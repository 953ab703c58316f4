package io.datom.core;

import static io.datom.core.RProjectFixture.DM_V1;
import static io.datom.core.RProjectFixture.DM_V1_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.InvalidShaException;
import io.datom.core.exceptions.ParentNotFoundException;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.store.LocalStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageReadTest {

  @TempDir Path dir;
  private DatomProject project;

  @BeforeEach
  void copyFixture() {
    project = DatomProject.open(new LocalStore(RProjectFixture.copyStoreTo(dir), null));
  }

  @Test
  void aParentReferenceComesFromTheVersionsSnapshot() {
    Parent parent = project.table("dm").parent(DM_V1);
    assertEquals(new ParentEntry(RProjectFixture.PROJECT, "dm", DM_V1, DM_V1_DATA), parent.entry());
    assertNull(parent.entry().sourceLineage(), "a derived table without parents has no source_lineage");
  }

  @Test
  void anUnknownParentUsesRsMessage() {
    String version = "ab".repeat(32);
    ParentNotFoundException e =
        assertThrows(ParentNotFoundException.class, () -> project.table("dm").parent(version));
    assertEquals("dm", e.table());
    assertEquals(RProjectFixture.PROJECT, e.project());
    assertEquals("Parent dm@" + version + " not found in project STUDY_FIXTURE. A parent needs the full 64-character "
        + "version (metadata_sha) of a version that was written to this project.", e.getMessage());
  }

  @Test
  void aParentVersionMustBeHex() {
    InvalidShaException e = assertThrows(InvalidShaException.class, () -> project.table("dm").parent("../x"));
    assertEquals("version", e.argument());
  }
}
