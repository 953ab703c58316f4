package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the R fixture project's history (init, then DM cut 1, DM cut 2, VS cut 2, EX cut 2 at the same instants, by
 * the same author, with the same parquet objects) and checks that every file we write, in git and in the store, has
 * the bytes R wrote.
 */
class RProjectReplayTest {

  @TempDir Path tmp;

  @Test
  void aReplayedProjectHasExactlyTheFilesAndBytesRWrote() throws Exception {
    try (BareGitRemote remote = BareGitRemote.createTemp();
        LocalStore store = new LocalStore(tmp.resolve("store"), null)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:28:25Z"), ZoneId.of("UTC"));
      WriterOptions options = WriterOptions.builder(remote.url(), store)
          .credentials(GitCredentials.none()).author(RFixture.AUTHOR).clock(clock).workDir(tmp.resolve("clones"))
          .build();
      String root = store.location().root();

      try (DatomWriter writer = DatomWriter.create(options, NewProject.named(RFixture.PROJECT))) {
        assertEquals(RFixture.text("git-history/init-manifest.json"), gitFile(remote, ".datom/manifest.json"));
        assertEquals(RFixture.gitFile(".datom/project.yaml").replace(RFixture.ROOT, root)
            .replace(RFixture.REMOTE, remote.url()), gitFile(remote, ".datom/project.yaml"));
        assertEquals(RFixture.gitFile("README.md").replace(RFixture.ROOT, root).replace(RFixture.REMOTE, remote.url()),
            gitFile(remote, "README.md"));
        assertEquals(RFixture.gitFile(".gitignore"), gitFile(remote, ".gitignore"));

        clock.set("2026-11-22T02:28:26Z");
        write(writer, "dm", RFixture.DM_CUT_1, "DM cut 1");
        for (String file : List.of("metadata.json", "version_history.json")) {
          assertEquals(RFixture.text("git-history/dm-cut-1-" + file), gitFile(remote, "dm/" + file), file);
        }
        assertEquals(RFixture.text("git-history/dm-cut-1-manifest.json"), gitFile(remote, ".datom/manifest.json"));

        clock.set("2026-11-22T02:28:29Z");
        write(writer, "dm", RFixture.DM_CUT_2, "DM cut 2");
        clock.set("2026-11-22T02:28:31Z");
        write(writer, "vs", RFixture.VS, "VS cut 2");
        clock.set("2026-11-22T02:28:33Z");
        write(writer, "ex", RFixture.EX, "EX cut 2");
      }

      for (String file : List.of(".datom/manifest.json", "dm/metadata.json", "dm/version_history.json",
          "vs/metadata.json", "vs/version_history.json", "ex/metadata.json", "ex/version_history.json")) {
        assertEquals(RFixture.gitFile(file), gitFile(remote, file), file);
      }
      Map<String, byte[]> expected = filesUnder(RFixture.storeRoot());
      Map<String, byte[]> actual = filesUnder(tmp.resolve("store"));
      assertEquals(expected.keySet(), actual.keySet());
      expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    }
  }

  private static void write(DatomWriter writer, String table, String version, String message) {
    WriteResult result = writer.write(
        WriteRequest.builder(table, RFixture.hash(table, version), RFixture.parquet(table, version))
            .message(message).build());
    assertEquals(version, result.metadataSha());
  }

  private static String gitFile(BareGitRemote remote, String path) {
    return new String(remote.readFile("master", path).orElseThrow(), StandardCharsets.UTF_8);
  }

  private static boolean notBookkeeping(Path file) {
    String name = file.getFileName().toString();
    String folder = file.getParent().getFileName().toString();
    return !name.endsWith(".datom-stamp") && !name.equals(".datom-mirror.lock") && !folder.equals(".verified");
  }

  private static Map<String, byte[]> filesUnder(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      // The local store's mirror stamps and lock, and the verification records ({table}/.verified/), sit beside R's
      // files, hidden, and R never reads them (docs/r-interop.md).
      for (Path file : paths.filter(Files::isRegularFile).filter(RProjectReplayTest::notBookkeeping).toList()) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
