package io.datom.core.internal.write;

import io.datom.core.internal.repo.DataRepo;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;

/**
 * One writer's exclusive use of a cached clone (a slot of a {@link ClonePool}), from acquisition to release. Closing
 * it keeps the clone for the next writer; a clone without a commit (of an empty remote, or a creation that failed) is
 * deleted instead, since nothing in it is worth keeping.
 */
public final class CloneLease implements AutoCloseable {

  private final Path dir;
  private final SlotLock lock;
  private final boolean reused;
  private DataRepo repo;
  private boolean closed;

  CloneLease(Path dir, SlotLock lock, DataRepo repo, boolean reused) {
    this.dir = dir;
    this.lock = lock;
    this.repo = repo;
    this.reused = reused;
  }

  /** The clone's folder (working tree). */
  public Path dir() {
    return dir;
  }

  /** The clone; it holds exactly the remote's latest commit when the lease starts. */
  public DataRepo repo() {
    if (repo == null) {
      throw new IllegalStateException("No repository in " + dir + " yet");
    }
    return repo;
  }

  /** Whether the lease started from a clone kept by an earlier writer, brought up to date by a fetch. */
  public boolean reused() {
    return reused;
  }

  /** Takes over a repository just made in {@link #dir()} (a project's creation). */
  public void adopt(DataRepo created) {
    this.repo = created;
  }

  /** Releases the clone for the next writer; a clone without a commit is deleted. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    release(hasCommit(), null);
  }

  private boolean hasCommit() {
    try {
      return repo != null && repo.headSha().isPresent();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** Deletes the clone and releases the slot: for a clone that must not be used again. */
  public void discard(Exception cause) {
    if (!closed) {
      closed = true;
      release(false, cause);
    }
  }

  private void release(boolean keep, Exception cause) {
    try {
      if (repo != null) {
        repo.close();
      }
      if (!keep) {
        delete(dir, cause);
      }
    } finally {
      lock.touch();
      lock.close();
    }
  }

  /** Deletes {@code dir} and everything in it; a failure is added to {@code cause}, if any, else ignored. */
  static void delete(Path dir, Exception cause) {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
    } catch (IOException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
