package io.datom.core.internal.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Measures a repository's object store and repacks it with JGit's {@link GC}: every reachable object into one pack,
 * old packs deleted, packed loose objects removed, unreachable loose objects older than an expiry pruned.
 *
 * <p>Every fetch into a clone and every push into a bare repository adds one pack, and looking an object up costs a
 * probe per pack, so a store that is never repacked gets slower with every write. Git's own answer is auto-gc; datom
 * switches it off (see {@link DataRepo}) and repacks at moments it chooses, with expiries it chooses.
 */
final class Repacker {

  /** The fan-out folder sampled to estimate the loose objects, as git's and JGit's auto-gc do. */
  private static final String SAMPLE_FANOUT = "17";

  private Repacker() {}

  /** About how many loose objects {@code gitDir} holds: one fan-out folder's count times 256. */
  static int looseObjectEstimate(Path gitDir) throws IOException {
    Path sample = gitDir.resolve("objects").resolve(SAMPLE_FANOUT);
    if (!Files.isDirectory(sample)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(sample)) {
      return (int) files.count() * 256;
    }
  }

  /** The packs a repack would replace, with their sizes: those without a {@code .keep}, which gc leaves alone. */
  static List<PackRollup.PackSize> packs(Path gitDir) throws IOException {
    Path packs = gitDir.resolve("objects").resolve("pack");
    if (!Files.isDirectory(packs)) {
      return List.of();
    }
    List<PackRollup.PackSize> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(packs)) {
      for (Path pack : files.filter(file -> file.getFileName().toString().endsWith(".pack")).toList()) {
        String name = pack.getFileName().toString();
        if (!Files.exists(packs.resolve(name.substring(0, name.length() - ".pack".length()) + ".keep"))) {
          try {
            found.add(new PackRollup.PackSize(pack, Files.size(pack)));
          } catch (IOException vanished) {
            // deleted by a concurrent repack
          }
        }
      }
    }
    return found;
  }

  /**
   * Repacks {@code repo}: every object reachable from its refs into one pack. Deltas and whole objects already in
   * packs are copied as they are (JGit does not search deltas for objects it finds whole in a pack, which keeps a
   * repack's cost to about copying the repository), and loose objects get a delta search. Objects arrive as deltas
   * anyway: datom's pushes are thin, and fetches are thin by default.
   *
   * @param packExpiry  old packs younger than this are kept (JGit's {@code gc.prunePackExpire})
   * @param looseExpiry unreachable loose objects younger than this are kept (JGit's {@code gc.pruneExpire}); above
   *     zero, JGit also turns the unreachable objects of each deleted pack into loose objects instead of dropping them
   * @param bitmaps     whether to write a bitmap index, which only a repository that serves fetches needs
   */
  static void repack(FileRepository repo, Duration packExpiry, Duration looseExpiry, boolean bitmaps)
      throws IOException {
    GC gc = new GC(repo);
    gc.setPackExpireAgeMillis(packExpiry.toMillis());
    gc.setExpireAgeMillis(looseExpiry.toMillis());
    PackConfig pack = new PackConfig(repo);
    pack.setBuildBitmaps(bitmaps);
    gc.setPackConfig(pack);
    try {
      gc.gc().join();
    } catch (ParseException | GitAPIException e) {
      throw new IOException("gc of " + repo.getDirectory() + " failed: " + e.getMessage(), e);
    }
  }
}
