package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.testing.BareGitRemote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising a local remote, switching off its receive-side auto-gc, and repacking it without losing anything. */
class LocalRemoteTest {

  @TempDir Path tmp;
  private BareGitRemote remote;

  @BeforeEach
  void createRemote() {
    remote = BareGitRemote.createTemp();
  }

  @AfterEach
  void close() {
    remote.close();
  }

  @Test
  void localPathsAndFileUrlsAreLocalRemotes() throws Exception {
    Path gitDir = remote.directory().toRealPath();
    assertEquals(gitDir, LocalRemote.of(remote.url()).orElseThrow().gitDir().toRealPath());
    assertEquals(gitDir, LocalRemote.of(remote.directory().toString()).orElseThrow().gitDir().toRealPath());
    try (Git nonBare = Git.init().setDirectory(tmp.resolve("work").toFile()).call()) {
      assertEquals(tmp.resolve("work/.git").toRealPath(),
          LocalRemote.of(tmp.resolve("work").toString()).orElseThrow().gitDir().toRealPath());
    }
  }

  @Test
  void serversRelativePathsAndNonRepositoriesAreNot() {
    assertTrue(LocalRemote.of("https://git.example.org/acme/data.git").isEmpty());
    assertTrue(LocalRemote.of("ssh://git@git.example.org/acme/data.git").isEmpty());
    assertTrue(LocalRemote.of("git@git.example.org:acme/data.git").isEmpty());
    assertTrue(LocalRemote.of("data.git").isEmpty());
    assertTrue(LocalRemote.of(tmp.resolve("nothing-here").toUri().toString()).isEmpty());
  }

  @Test
  void receiveAutoGcIsSwitchedOffOnce() throws Exception {
    LocalRemote local = LocalRemote.of(remote.url()).orElseThrow();
    local.disableReceiveAutoGc();
    local.disableReceiveAutoGc();
    try (FileRepository repo = new FileRepository(remote.directory().toFile())) {
      assertFalse(repo.getConfig().getBoolean("receive", null, "autogc", true));
    }
  }

  @Test
  void aRepackReplacesEveryPackButKeptOnesAndLosesNoCommit() throws Exception {
    String tip;
    try (DataRepo clone = DataRepo.init(tmp.resolve("clone"), remote.url(), Map.of("a.txt", bytes("0")), "first",
        RemoteCredentials.none())) {
      LocalRemote.of(remote.url()).orElseThrow().disableReceiveAutoGc();
      for (int i = 1; i <= 6; i++) {
        push(clone, i);
      }
      Path packs = remote.directory().resolve("objects/pack");
      assertEquals(7, packNames(packs).size(), "one pack per push");
      String kept = packNames(packs).get(0);
      Files.writeString(packs.resolve(kept.replace(".pack", ".keep")), "kept on purpose");
      LocalRemote local = LocalRemote.of(remote.url()).orElseThrow();

      assertTrue(local.repackIfDue(LocalRemote.DEFAULT_PACK_LIMIT), "small packs as big as the largest: due");
      List<String> after = packNames(packs);
      assertEquals(2, after.size(), "one new pack and the kept one: " + after);
      assertTrue(after.contains(kept));
      assertFalse(local.repackIfDue(LocalRemote.DEFAULT_PACK_LIMIT), "nothing to do right after");

      push(clone, 7);
      assertFalse(local.repackIfDue(LocalRemote.DEFAULT_PACK_LIMIT), "one small pack beside a large one: not due");
      assertTrue(local.repackIfDue(1), "but more packs than the limit");
      tip = clone.headSha().orElseThrow();
    }
    try (FileRepository repo = new FileRepository(remote.directory().toFile()); RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve(tip)));
      assertEquals(8, Stream.generate(() -> next(walk)).takeWhile(c -> c != null).count(), "every commit is there");
    }
  }

  @Test
  void smallPacksAreMergedWithoutTouchingTheLargest() throws Exception {
    Random random = new Random(1);
    byte[] large = new byte[200_000];
    random.nextBytes(large); // incompressible, so that the first pack is large
    try (DataRepo clone = DataRepo.init(tmp.resolve("clone"), remote.url(),
        Map.of("a.txt", bytes("0"), "large.bin", large), "first", RemoteCredentials.none())) {
      LocalRemote local = LocalRemote.of(remote.url()).orElseThrow();
      local.disableReceiveAutoGc();
      Path packs = remote.directory().resolve("objects/pack");
      String largest = packNames(packs).get(0);
      push(clone, 1);
      assertFalse(local.repackIfDue(LocalRemote.DEFAULT_PACK_LIMIT), "a small pack beside a large one");
      for (int version = 2; version <= PackRollup.MERGE_AT; version++) {
        push(clone, version);
      }

      assertTrue(local.repackIfDue(LocalRemote.DEFAULT_PACK_LIMIT), "small packs of about one size");
      List<String> after = packNames(packs);
      assertEquals(2, after.size(), after.toString());
      assertTrue(after.contains(largest), "the largest pack is left as it was");
      String tip = clone.headSha().orElseThrow();
      try (FileRepository repo = new FileRepository(remote.directory().toFile()); RevWalk walk = new RevWalk(repo)) {
        walk.markStart(walk.parseCommit(repo.resolve(tip)));
        assertEquals(PackRollup.MERGE_AT + 1, Stream.generate(() -> next(walk)).takeWhile(c -> c != null).count());
      }
      try (DataRepo reader = DataRepo.cloneFrom(remote.url(), tmp.resolve("reader"), RemoteCredentials.none())) {
        assertEquals("version " + PackRollup.MERGE_AT, Files.readString(reader.workTree().resolve("a.txt")));
        assertEquals(large.length, Files.size(reader.workTree().resolve("large.bin")));
      }
    }
  }

  private static void push(DataRepo clone, int version) throws Exception {
    Files.writeString(clone.workTree().resolve("a.txt"), "version " + version);
    clone.commit(List.of("a.txt"), "v" + version);
    assertEquals(PushOutcome.OK, clone.push());
  }

  private static Object next(RevWalk walk) {
    try {
      return walk.next();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> packNames(Path packs) throws Exception {
    try (Stream<Path> files = Files.list(packs)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pack")).sorted()
          .toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
