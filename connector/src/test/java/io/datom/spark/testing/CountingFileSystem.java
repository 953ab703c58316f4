package io.datom.spark.testing;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code countfs:}, counting the requests made for a project's metadata
 * documents (paths with a {@code .metadata} folder): opens (with the status call an open makes itself), status calls
 * and listings: what the store is asked for, one count per {@code Store} request. Register it with
 * {@link #register(Configuration)}; the data files are read through it too, uncounted.
 */
public final class CountingFileSystem extends RawLocalFileSystem {

  public static final String SCHEME = "countfs";
  private static final AtomicInteger METADATA_REQUESTS = new AtomicInteger();
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
  /** The local file system stats a file it opens: one request to the store, as S3A's HEAD-then-GET is one read. */
  private static final ThreadLocal<Boolean> OPENING = new ThreadLocal<>();

  /** Makes {@code countfs:///abs/path} the local file system, counted. */
  public static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", CountingFileSystem.class.getName());
  }

  /** Requests for metadata documents so far; {@link #reset()} starts again. */
  public static int metadataRequests() {
    return METADATA_REQUESTS.get();
  }

  /** The counted requests, as {@code operation path} and who made them, for a failing assertion's message. */
  public static List<String> requests() {
    return List.copyOf(REQUESTS);
  }

  public static void reset() {
    METADATA_REQUESTS.set(0);
    REQUESTS.clear();
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    count("open", f);
    OPENING.set(Boolean.TRUE);
    try {
      return super.open(f, bufferSize);
    } finally {
      OPENING.remove();
    }
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    if (OPENING.get() == null) {
      count("status", f);
    }
    return super.getFileStatus(f);
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    count("list", f);
    return super.listStatus(f);
  }

  private static void count(String operation, Path f) {
    String path = f.toUri().getPath();
    if (path.contains("/.metadata/")) {
      METADATA_REQUESTS.incrementAndGet();
      StackTraceElement caller = Arrays.stream(new Throwable().getStackTrace())
          .filter(e -> e.getClassName().startsWith("io.datom.") && !e.getClassName().contains("CountingFileSystem")
              && !e.getClassName().contains("HadoopStore"))
          .findFirst().orElse(null);
      REQUESTS.add(operation + " " + path.substring(path.indexOf("/datom/") + 1) + " by " + caller);
    }
  }
}
