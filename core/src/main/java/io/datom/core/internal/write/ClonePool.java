package io.datom.core.internal.write;

import io.datom.core.exceptions.CloneCacheException;
import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.GitAuthenticationException;
import io.datom.core.hash.Sha256;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clones of one remote that writers keep under one work directory, so that a write fetches what changed since
 * the last one instead of cloning the whole history. Shared by every writer of that remote in this JVM and in other
 * processes on the machine:
 *
 * <pre>
 * {workDir}/datom-clones/{first 24 hex of sha256(remote URL without user info)}/
 *     slot-0/        a clone (working tree and .git)
 *     slot-0.lock    its lock file (see {@link SlotLock}); never deleted
 *     slot-1/ …      one more slot for each writer open at the same time
 * </pre>
 *
 * <p>A writer locks the first free slot ({@link #acquire()}) and has it to itself until it closes its
 * {@link CloneLease}. Whatever the previous holder left (it may have been killed mid-write: an unpushed commit,
 * uncommitted files, git lock files), the slot is brought to exactly the remote's latest commit before use; a clone
 * that cannot be (corrupt, half-made) is deleted and cloned again. The folder name hashes the URL so that neither a
 * token nor a user name can end up in a path.
 */
public final class ClonePool {

  private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);

  /** The folder under the work directory that holds every pool. */
  static final String ROOT = "datom-clones";
  /** Slots per pool: far more than writers open at once, unless writers are never closed. */
  static final int MAX_SLOTS = 256;

  private final Path dir;
  private final Path workDir;
  private final String remoteUrl;
  private final RemoteCredentials credentials;
  private final Duration maxIdle;

  private ClonePool(Path workDir, String remoteUrl, RemoteCredentials credentials, Duration maxIdle) {
    this.dir = poolDir(workDir, remoteUrl);
    this.workDir = workDir;
    this.remoteUrl = remoteUrl;
    this.credentials = credentials;
    this.maxIdle = maxIdle;
  }

  /**
   * The pool of {@code remoteUrl} under {@code workDir}; clones idle for longer than {@code maxIdle} are swept away.
   */
  public static ClonePool of(Path workDir, String remoteUrl, RemoteCredentials credentials, Duration maxIdle) {
    return new ClonePool(workDir, remoteUrl, credentials, maxIdle);
  }

  /** The pool folder of {@code remoteUrl} under {@code workDir}. */
  public static Path poolDir(Path workDir, String remoteUrl) {
    return workDir.resolve(ROOT).resolve(Sha256.hex(DataRepo.redactUrl(remoteUrl)).substring(0, 24));
  }

  /**
   * A clone holding exactly the remote's latest commit (it may have no commit: an empty remote), the caller's alone
   * until it closes the lease. Reuses a kept clone when one is free, else clones.
   *
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   * @throws DataRepoException if the remote cannot be reached or cloned
   * @throws CloneCacheException if the work directory cannot hold the clone
   */
  public CloneLease acquire() {
    CloneSweeper.sweepIfDue(workDir, maxIdle);
    Slot slot = lockFreeSlot(true);
    try {
      if (Files.isDirectory(slot.dir().resolve(".git"))) {
        Optional<DataRepo> synced = reuse(slot.dir());
        if (synced.isPresent()) {
          return new CloneLease(slot.dir(), slot.lock(), synced.get(), true);
        }
      }
      emptyOut(slot.dir());
      // cloneShallow deletes what it made if it fails.
      return new CloneLease(slot.dir(), slot.lock(), DataRepo.cloneShallow(remoteUrl, slot.dir(), credentials),
          false);
    } catch (RuntimeException e) {
      slot.lock().close();
      throw e;
    }
  }

  /**
   * A slot with nothing in it, for a repository about to be created there ({@link CloneLease#adopt}).
   *
   * @throws CloneCacheException if the work directory cannot hold it
   */
  public CloneLease acquireEmpty() {
    CloneSweeper.sweepIfDue(workDir, maxIdle);
    Slot slot = lockFreeSlot(false);
    try {
      emptyOut(slot.dir());
      return new CloneLease(slot.dir(), slot.lock(), null, false);
    } catch (RuntimeException e) {
      slot.lock().close();
      throw e;
    }
  }

  /**
   * The kept clone in {@code slotDir}, cleared of a killed writer's leftovers and reset to the remote; empty when it
   * is unusable (half-made, corrupt) and must be cloned again.
   */
  private Optional<DataRepo> reuse(Path slotDir) {
    DataRepo repo;
    try {
      repo = DataRepo.open(slotDir, credentials);
    } catch (RuntimeException unopenable) {
      LOG.warn("Cloning again: the kept clone {} cannot be opened ({})", slotDir, unopenable.getMessage());
      return Optional.empty();
    }
    try {
      if (repo.headSha().isEmpty()) {
        repo.close(); // a clone interrupted before its checkout, or of a remote that was empty
        return Optional.empty();
      }
      repo.removeLeftoversOfKilledProcesses();
      repo.reapplySettings();
      repo.keepShallow();
      repo.setRemoteUrl(remoteUrl);
      repo.resetToRemote();
      repo.removeUntracked();
      return Optional.of(repo);
    } catch (GitAuthenticationException refused) {
      repo.close();
      throw refused;
    } catch (RuntimeException e) {
      repo.close();
      if (!remoteAnswers()) {
        // The remote is at fault, not the clone: keep the clone for when the remote is back.
        throw e;
      }
      LOG.warn("Cloning again: the kept clone {} could not be brought to the remote's state ({})", slotDir,
          e.getMessage());
      return Optional.empty();
    }
  }

  private boolean remoteAnswers() {
    try {
      DataRepo.remoteHasCommits(remoteUrl, credentials);
      return true;
    } catch (DataRepoException unreachable) {
      return false;
    }
  }

  /**
   * Locks a free slot, preferring one that holds a clone when {@code cloneWanted} (so that writers reuse the clones
   * there are rather than make new ones), else one that does not (so that a new repository does not replace a clone
   * worth keeping).
   */
  private Slot lockFreeSlot(boolean cloneWanted) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CloneCacheException(dir, "the folder cannot be created (" + e + ")", e);
    }
    for (boolean firstPass : new boolean[] {true, false}) {
      for (int i = 0; i < MAX_SLOTS; i++) {
        Path slotDir = dir.resolve("slot-" + i);
        if (firstPass && Files.isDirectory(slotDir.resolve(".git")) != cloneWanted) {
          continue;
        }
        Optional<SlotLock> lock = SlotLock.tryAcquire(dir.resolve("slot-" + i + ".lock"));
        if (lock.isPresent()) {
          lock.get().touch();
          return new Slot(slotDir, lock.get());
        }
      }
    }
    throw new CloneCacheException(dir, "all " + MAX_SLOTS + " slots are in use; close the writers you no longer use",
        null);
  }

  /** Deletes whatever is in {@code slotDir}, which this process holds. */
  private static void emptyOut(Path slotDir) {
    try {
      FileUtils.delete(slotDir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
    } catch (IOException e) {
      throw new CloneCacheException(slotDir, "a stale clone cannot be deleted (" + e.getMessage() + ")", e);
    }
  }

  private record Slot(Path dir, SlotLock lock) {}
}
