package io.datom.core.internal.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the clones under a work directory that nobody has used for longer than the writers' {@code cloneMaxIdle}:
 * the slots of every {@link ClonePool} there whose lock no process holds (a writer that closed, or one that died,
 * since the OS releases a dead process's lock), and the {@code datom-clone-*} folders of writers of earlier versions,
 * which cloned into a fresh folder per writer and left it behind when killed.
 *
 * <p>Writers sweep as they acquire a clone, at most once per {@link #INTERVAL} per work directory and JVM, so that
 * listing the work directory (by default {@code java.io.tmpdir}) stays off the path of most writes.
 */
public final class CloneSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(CloneSweeper.class);

  /** The least time between two sweeps of one work directory by one JVM. */
  static final Duration INTERVAL = Duration.ofMinutes(5);
  /** The prefix of the per-writer clone folders of earlier versions. */
  static final String LEGACY_PREFIX = "datom-clone-";

  private static final Map<Path, Instant> LAST_SWEEP = new ConcurrentHashMap<>();

  private CloneSweeper() {}

  /** Sweeps {@code workDir} unless this JVM did within {@link #INTERVAL}; never fails the caller. */
  static void sweepIfDue(Path workDir, Duration maxIdle) {
    Path key = workDir.toAbsolutePath().normalize();
    Instant now = Instant.now();
    Instant last = LAST_SWEEP.get(key);
    if (last != null && last.plus(INTERVAL).isAfter(now)) {
      return;
    }
    // One thread sweeps; the others go on.
    if (last == null ? LAST_SWEEP.putIfAbsent(key, now) != null : !LAST_SWEEP.replace(key, last, now)) {
      return;
    }
    try {
      sweep(key, maxIdle);
    } catch (RuntimeException e) {
      LOG.warn("Could not sweep old clones in {}: {}", key, e.toString());
    }
  }

  /**
   * Deletes the clones under {@code workDir} unused for longer than {@code maxIdle}.
   *
   * @return the folders deleted
   */
  public static List<Path> sweep(Path workDir, Duration maxIdle) {
    Instant cutoff = Instant.now().minus(maxIdle);
    List<Path> deleted = new ArrayList<>();
    for (Path pool : children(workDir.resolve(ClonePool.ROOT), "*")) {
      for (Path lockFile : children(pool, "slot-*.lock")) {
        sweepSlot(lockFile, cutoff).ifPresent(deleted::add);
      }
    }
    for (Path legacy : children(workDir, LEGACY_PREFIX + "*")) {
      if (Files.isDirectory(legacy) && lastModified(legacy).isBefore(cutoff)) {
        CloneLease.delete(legacy, null);
        if (!Files.exists(legacy)) {
          deleted.add(legacy);
        }
      }
    }
    if (!deleted.isEmpty()) {
      LOG.info("Deleted {} clone folder(s) unused for more than {}: {}", deleted.size(), maxIdle, deleted);
    }
    return deleted;
  }

  /** Deletes the slot's clone if nobody holds its lock and it has been idle since before {@code cutoff}. */
  private static Optional<Path> sweepSlot(Path lockFile, Instant cutoff) {
    String name = lockFile.getFileName().toString();
    Path slotDir = lockFile.resolveSibling(name.substring(0, name.length() - ".lock".length()));
    if (!Files.exists(slotDir)) {
      return Optional.empty();
    }
    Optional<SlotLock> lock;
    try {
      lock = SlotLock.tryAcquire(lockFile);
    } catch (RuntimeException unlockable) {
      return Optional.empty();
    }
    if (lock.isEmpty()) {
      return Optional.empty(); // in use
    }
    try (SlotLock held = lock.get()) {
      if (held.lastUsed().isAfter(cutoff)) {
        return Optional.empty();
      }
      CloneLease.delete(slotDir, null);
      return Files.exists(slotDir) ? Optional.empty() : Optional.of(slotDir);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * When a legacy clone was last written: the latest of its folder's, its git directory's and the files git rewrites
   * on every fetch and commit.
   */
  private static Instant lastModified(Path clone) {
    Instant latest = Instant.EPOCH;
    for (Path path : List.of(clone, clone.resolve(".git"), clone.resolve(".git/index"), clone.resolve(".git/HEAD"),
        clone.resolve(".git/FETCH_HEAD"))) {
      try {
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        latest = modified.isAfter(latest) ? modified : latest;
      } catch (IOException absent) {
        // not every clone has every file
      }
    }
    return latest;
  }

  private static List<Path> children(Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(found::add);
    } catch (IOException e) {
      LOG.debug("Could not list {}: {}", dir, e.toString());
    }
    return found;
  }
}
