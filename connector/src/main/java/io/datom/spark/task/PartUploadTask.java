package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BBUploadHandle;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.MultipartUploader;
import org.apache.hadoop.fs.PartHandle;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UploadHandle;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * A task of the parallel placement job. Task 0 reads the whole object, in order, from the staged parts and computes
 * its SHA-256 (the {@code parquet_sha}, one sequential stream by nature); every other task {@code n} uploads part
 * {@code n} of the object, its own byte range of the {@link ObjectLayout}, into an open multipart upload through
 * Hadoop's {@link MultipartUploader}. Tasks may be retried: a part uploaded again replaces the earlier attempt.
 */
public final class PartUploadTask implements Function<Integer, PartUploadTask.Outcome> {

  private static final long serialVersionUID = 1L;
  private static final int BUFFER = 1 << 20;
  private static final Method PUT_PART = putPartMethod();

  /** What a task sends back: an uploaded part's handle, or the object's digest. */
  public sealed interface Outcome extends Serializable permits UploadedPart, Digest {}

  /**
   * A part of the object, uploaded.
   *
   * @param number its part number, from 1
   * @param handle the uploader's handle of the part, serialised
   */
  public record UploadedPart(int number, byte[] handle) implements Outcome {}

  /**
   * The object's digest, computed from the same bytes the parts hold.
   *
   * @param size the object's size in bytes
   * @param sha256 the SHA-256 of its bytes, as 64 lowercase hex characters
   */
  public record Digest(long size, String sha256) implements Outcome {}

  private final Broadcast<SerializableHadoopConf> conf;
  private final ObjectLayout layout;
  private final String target;
  private final byte[] upload;
  private final long partSize;

  /**
   * @param upload the open upload's handle, serialised
   * @param partSize the size of every part but the last
   */
  public PartUploadTask(Broadcast<SerializableHadoopConf> conf, ObjectLayout layout, String target, byte[] upload,
      long partSize) {
    this.conf = conf;
    this.layout = layout;
    this.target = target;
    this.upload = upload.clone();
    this.partSize = partSize;
  }

  /** How many parts the object is uploaded in. */
  public static int partCount(long size, long partSize) {
    return (int) Math.max(1, (size + partSize - 1) / partSize);
  }

  /** How many tasks the job has: one per part, and the digest. */
  public int tasks() {
    return partCount(layout.size(), partSize) + 1;
  }

  @Override
  public Outcome call(Integer index) throws IOException {
    Configuration hadoop = conf.value().get();
    return index == 0 ? digest(hadoop) : uploadPart(index, hadoop);
  }

  private Digest digest(Configuration hadoop) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    try (InputStream in = layout.open(0, layout.size(), hadoop)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
        size += read;
      }
    }
    return new Digest(size, HexFormat.of().formatHex(sha256.digest()));
  }

  private UploadedPart uploadPart(int number, Configuration hadoop) throws IOException {
    long start = (number - 1) * partSize;
    long end = Math.min(start + partSize, layout.size());
    Path path = new Path(target);
    FileSystem fs = path.getFileSystem(hadoop);
    try (MultipartUploader uploader = fs.createMultipartUploader(path.getParent()).build();
        InputStream bytes = layout.open(start, end, hadoop)) {
      PartHandle part = putPart(uploader, BBUploadHandle.from(ByteBuffer.wrap(upload)), number,
          end == layout.size(), path, bytes, end - start).get();
      return new UploadedPart(number, part.toByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while uploading part " + number + " of " + target);
    } catch (ExecutionException e) {
      throw new IOException("Could not upload part " + number + " of " + target + ": " + e.getCause(), e.getCause());
    }
  }

  /**
   * {@link MultipartUploader#putPart}: Hadoop 3.5 (the Spark 4.2 line) added an {@code isLastPart} flag before the
   * path; Hadoop 3.3 and 3.4 have the form without it. Called through whichever form this runtime's Hadoop has, so one
   * build of the connector serves every line.
   */
  @SuppressWarnings("unchecked")
  private static CompletableFuture<PartHandle> putPart(MultipartUploader uploader, UploadHandle upload, int number,
      boolean last, Path path, InputStream bytes, long length) throws IOException {
    Object[] arguments = PUT_PART.getParameterCount() == 6
        ? new Object[] {upload, number, last, path, bytes, length}
        : new Object[] {upload, number, path, bytes, length};
    try {
      return (CompletableFuture<PartHandle>) PUT_PART.invoke(uploader, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("Could not upload part " + number + " of " + path + ": " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("MultipartUploader.putPart is public", e);
    }
  }

  private static Method putPartMethod() {
    for (Method method : MultipartUploader.class.getMethods()) {
      if (method.getName().equals("putPart")
          && (method.getParameterCount() == 5 || method.getParameterCount() == 6)) {
        return method;
      }
    }
    throw new IllegalStateException("This Hadoop's MultipartUploader has no putPart of 5 or 6 parameters");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
