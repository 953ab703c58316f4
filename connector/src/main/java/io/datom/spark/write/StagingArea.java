package io.datom.spark.write;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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
    return new StagingArea(new Path(root, UUID.randomUUID().toString()), conf);
  }

  /** The directory's fully qualified path. */
  String dir() {
    return dir.toString();
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
