package io.datom.core.internal.repo;

import io.datom.core.exceptions.DataRepoException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * A data repository remote on a local path ({@code file://…} or an absolute path), and its upkeep.
 *
 * <p>Pushing to a local remote runs JGit's receive-pack in the pushing JVM, and with it JGit's receive-side auto-gc.
 * That gc starts once the remote has more than 50 packs but keeps every pack it replaced for an hour
 * ({@code gc.prunePackExpire}), so the pack count stays above 50 and every later push repacks again: each push adds
 * a full copy of the repository. Writers of a local remote therefore switch that off
 * ({@link #disableReceiveAutoGc()}) and look after the remote themselves ({@link #repackIfDue(int)}): they merge the
 * small packs pushes leave into one, and now and then repack the whole remote, deleting the replaced packs at once.
 * That is safe with concurrent readers and writers:
 *
 * <ul>
 *   <li>a merged pack holds every object of the packs it replaces, and a repack's new pack every object reachable from
 *       the refs gc read; either is in place before any old pack is deleted;
 *   <li>a push still between writing its pack and updating its ref holds that pack with a {@code .keep} file, which gc
 *       never deletes (JGit's receive-pack and fetch both do);
 *   <li>any other object of a deleted pack that the new pack lacks (a push without a {@code .keep}, or a lost race) is
 *       first written out as a loose object, which is pruned only once unreachable for an hour;
 *   <li>a reader that had opened an old pack keeps reading it (POSIX), and one that had not rescans the pack folder
 *       and finds the object in the new pack (JGit's and git's readers both retry this way; git's own
 *       {@code repack -a -d} deletes replaced packs at once too).
 * </ul>
 */
public final class LocalRemote {

  /**
   * How many packs a repository may have before a writer repacks it whatever their sizes, git's own
   * {@code gc.autoPackLimit}; merging small packs (see {@link #repackIfDue(int)}) keeps far fewer.
   */
  public static final int DEFAULT_PACK_LIMIT = 50;

  /** The lock datom's writers take in the remote's git directory so that only one of them repacks at a time. */
  static final String REPACK_LOCK = "datom-gc.lock";
  /** A {@code gc.pid} older than this was left by a killed gc: repacking a metadata repository takes seconds. */
  private static final Duration STALE_GC_PID = Duration.ofHours(1);
  /** How long loose objects nothing references survive: far longer than any push takes to update its ref. */
  private static final Duration LOOSE_EXPIRY = Duration.ofHours(1);
  /** Remotes this JVM is repacking: a second channel on the lock file would release the first one's lock. */
  private static final Set<Path> REPACKING = ConcurrentHashMap.newKeySet();

  private final Path gitDir;

  private LocalRemote(Path gitDir) {
    this.gitDir = gitDir;
  }

  /**
   * The local remote at {@code remoteUrl}, or empty when the URL names a remote reached through a server (https,
   * ssh, git), a relative path, or no repository.
   */
  public static Optional<LocalRemote> of(String remoteUrl) {
    URIish uri;
    try {
      uri = new URIish(remoteUrl);
    } catch (URISyntaxException notAUrl) {
      return Optional.empty();
    }
    boolean local = uri.getHost() == null && uri.getPort() <= 0 && uri.getUser() == null && uri.getPass() == null
        && uri.getPath() != null && (uri.getScheme() == null || "file".equals(uri.getScheme()));
    if (!local || !new File(uri.getPath()).isAbsolute()) {
      return Optional.empty();
    }
    File gitDir = RepositoryCache.FileKey.resolve(new File(uri.getPath()), FS.DETECTED);
    return gitDir == null ? Optional.empty() : Optional.of(new LocalRemote(gitDir.toPath().toAbsolutePath()));
  }

  /** The remote's git directory. */
  public Path gitDir() {
    return gitDir;
  }

  /**
   * Sets {@code receive.autogc = false} in the remote's config unless it is already off, so that pushes no longer
   * start JGit's auto-gc there (see the class documentation).
   *
   * @throws DataRepoException if the config cannot be read or written (another writer saving it at the same moment,
   *     say); the next writer tries again
   */
  public void disableReceiveAutoGc() {
    FileBasedConfig config = new FileBasedConfig(gitDir.resolve("config").toFile(), FS.DETECTED);
    try {
      config.load();
      if (!config.getBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, ConfigConstants.CONFIG_KEY_AUTOGC, true)) {
        return;
      }
      config.setBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC, false);
      config.save();
    } catch (IOException | ConfigInvalidException e) {
      throw new DataRepoException("Could not switch off receive.autogc in " + gitDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Keeps the remote's packs few and compact, unless another writer is at it: when their sizes no longer grow
   * geometrically (each push adds a small pack), the smallest are merged into one, at a cost of about what they hold;
   * when a merge would reach the largest pack, or there are more than {@code packLimit} packs, the whole remote is
   * repacked, which happens about once per half a repository's worth of pushes (see {@link PackRollup}). So a push
   * costs the same upkeep however long the history. Replaced packs are deleted at once (see the class documentation
   * for why that is safe).
   *
   * @return whether this call merged or repacked
   * @throws DataRepoException if the repack failed; the remote is left as it was or repacked, never damaged
   */
  public boolean repackIfDue(int packLimit) {
    return maintain(packLimit, false);
  }

  /**
   * Repacks the whole remote now, unless another writer is repacking it.
   *
   * @return whether this call repacked
   * @throws DataRepoException if the repack failed; the remote is left as it was or repacked, never damaged
   */
  public boolean repack() {
    return maintain(Integer.MAX_VALUE, true);
  }

  private boolean maintain(int packLimit, boolean full) {
    try {
      if (!full && plan(packLimit).action() == PackRollup.Action.NONE || !REPACKING.add(gitDir)) {
        return false;
      }
    } catch (IOException e) {
      throw new DataRepoException("Could not list the packs of " + gitDir + ": " + e.getMessage(), e);
    }
    try (FileChannel channel = FileChannel.open(gitDir.resolve(REPACK_LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      // Planned again under the lock: another writer may have repacked in the meantime.
      PackRollup.Plan plan = full ? new PackRollup.Plan(PackRollup.Action.FULL, List.of()) : plan(packLimit);
      if (lock == null || plan.action() == PackRollup.Action.NONE || !clearOfOtherGc()) {
        return false;
      }
      try (FileRepository repo = new FileRepository(gitDir.toFile())) {
        if (plan.action() == PackRollup.Action.MERGE) {
          PackRollup.merge(repo, plan.toMerge());
          return true;
        }
        removeStaleTransferKeeps();
        if (prunesUnreachableAtOnce(repo)) {
          return false;
        }
        Repacker.repack(repo, Duration.ZERO, LOOSE_EXPIRY, true);
        return true;
      }
    } catch (IOException e) {
      throw new DataRepoException("Could not repack the local git remote " + gitDir + ": " + e.getMessage(), e);
    } finally {
      REPACKING.remove(gitDir);
    }
  }

  private PackRollup.Plan plan(int packLimit) throws IOException {
    return PackRollup.plan(Repacker.packs(gitDir), packLimit);
  }

  /** Whether no other gc is running: a {@code gc.pid} younger than {@link #STALE_GC_PID} says one is. */
  private boolean clearOfOtherGc() throws IOException {
    Path pid = gitDir.resolve("gc.pid");
    if (!Files.exists(pid)) {
      return true;
    }
    Instant modified = Files.getLastModifiedTime(pid).toInstant();
    if (modified.isAfter(Instant.now().minus(STALE_GC_PID))) {
      return false;
    }
    Files.deleteIfExists(pid);
    return true;
  }

  /**
   * Deletes the {@code .keep} files that a receive-pack or fetch killed before it could remove them left more than
   * {@link #LOOSE_EXPIRY} ago, so that gc stops keeping their packs. A {@code .keep} someone made on purpose says
   * something else (or nothing) and stays.
   */
  private void removeStaleTransferKeeps() throws IOException {
    Path packs = gitDir.resolve("objects").resolve("pack");
    if (!Files.isDirectory(packs)) {
      return;
    }
    Instant stale = Instant.now().minus(LOOSE_EXPIRY);
    try (Stream<Path> files = Files.list(packs)) {
      for (Path keep : files.filter(file -> file.getFileName().toString().endsWith(".keep")).toList()) {
        if (Files.getLastModifiedTime(keep).toInstant().isBefore(stale) && writtenByTransfer(keep)) {
          Files.deleteIfExists(keep);
        }
      }
    }
  }

  private static boolean writtenByTransfer(Path keep) throws IOException {
    String reason = Files.readString(keep, StandardCharsets.UTF_8);
    return reason.startsWith("jgit receive-pack") || reason.startsWith("jgit fetch")
        || reason.startsWith("receive-pack") || reason.startsWith("fetch-pack");
  }

  /**
   * Whether the remote is configured with {@code gc.pruneExpire = now}: then JGit drops the unreachable objects of a
   * deleted pack instead of loosening them, which would make deleting young packs unsafe, so the remote is left to
   * whoever configured it so.
   */
  private static boolean prunesUnreachableAtOnce(FileRepository repo) {
    return "now".equals(repo.getConfig().getString(ConfigConstants.CONFIG_GC_SECTION, null,
        ConfigConstants.CONFIG_KEY_PRUNEEXPIRE));
  }

  @Override
  public String toString() {
    return "LocalRemote[" + gitDir + "]";
  }
}
