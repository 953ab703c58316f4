package io.datom.core.internal.repo;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.pack.PackExt;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Keeps the packs of a repository in a geometric progression, as git's {@code repack --geometric=2} does: the
 * smallest packs are merged into one until each pack is at least twice as large as the next smaller one. Every push
 * adds a small pack; merging only the small ones costs about what they hold, so a byte pushed is rewritten a few
 * times at most, and the pack count stays around the logarithm of the repository's size. Only when a merge would
 * reach the largest pack is the whole repository repacked ({@link Action#FULL}), which happens about once per half a
 * repository's worth of pushes.
 *
 * <p>A merge copies the packs' objects into a new pack as they are stored (deltas and whole objects alike; every pack
 * on disk is self-contained), puts it in place, and only then deletes the merged packs: each object stays readable
 * throughout, as with a gc.
 */
final class PackRollup {

  /** What the packs need. */
  enum Action {
    /** Nothing: their sizes already grow geometrically. */
    NONE,
    /** Merge the smallest packs into one, leaving the larger ones alone. */
    MERGE,
    /** Repack everything: a merge would reach the largest pack. */
    FULL
  }

  /**
   * What to do, and which packs to merge.
   *
   * @param action  what to do
   * @param toMerge for {@link Action#MERGE}, the packs to merge
   */
  record Plan(Action action, List<PackSize> toMerge) {}

  /** A pack file and its size. */
  record PackSize(Path pack, long size) {}

  /** Packs below which small ones are left unmerged; a full repack is not put off. */
  static final int MERGE_AT = 8;

  private PackRollup() {}

  /**
   * What {@code packs} (those without {@code .keep}) need so that their sizes grow geometrically and there are no
   * more than {@code packLimit}. Small packs are merged only once there are more than {@link #MERGE_AT} packs.
   */
  static Plan plan(List<PackSize> packs, int packLimit) {
    int count = mergeCount(packs);
    if (count > 0 && count < packs.size() && packs.size() <= MERGE_AT) {
      // Merging is cheap but not free (a few files written and synced): wait until there are a few packs to merge.
      return new Plan(Action.NONE, List.of());
    }
    if (count < 2 && packs.size() > packLimit) {
      count = packs.size() - 1; // all but the largest, or everything if that is one pack
    }
    if (count >= packs.size() || count == 1 && packs.size() > packLimit) {
      return new Plan(Action.FULL, List.of());
    }
    if (count < 2) {
      return new Plan(Action.NONE, List.of());
    }
    return new Plan(Action.MERGE, sorted(packs).subList(0, count));
  }

  /**
   * How many of the smallest packs to merge so that every pack is at least twice the next smaller one: all up to the
   * largest pack that is less than twice its predecessor, then more while the merged pack is not less than half the
   * next one.
   */
  static int mergeCount(List<PackSize> packs) {
    List<PackSize> sorted = sorted(packs);
    int last = -1;
    for (int i = sorted.size() - 1; i > 0; i--) {
      if (sorted.get(i).size() < 2 * sorted.get(i - 1).size()) {
        last = i;
        break;
      }
    }
    if (last < 0) {
      return 0;
    }
    long merged = 0;
    for (int i = 0; i <= last; i++) {
      merged += sorted.get(i).size();
    }
    while (last + 1 < sorted.size() && sorted.get(last + 1).size() < 2 * merged) {
      last++;
      merged += sorted.get(last).size();
    }
    return last + 1;
  }

  private static List<PackSize> sorted(List<PackSize> packs) {
    List<PackSize> sorted = new ArrayList<>(packs);
    sorted.sort(Comparator.comparingLong(PackSize::size));
    return sorted;
  }

  /**
   * Merges {@code packs} of {@code repo} into one new pack and deletes them. The caller must make sure no other
   * writer repacks {@code repo} meanwhile; readers and pushers may go on.
   */
  static void merge(FileRepository repo, List<PackSize> packs) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    packs.forEach(pack -> names.add(pack.pack().getFileName().toString()));
    List<Pack> merging = new ArrayList<>();
    for (Pack pack : repo.getObjectDatabase().getPacks()) {
      if (names.contains(pack.getPackFile().getName()) && !pack.shouldBeKept()) {
        merging.add(pack);
      }
    }
    if (merging.size() < 2) {
      return;
    }
    Set<ObjectId> ids = new LinkedHashSet<>();
    for (Pack pack : merging) {
      for (PackIndex.MutableEntry entry : pack) {
        ids.add(entry.toObjectId());
      }
    }
    File written = write(repo, ids);
    for (Pack pack : merging) {
      if (!pack.getPackFile().getAbsoluteFile().equals(written.getAbsoluteFile())) {
        delete(pack);
      }
    }
    // Makes this repository instance rescan the pack folder.
    repo.getObjectDatabase().close();
  }

  /** Writes the objects {@code ids} as one pack, whose file it returns, reusing their stored form. */
  private static File write(FileRepository repo, Set<ObjectId> ids) throws IOException {
    File packDir = repo.getObjectDatabase().getPackDirectory();
    try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader);
        PackWriter writer = new PackWriter(new PackConfig(repo), reader)) {
      List<RevObject> objects = new ArrayList<>(ids.size());
      for (ObjectId id : ids) {
        objects.add(walk.parseAny(id));
      }
      writer.setDeltaBaseAsOffset(true);
      writer.preparePack(objects.iterator());
      String base = "pack-" + writer.computeName().name();
      File pack = new File(packDir, base + "." + PackExt.PACK.getExtension());
      File index = new File(packDir, base + "." + PackExt.INDEX.getExtension());
      if (pack.exists() && index.exists()) {
        return pack; // the same objects are packed already
      }
      // Named as JGit's gc names its temporary files, so that a gc deletes them if a crash leaves them behind.
      File tmpPack = File.createTempFile("gc_", PackExt.PACK.getTmpExtension(), packDir);
      File tmpIndex = new File(packDir, tmpPack.getName().replace(PackExt.PACK.getTmpExtension(),
          PackExt.INDEX.getTmpExtension()));
      try {
        try (FileOutputStream out = new FileOutputStream(tmpPack); FileChannel channel = out.getChannel();
            OutputStream stream = Channels.newOutputStream(channel)) {
          writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, stream);
          channel.force(true);
        }
        try (FileOutputStream out = new FileOutputStream(tmpIndex); FileChannel channel = out.getChannel();
            OutputStream stream = Channels.newOutputStream(channel)) {
          writer.writeIndex(stream);
          channel.force(true);
        }
        // The pack first, its index last: readers find a pack by its index.
        Files.move(tmpPack.toPath(), pack.toPath(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmpIndex.toPath(), index.toPath(), StandardCopyOption.ATOMIC_MOVE);
        return pack;
      } finally {
        Files.deleteIfExists(tmpPack.toPath());
        Files.deleteIfExists(tmpIndex.toPath());
      }
    }
  }

  /** The files that belong to a pack besides the {@code .pack} itself. */
  private static final List<PackExt> COMPANIONS =
      List.of(PackExt.INDEX, PackExt.BITMAP_INDEX, PackExt.REVERSE_INDEX, PackExt.OBJECT_SIZE_INDEX);

  /** Deletes a pack's files, the {@code .pack} first, as JGit's gc does: without it the rest is unused. */
  private static void delete(Pack pack) throws IOException {
    pack.close();
    Path file = pack.getPackFile().toPath();
    Files.deleteIfExists(file);
    String name = file.getFileName().toString();
    String base = name.substring(0, name.length() - PackExt.PACK.getExtension().length() - 1);
    for (PackExt ext : COMPANIONS) {
      Files.deleteIfExists(file.resolveSibling(base + "." + ext.getExtension()));
    }
  }
}
