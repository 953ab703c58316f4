package io.datom.core.internal.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A shallow clone's {@code .git/shallow} file: the commits whose parents it does not have. Every depth-1 fetch adds
 * the commit it fetched, and nothing removes entries, so a clone kept for thousands of writes would read a longer
 * file at every walk. Once a repack has pruned the commits no ref reaches any more, their entries can go.
 */
final class ShallowFile {

  private ShallowFile() {}

  /**
   * Rewrites the file without the commits the repository no longer has. Only correct while no other process can be
   * using the repository.
   */
  static void dropMissing(Repository repository) throws IOException {
    Path file = repository.getDirectory().toPath().resolve("shallow");
    if (!Files.exists(file)) {
      return;
    }
    List<String> kept = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    for (String line : lines) {
      if (ObjectId.isId(line.trim()) && repository.getObjectDatabase().has(ObjectId.fromString(line.trim()))) {
        kept.add(line.trim());
      }
    }
    if (kept.size() == lines.size()) {
      return;
    }
    Path temporary = file.resolveSibling("shallow.datom-tmp");
    Files.write(temporary, kept, StandardCharsets.US_ASCII);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
