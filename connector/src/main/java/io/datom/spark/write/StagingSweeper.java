package io.datom.spark.write;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the staging directories that writers which died left under a staging root. A directory is stale when
 * nothing in it (the directory itself, its part files, its {@link StagingHeartbeat} marker) was modified within the
 * maximum age: a live write refreshes its marker several times per age, so only a dead writer's directory gets that
 * old. Only directories named as {@link StagingArea} names them (a UUID) are considered, so a shared root may hold
 * anything else. Best effort: failures are logged, never raised, as part files are never referenced by a version.
 */
final class StagingSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);

  private static final Pattern STAGING_NAME =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private StagingSweeper() {}

  /**
   * Deletes the stale staging directories directly under {@code root}.
   *
   * @return how many were deleted
   */
  static int sweep(FileSystem fs, Path root, Duration maxAge, Instant now) {
    long cutoff = now.minus(maxAge).toEpochMilli();
    FileStatus[] children;
    try {
      children = fs.listStatus(root);
    } catch (FileNotFoundException noRoot) {
      return 0;
    } catch (IOException e) {
      LOG.warn("Could not list the staging root {} to sweep directories of dead writers", root, e);
      return 0;
    }
    int swept = 0;
    for (FileStatus child : children) {
      if (child.isDirectory() && STAGING_NAME.matcher(child.getPath().getName()).matches()) {
        swept += sweepIfStale(fs, child, cutoff) ? 1 : 0;
      }
    }
    return swept;
  }

  private static boolean sweepIfStale(FileSystem fs, FileStatus dir, long cutoff) {
    try {
      if (modifiedSince(fs, dir, cutoff)) {
        return false;
      }
      boolean deleted = fs.delete(dir.getPath(), true);
      if (deleted) {
        LOG.info("Deleted the staging directory {} of a datom write that ended without removing it (nothing in it "
            + "changed since {})", dir.getPath(), Instant.ofEpochMilli(cutoff));
      }
      return deleted;
    } catch (FileNotFoundException goneMeanwhile) {
      return false;
    } catch (IOException e) {
      LOG.warn("Could not sweep the stale staging directory {}; it holds only unreferenced part files and can be "
          + "deleted by hand", dir.getPath(), e);
      return false;
    }
  }

  // Object stores list directories with no modification time (0), so their files decide.
  private static boolean modifiedSince(FileSystem fs, FileStatus dir, long cutoff) throws IOException {
    if (dir.getModificationTime() >= cutoff) {
      return true;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir.getPath(), true);
    while (files.hasNext()) {
      if (files.next().getModificationTime() >= cutoff) {
        return true;
      }
    }
    return false;
  }
}
