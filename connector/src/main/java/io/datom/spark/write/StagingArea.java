package io.datom.spark.write;

import io.datom.spark.store.HadoopStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory one write's executors put their part files in, unique to the write and deleted when it ends,
 * whatever the outcome. Part files are never referenced by a version, so a directory left behind by a crashed driver
 * is garbage, never a hazard.
 */
final class StagingArea implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);

  private final Path dir;
  private final Configuration conf;

  private StagingArea(Path dir, Configuration conf) {
    this.dir = dir;
    this.conf = conf;
  }

  /** A new, uniquely named directory under {@code root} (created lazily by the first file written in it). */
  static StagingArea under(String root, Configuration conf) {
    Path dir = new Path(root, UUID.randomUUID().toString());
    try {
      return new StagingArea(dir.getFileSystem(conf).makeQualified(dir), conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the staging directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code conf} adjusted for the files of this directory. On the local filesystem Hadoop's checksumming wrapper is
   * bypassed: part files are written and read once, by this write, and the object made of them is protected by its
   * {@code parquet_sha}, so {@code .crc} side files would only cost time.
   */
  Configuration tune(Configuration conf) {
    if (!"file".equals(dir.toUri().getScheme())) {
      return conf;
    }
    Configuration tuned = new Configuration(conf);
    tuned.setClass("fs.file.impl", RawLocalFileSystem.class, FileSystem.class);
    tuned.setBoolean("fs.file.impl.disable.cache", true);
    return tuned;
  }

  /** The directory's fully qualified path. */
  String dir() {
    return dir.toString();
  }

  /**
   * Where the hash job should join the parts into the version's object, so that placing it costs a link or a rename:
   * inside this directory when it lies in {@code store} on a filesystem that publishes without copying; empty
   * otherwise (object stores, or staging kept elsewhere), and the object is then written at its address when placed.
   */
  Optional<String> joinedObjectPath(HadoopStore store, Configuration tuned) {
    try {
      boolean inStore = dir.toString().startsWith(store.storePath().toString() + "/");
      return inStore && ObjectPublisher.publishesWithoutCopy(dir, tuned)
          ? Optional.of(new Path(dir, "object.parquet").toString())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the staging directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      dir.getFileSystem(conf).delete(dir, true);
    } catch (IOException e) {
      LOG.warn("Could not delete the staging directory {} of a datom write; it holds only unreferenced part files "
          + "and can be deleted by hand", dir, e);
    }
  }
}
