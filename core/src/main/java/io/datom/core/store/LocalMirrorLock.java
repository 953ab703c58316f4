package io.datom.core.store;

import io.datom.core.exceptions.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to replace a local store's mirror documents: an operating-system lock on one file of the store
 * for other processes, plus a lock per file within this JVM (a JVM cannot hold two OS locks on one file). The OS
 * releases the lock when its holder dies, so a killed writer never leaves it behind; a stalled one holds it only for
 * the few file writes of one compare-and-swap.
 */
final class LocalMirrorLock implements AutoCloseable {

  /** How long to wait for another process's compare-and-swap before reporting it as stuck. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 5;

  private final ReentrantLock jvmLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private LocalMirrorLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
    this.jvmLock = jvmLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Takes the lock on {@code file}, creating it if needed; {@code store} names the store in errors. */
  static LocalMirrorLock acquire(Path file, String store) {
    ReentrantLock jvmLock = IN_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      if (!jvmLock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw stuck(file, store);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for the mirror lock " + file + " of store " + store + ".", e);
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new LocalMirrorLock(jvmLock, channel, lock);
        }
        if (System.nanoTime() > deadline) {
          throw stuck(file, store);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      closeQuietly(channel);
      jvmLock.unlock();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof StoreException store0 ? store0
          : new StoreException("Could not lock " + file + " to update the mirror of store " + store + ": " + e, e);
    }
  }

  private static StoreException stuck(Path file, String store) {
    return new StoreException("Another process has held the mirror lock " + file + " of store " + store + " for over "
        + WAIT.toSeconds() + " s: a datom writer there is stalled. The versions written are safe in git; the store "
        + "catches up at the next write, or run validation with fix once that process has finished or been stopped.");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing the channel releases the lock; nothing else depends on it.
      }
    }
  }

  @Override
  public void close() {
    try {
      fileLock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases it too.
    } finally {
      closeQuietly(channel);
      jvmLock.unlock();
    }
  }
}
