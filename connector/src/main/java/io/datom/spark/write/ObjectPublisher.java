package io.datom.spark.write;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Places a finished object at its content address with create-if-absent semantics (format §14.3, point 2): an object
 * already there is never replaced, and a reader never sees a partly written one. The strategy depends on what the
 * filesystem guarantees:
 *
 * <ul>
 *   <li>local files: written beside the target, then hard-linked to it (the link fails atomically if the target
 *       exists);
 *   <li>object stores ({@code s3a}, {@code s3}, {@code s3n}, {@code gs}): written straight to the target, which
 *       appears whole when the upload completes; the existence check before the upload is not atomic with it (two
 *       writers racing on one key can both upload, and the last upload wins), which is why the write protocol
 *       records the digest of the object that is stored;
 *   <li>anything else (HDFS and the like): written beside the target, then renamed onto it (such filesystems refuse
 *       to rename onto an existing file).
 * </ul>
 *
 * <p>Use: {@link #exists()}; {@link #open()}, write and close the stream; then {@link #publish()}, or
 * {@link #abandon()} after a failure.
 */
abstract class ObjectPublisher {

  private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs");

  final FileSystem fs;
  final Path target;

  private ObjectPublisher(FileSystem fs, Path target) {
    this.fs = fs;
    this.target = target;
  }

  /** The publisher for an object at {@code target}. */
  static ObjectPublisher forTarget(Path target, Configuration conf) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    String scheme = fs.getUri().getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return new Linking(fs, target);
    }
    return OBJECT_STORES.contains(scheme) ? new Direct(fs, target) : new Renaming(fs, target);
  }

  /** Whether an object is already at the target. */
  boolean exists() throws IOException {
    return fs.exists(target);
  }

  /** A stream for the object's bytes. */
  abstract OutputStream open() throws IOException;

  /**
   * Makes the written object the target, once its stream is closed.
   *
   * @return {@code true} if it became the target, {@code false} if another object was there already (ours is
   *     discarded)
   */
  abstract boolean publish() throws IOException;

  /** Removes whatever {@link #open()} created; best effort. */
  abstract void abandon();

  /** A hidden sibling of the target, unique to this publisher. */
  Path sibling() {
    return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
  }

  private static final class Linking extends ObjectPublisher {
    private final File temp;

    Linking(FileSystem fs, Path target) {
      super(fs, target);
      this.temp = new File(sibling().toUri().getPath());
    }

    @Override
    OutputStream open() throws IOException {
      Files.createDirectories(temp.toPath().getParent());
      return new BufferedOutputStream(new SyncedOnClose(temp), 1 << 20);
    }

    @Override
    boolean publish() throws IOException {
      try {
        Files.createLink(new File(target.toUri().getPath()).toPath(), temp.toPath());
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        abandon();
      }
    }

    @Override
    void abandon() {
      temp.delete();
    }
  }

  /** A file whose bytes reach the disk before it is closed: it must be durable before it is published. */
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

  private static final class Direct extends ObjectPublisher {
    Direct(FileSystem fs, Path target) {
      super(fs, target);
    }

    @Override
    OutputStream open() throws IOException {
      return fs.create(target, false);
    }

    @Override
    boolean publish() {
      return true;
    }

    @Override
    void abandon() {
      // An upload that was not completed leaves no object behind.
    }
  }

  private static final class Renaming extends ObjectPublisher {
    private final Path temp;

    Renaming(FileSystem fs, Path target) {
      super(fs, target);
      this.temp = sibling();
    }

    @Override
    OutputStream open() throws IOException {
      return fs.create(temp, false);
    }

    @Override
    boolean publish() throws IOException {
      try {
        return fs.rename(temp, target);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } finally {
        abandon();
      }
    }

    @Override
    void abandon() {
      try {
        fs.delete(temp, false);
      } catch (IOException ignored) {
        // Best effort: a leftover hidden sibling is harmless and unreferenced.
      }
    }
  }
}
