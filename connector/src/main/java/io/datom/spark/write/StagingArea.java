package io.datom.spark.write;

import io.datom.spark.options.WriteSettings;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.task.ObjectPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory one write's executors put their part files in, unique to the write (a UUID under the staging root)
 * and deleted when it ends, whatever the outcome. Part files are never referenced by a version, so a directory left
 * behind is garbage, never a hazard: a driver that died leaves one, and so can a task still running after its job
 * failed. Closing a staging area therefore also sweeps the root of directories older than the maximum age (see
 * {@link StagingSweeper}), while a {@link StagingHeartbeat} keeps this write's own directory from looking that old.
 * On object stores, the root's empty-directory marker, which deleting the last directory under it leaves, goes too.
 */
final class StagingArea implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);

  /** The default of {@code spark.datom.write.staging.maxAge}. */
  static final Duration DEFAULT_MAX_AGE = WriteSettings.DEFAULT_STAGING_MAX_AGE;

  private static final Duration LONGEST_BEAT = Duration.ofMinutes(10);
  private static final Duration SHORTEST_BEAT = Duration.ofSeconds(1);

  private final Path root;
  private final Path dir;
  private final Configuration conf;
  private final Duration maxAge;
  private final StagingHeartbeat heartbeat;

  private StagingArea(Path root, Path dir, Configuration conf, Duration maxAge) throws IOException {
    this.root = root;
    this.dir = dir;
    this.conf = conf;
    this.maxAge = maxAge;
    this.heartbeat = StagingHeartbeat.start(dir.getFileSystem(tune(dir, conf)), dir, beat(maxAge));
  }

  /** As {@link #under(String, Configuration, Duration)} with the default maximum age. */
  static StagingArea under(String root, Configuration conf) {
    return under(root, conf, DEFAULT_MAX_AGE);
  }

  /**
   * A new, uniquely named directory under {@code root}, created now (with its heartbeat marker); directories under
   * {@code root} not modified for {@code maxAge} are swept when this one closes.
   *
   * @throws UncheckedIOException if the directory cannot be written
   */
  static StagingArea under(String root, Configuration conf, Duration maxAge) {
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(conf);
      Path qualifiedRoot = fs.makeQualified(rootPath);
      return new StagingArea(qualifiedRoot, new Path(qualifiedRoot, UUID.randomUUID().toString()), conf, maxAge);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the staging directory " + rootPath + ": " + e.getMessage(), e);
    }
  }

  /** A heartbeat several times per maximum age, so that one missed beat cannot make a live directory look stale. */
  private static Duration beat(Duration maxAge) {
    Duration quarter = maxAge.dividedBy(4);
    return quarter.compareTo(LONGEST_BEAT) > 0 ? LONGEST_BEAT
        : quarter.compareTo(SHORTEST_BEAT) < 0 ? SHORTEST_BEAT : quarter;
  }

  /**
   * {@code conf} adjusted for the files of this directory. On the local filesystem Hadoop's checksumming wrapper is
   * bypassed: part files are written and read once, by this write, and the object made of them is protected by its
   * {@code parquet_sha}, so {@code .crc} side files would only cost time.
   */
  Configuration tune(Configuration conf) {
    return tune(dir, conf);
  }

  private static Configuration tune(Path dir, Configuration conf) {
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

  /** Deletes this directory, sweeps the stale ones of dead writers, and on object stores an emptied root's marker. */
  @Override
  public void close() {
    heartbeat.close();
    FileSystem fs;
    try {
      fs = dir.getFileSystem(conf);
      fs.delete(dir, true);
    } catch (IOException e) {
      LOG.warn("Could not delete the staging directory {} of a datom write; it holds only unreferenced part files, "
          + "and a later write sweeps it once it is older than spark.datom.write.staging.maxAge", dir, e);
      return;
    }
    StagingSweeper.sweep(fs, root, maxAge, Instant.now());
    if (ObjectPublisher.isObjectStore(fs)) {
      removeIfEmpty(fs, root);
    }
  }

  // On an object store a directory exists only through its keys; deleting an empty one removes just its marker, and
  // a non-empty one (another write's files) is refused, so this never races with a concurrent write.
  private static void removeIfEmpty(FileSystem fs, Path root) {
    try {
      fs.delete(root, false);
    } catch (IOException notEmptyOrGone) {
      // Another write is staging there, or it is gone already: either way nothing to do.
    }
  }
}
