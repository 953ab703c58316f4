package io.datom.spark.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a live write's staging directory looking live to {@link StagingSweeper}: rewrites an empty marker file in it
 * at once and then every period, until closed. A write can spend longer than the sweep age hashing parts written long
 * before; the marker's modification time is what tells the sweepers of other writes that it is still running. Object
 * stores cannot touch a file, so the marker is written anew each time (one small request per period).
 */
final class StagingHeartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StagingHeartbeat.class);

  /** The marker's name; never a part file's, which are {@code part-*}. */
  static final String MARKER = "_alive";

  private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "datom-staging-heartbeat");
    thread.setDaemon(true);
    return thread;
  });

  private final FileSystem fs;
  private final Path marker;
  private final ScheduledFuture<?> beats;
  private boolean closed;
  private boolean warned;

  private StagingHeartbeat(FileSystem fs, Path marker, Duration period) {
    this.fs = fs;
    this.marker = marker;
    this.beats = BEATS.scheduleAtFixedRate(this::beat, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Writes the marker in {@code dir} now, and again every {@code period}.
   *
   * @throws UncheckedIOException if the directory cannot be written, which every task of the write would need
   */
  static StagingHeartbeat start(FileSystem fs, Path dir, Duration period) {
    Path marker = new Path(dir, MARKER);
    try {
      touch(fs, marker);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write in the staging directory " + dir + " (set "
          + "spark.datom.write.staging to a directory the driver and every executor can write): " + e.getMessage(), e);
    }
    return new StagingHeartbeat(fs, marker, period);
  }

  private synchronized void beat() {
    if (closed) {
      return;
    }
    try {
      touch(fs, marker);
    } catch (IOException | RuntimeException e) {
      // A missed beat only risks a sweep of this write's parts if every later one is missed too; say so once.
      if (!warned) {
        warned = true;
        LOG.warn("Could not refresh {}; if this persists for longer than spark.datom.write.staging.maxAge, other "
            + "writes may take this write's staging directory for a dead writer's", marker, e);
      }
    }
  }

  private static void touch(FileSystem fs, Path marker) throws IOException {
    fs.create(marker, true).close();
  }

  /** Stops beating; a beat in progress finishes first, so none can recreate the marker after the directory is gone. */
  @Override
  public synchronized void close() {
    closed = true;
    beats.cancel(false);
  }
}
