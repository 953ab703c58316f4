package io.datom.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
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

  /**
   * The number of packs in the object store of {@code gitDir} that a repack would replace: those without a
   * {@code .keep} file, which gc leaves alone.
   */
  static int packCount(Path gitDir) throws IOException {
    Path packs = gitDir.resolve("objects").resolve("pack");
    if (!Files.isDirectory(packs)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(packs)) {
      return (int) files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".pack"))
          .filter(name -> !Files.exists(packs.resolve(name.substring(0, name.length() - ".pack".length()) + ".keep")))
          .count();
    }
  }

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

  /**
   * Repacks {@code repo}.
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
    // JGit takes any whole object it finds in a pack as already tried for a delta and copies it as it is. Every
    // object a fetch or a push brings is whole (a thin pack is completed with whole bases), so without this each write
    // would add a whole copy of the table's version_history.json for good. Deltas found earlier are still reused.
    pack.setReuseObjects(false);
    gc.setPackConfig(pack);
    try {
      gc.gc().join();
    } catch (ParseException | GitAPIException e) {
      throw new IOException("gc of " + repo.getDirectory() + " failed: " + e.getMessage(), e);
    }
  }
}
