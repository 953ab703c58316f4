package io.datom.spark.testing;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code countfs:}, counting the requests made for a project's metadata
 * documents (paths with a {@code .metadata} folder): opens, status calls and listings. Register it with
 * {@link #register(Configuration)}; the data files are read through it too, uncounted.
 */
public final class CountingFileSystem extends RawLocalFileSystem {

  public static final String SCHEME = "countfs";
  private static final AtomicInteger METADATA_REQUESTS = new AtomicInteger();

  /** Makes {@code countfs:///abs/path} the local file system, counted. */
  public static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", CountingFileSystem.class.getName());
  }

  /** Requests for metadata documents so far; {@link #reset()} starts again. */
  public static int metadataRequests() {
    return METADATA_REQUESTS.get();
  }

  public static void reset() {
    METADATA_REQUESTS.set(0);
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
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    count(f);
    return super.open(f, bufferSize);
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    count(f);
    return super.getFileStatus(f);
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    count(f);
    return super.listStatus(f);
  }

  private static void count(Path f) {
    if (f.toUri().getPath().contains("/.metadata/")) {
      METADATA_REQUESTS.incrementAndGet();
    }
  }
}
