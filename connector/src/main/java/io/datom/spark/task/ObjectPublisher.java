package io.datom.spark.task;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Places a finished object at its content address with create-if-absent semantics (format §14.3, point 2): an object
 * already there is never replaced, and a reader never sees a partly written one. The strategy depends on what the
 * filesystem guarantees:
 *
 * <ul>
 *   <li>local files: written elsewhere (beside the target, or in the staging directory), made durable, then
 *       hard-linked to the target (the link fails atomically if the target exists);
 *   <li>object stores ({@code s3a}, {@code s3}, {@code s3n}, {@code gs}): written straight to the target, which
 *       appears whole when the upload completes; the existence check before the upload is not atomic with it (two
 *       writers racing on one key can both upload, and the last upload wins), which is why the write protocol
 *       records the digest of the object that is stored;
 *   <li>anything else (HDFS and the like): written elsewhere, then renamed onto the target (such filesystems refuse
 *       to rename onto an existing file).
 * </ul>
 *
 * <p>Use: {@link #exists()}; {@link #open()}, write and close the stream; then {@link #publish()}, or
 * {@link #abandon()} after a failure. Where an object can be published without copying, it may also be written
 * ahead of time ({@link #openDurable}) and published later ({@link #forWritten}).
 */
public abstract class ObjectPublisher {

  private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs");

  public final FileSystem fs;
  public final Path target;

  private ObjectPublisher(FileSystem fs, Path target) {
    this.fs = fs;
    this.target = target;
  }

  /** The publisher for an object at {@code target}, written through {@link #open()}. */
  public static ObjectPublisher forTarget(Path target, Configuration conf) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    if (!publishesWithoutCopy(fs)) {
      return new Direct(fs, target);
    }
    Path sibling = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    return new InPlace(fs, conf, target, sibling);
  }

  /**
   * The publisher of an object already written, complete, with {@link #openDurable}, at {@code written} on the
   * target's filesystem; empty when that filesystem can only publish by uploading (object stores).
   */
  public static Optional<ObjectPublisher> forWritten(Path written, Path target, Configuration conf) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    return publishesWithoutCopy(fs) ? Optional.of(new InPlace(fs, conf, target, written)) : Optional.empty();
  }

  /** Whether objects on {@code path}'s filesystem can be written ahead of time and published by link or rename. */
  public static boolean publishesWithoutCopy(Path path, Configuration conf) throws IOException {
    return publishesWithoutCopy(path.getFileSystem(conf));
  }

  /** A stream for a new file at {@code path} whose bytes are on disk once the stream is closed. */
  public static OutputStream openDurable(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (isLocal(fs)) {
      File file = new File(path.toUri().getPath());
      Files.createDirectories(file.toPath().getParent());
      return new BufferedOutputStream(new SyncedOnClose(file), 1 << 20);
    }
    FSDataOutputStream created = fs.create(path, false);
    return new FilterOutputStream(created) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        created.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        try (created) {
          created.hsync();
        }
      }
    };
  }

  /** Whether an object is already at the target. */
  public boolean exists() throws IOException {
    return fs.exists(target);
  }

  /** A stream for the object's bytes. */
  public abstract OutputStream open() throws IOException;

  /**
   * Makes the written object the target, once its stream is closed.
   *
   * @return {@code true} if it became the target, {@code false} if another object was there already (ours is
   *     discarded)
   */
  public abstract boolean publish() throws IOException;

  /** Removes whatever was written for the target; best effort. */
  public abstract void abandon();

  private static boolean publishesWithoutCopy(FileSystem fs) {
    return !isObjectStore(fs);
  }

  /** Whether {@code fs} is an object store, whose directories are only key prefixes (and empty-directory markers). */
  public static boolean isObjectStore(FileSystem fs) {
    return OBJECT_STORES.contains(fs.getUri().getScheme().toLowerCase(Locale.ROOT));
  }

  private static boolean isLocal(FileSystem fs) {
    return fs.getUri().getScheme().equalsIgnoreCase("file");
  }

  /** Written elsewhere on the target's filesystem, then linked (local) or renamed (HDFS and the like) onto it. */
  private static final class InPlace extends ObjectPublisher {
    private final Configuration conf;
    private final Path written;

    InPlace(FileSystem fs, Configuration conf, Path target, Path written) {
      super(fs, target);
      this.conf = conf;
      this.written = written;
    }

    @Override
    public OutputStream open() throws IOException {
      return openDurable(written, conf);
    }

    @Override
    public boolean publish() throws IOException {
      try {
        if (isLocal(fs)) {
          java.nio.file.Path link = new File(target.toUri().getPath()).toPath();
          Files.createDirectories(link.getParent());
          Files.createLink(link, new File(written.toUri().getPath()).toPath());
          return true;
        }
        fs.mkdirs(target.getParent());
        return fs.rename(written, target);
      } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } finally {
        abandon();
      }
    }

    @Override
    public void abandon() {
      try {
        fs.delete(written, false);
      } catch (IOException ignored) {
        // Best effort: a leftover temporary file is harmless and unreferenced.
      }
    }
  }

  /** Written straight to the target, which appears when the upload completes. */
  private static final class Direct extends ObjectPublisher {
    Direct(FileSystem fs, Path target) {
      super(fs, target);
    }

    @Override
    public OutputStream open() throws IOException {
      return fs.create(target, false);
    }

    @Override
    public boolean publish() {
      return true;
    }

    @Override
    public void abandon() {
      // An upload that was not completed leaves no object behind.
    }
  }

  /** A local file whose bytes reach the disk before it is closed: it must be durable before it is published. */
  private static final class SyncedOnClose extends FileOutputStream {
    private boolean closed;

    SyncedOnClose(File file) throws IOException {
      super(file);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        getFD().sync();
      } finally {
        super.close();
      }
    }
  }
}
