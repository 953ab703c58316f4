package io.datom.core.internal.write;

import io.datom.core.exceptions.CloneCacheException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of one cached clone, against the other threads of this JVM and against other processes: an OS lock
 * ({@link FileChannel#tryLock()}) on the slot's lock file, which the OS releases when the process dies however it
 * dies, taken only after claiming the file in this JVM.
 *
 * <p>The claim comes first because OS file locks belong to the process, not to a thread or a channel: a second
 * channel opened on the same file in this JVM would see no conflict, and closing it would release the first one's
 * lock (POSIX record locks). So this JVM never opens a second channel on a lock file it holds.
 *
 * <p>Lock files are never deleted: a process may have opened one and be waiting to lock it, and it must lock the
 * same file every other process does. The slot's clone is deleted and re-made beside its lock file.
 */
public final class SlotLock implements AutoCloseable {

  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;

  private SlotLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Locks {@code file} (creating it) if no thread of this JVM and no other process holds it.
   *
   * @return the lock, or empty if someone holds it
   * @throws CloneCacheException if the file cannot be created or locked
   */
  static Optional<SlotLock> tryAcquire(Path file) {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD_IN_THIS_JVM.add(key)) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(new SlotLock(key, channel));
      }
      channel.close();
      HELD_IN_THIS_JVM.remove(key);
      return Optional.empty();
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel, e);
      HELD_IN_THIS_JVM.remove(key);
      throw new CloneCacheException(key.getParent(), "could not lock " + key.getFileName() + ": " + e, e);
    }
  }

  /**
   * Records now as the slot's last use, the time the sweep measures idleness from, by writing a byte through the
   * channel. Not with {@link Files#setLastModifiedTime}: the JDK opens and closes the file for it, and closing any
   * descriptor of the file releases this process's lock on it.
   */
  void touch() {
    try {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), 0);
    } catch (IOException ignored) {
      // Only the sweep reads the time; at worst it deletes an idle clone earlier than asked, which costs a re-clone.
    }
  }

  /** When the slot was last acquired or released. */
  Instant lastUsed() throws IOException {
    return Files.getLastModifiedTime(file).toInstant();
  }

  /** Releases the lock. The claim in this JVM ends only once the channel is closed (see the class documentation). */
  @Override
  public void close() {
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // The OS drops the lock with the descriptor in any case; nothing is left to undo.
    } finally {
      HELD_IN_THIS_JVM.remove(file);
    }
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
