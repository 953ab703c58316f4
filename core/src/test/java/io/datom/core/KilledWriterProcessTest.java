package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept clones between processes: a clone held by a live writer process is never handed to another one, and once
 * that process is killed ({@code kill -9}) the OS releases its lock and the next writer takes the clone over, bringing
 * it to the remote's state whatever the killed process left in it.
 */
class KilledWriterProcessTest {

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
  void aKilledWritersCloneIsTakenOverOnceItsProcessIsDead() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CloneHolder.class.getName(),
        project.remote.url(), tmp.resolve("clones").toString(), tmp.resolve("store").toString())
        .redirectErrorStream(true).start();
    Path held;
    try {
      held = Path.of(awaitHolding(holder));

      // While the process lives, its clone is not handed out.
      try (DatomWriter meanwhile = project.open()) {
        assertNotEquals(held, meanwhile.checkout().cloneDir());
        meanwhile.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build());
      }
    } finally {
      holder.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(Files.exists(held.resolve(".git/index.lock")), "the killed process left its lock file");

    // The lock died with the process: the next writer prefers the first slot with a clone, the killed one's.
    try (DatomWriter next = project.open()) {
      assertEquals(held, next.checkout().cloneDir());
      assertTrue(next.checkout().reusedClone());
      assertFalse(Files.exists(held.resolve("lb")), "the unpushed commit's files are gone");
      assertEquals(project.gitFile("README.md").orElseThrow(),
          Files.readString(held.resolve("README.md"), StandardCharsets.UTF_8), "uncommitted changes are gone");
      assertEquals(project.head(), next.checkout().repo().headSha());
      next.write(TestContent.of(tmp, "dm3", 32, 42).request("dm").build());
    }
    assertEquals(3, ProjectAssertions.history(project, "dm").size());
    ProjectAssertions.assertConsistent(project, List.of("dm"));
  }

  private static String awaitHolding(Process holder) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("HOLDING ")) {
        return line.substring("HOLDING ".length());
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the holder process ended without holding a clone:\n" + seen);
  }
}
