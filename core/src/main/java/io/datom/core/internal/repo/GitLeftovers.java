package io.datom.core.internal.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a git process killed mid-operation leaves in a git directory. JGit, like git, takes the index, a ref, the
 * config or {@code packed-refs} by creating {@code <file>.lock} and renaming it over the file: a leftover lock makes
 * every later attempt fail ("Cannot lock index"). A fetch writes its pack as {@code incoming_*} temporary files and
 * holds the finished pack with a {@code .keep} until its refs are updated: a leftover {@code .keep} makes gc keep that
 * pack forever. A gc holds {@code gc.pid} and writes {@code gc_*_tmp} files; object inserts write {@code noz*} files.
 *
 * <p>Removing them is only correct while no other process can be using the repository: the caller must hold it
 * exclusively.
 */
final class GitLeftovers {

  private GitLeftovers() {}

  /**
   * Deletes the leftovers in {@code gitDir}.
   *
   * @return how many files were deleted
   */
  static int remove(Path gitDir) throws IOException {
    List<Path> found = new ArrayList<>();
    collect(gitDir, 1, name -> name.endsWith(".lock") || name.equals("gc.pid"), found);
    collect(gitDir.resolve("refs"), Integer.MAX_VALUE, name -> name.endsWith(".lock"), found);
    collect(gitDir.resolve("logs"), Integer.MAX_VALUE, name -> name.endsWith(".lock"), found);
    collect(gitDir.resolve("objects"), 1, name -> name.startsWith("noz"), found);
    collect(gitDir.resolve("objects").resolve("pack"), 1,
        name -> name.endsWith(".keep") || name.startsWith("incoming_") || name.startsWith("gc_"), found);
    for (Path file : found) {
      Files.deleteIfExists(file);
    }
    return found.size();
  }

  private static void collect(Path dir, int depth, Predicate<String> leftover, List<Path> found)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir, depth)) {
      files.filter(Files::isRegularFile)
          .filter(file -> leftover.test(file.getFileName().toString()))
          .forEach(found::add);
    }
  }
}
