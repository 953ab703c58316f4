package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.write.CloneSweeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later writer deletes the clones nobody has used for longer than {@link WriterOptions#cloneMaxIdle()}: kept clones
 * whose lock no one holds, and the per-writer {@code datom-clone-*} folders of earlier versions; never a clone in use.
 */
class CloneSweeperTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path tmp;
  private TestProject project;
  private Path workDir;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    project.create().close();
    workDir = tmp.resolve("clones");
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void aCloneInUseIsNeverSwept() {
    try (DatomWriter inUse = project.open()) {
      Path busy = inUse.checkout().cloneDir();
      Path idle;
      try (DatomWriter other = project.open()) {
        idle = other.checkout().cloneDir();
      }

      List<Path> deleted = CloneSweeper.sweep(workDir, Duration.ZERO);

      assertEquals(List.of(idle), deleted);
      assertTrue(Files.isDirectory(busy.resolve(".git")));
      inUse.write(TestContent.of(tmp, "dm1", 1, 2).request("dm").build());
    }
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  @Test
  void idleClonesOlderThanTheMaximumAreSwept() throws IOException {
    Path kept;
    try (DatomWriter writer = project.open()) {
      kept = writer.checkout().cloneDir();
    }
    Path young;
    try (DatomWriter a = project.open(); DatomWriter b = project.open()) {
      young = b.checkout().cloneDir();
    }
    // Last used two hours ago: the lock file's time says so (no lock is held on it in this JVM now).
    Files.setLastModifiedTime(lockFileOf(kept), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path legacyOld = legacyClone("datom-clone-1234", Instant.now().minus(Duration.ofHours(2)));
    Path legacyYoung = legacyClone("datom-clone-5678", Instant.now());

    List<Path> deleted = CloneSweeper.sweep(workDir, HOUR);

    assertEquals(2, deleted.size(), deleted.toString());
    assertFalse(Files.exists(kept));
    assertFalse(Files.exists(legacyOld));
    assertTrue(Files.exists(young));
    assertTrue(Files.exists(legacyYoung));
    assertTrue(Files.exists(lockFileOf(kept)), "lock files stay, so that every process locks the same file");

    try (DatomWriter next = project.open()) {
      assertEquals(young, next.checkout().cloneDir(), "the remaining clone is preferred to an empty slot");
      assertTrue(next.checkout().reusedClone());
    }
  }

  @Test
  void theMaximumIdleTimeIsAWriterOption() {
    assertEquals(WriterOptions.DEFAULT_CLONE_MAX_IDLE, project.options().build().cloneMaxIdle());
    assertEquals(Duration.ofDays(1), project.options().cloneMaxIdle(Duration.ofDays(1)).build().cloneMaxIdle());
    assertThrows(IllegalArgumentException.class, () -> project.options().cloneMaxIdle(Duration.ofSeconds(-1)));
  }

  private static Path lockFileOf(Path slotDir) {
    return slotDir.resolveSibling(slotDir.getFileName() + ".lock");
  }

  /** A per-writer clone folder as earlier versions left them, last written at {@code when}. */
  private Path legacyClone(String name, Instant when) throws IOException {
    Path dir = Files.createDirectories(workDir.resolve(name).resolve(".git"));
    Files.writeString(dir.resolve("HEAD"), "ref: refs/heads/master\n");
    for (Path path : List.of(dir.resolve("HEAD"), dir, dir.getParent())) {
      Files.setLastModifiedTime(path, FileTime.from(when));
    }
    return dir.getParent();
  }
}
