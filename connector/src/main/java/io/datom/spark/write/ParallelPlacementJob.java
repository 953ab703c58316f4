package io.datom.spark.write;

import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.ConcatTask;
import io.datom.spark.task.ObjectLayout;
import io.datom.spark.task.ObjectPlanTask;
import io.datom.spark.task.ObjectPublisher;
import io.datom.spark.task.PartUploadTask;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BBPartHandle;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.MultipartUploader;
import org.apache.hadoop.fs.PartHandle;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UploadHandle;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Places a version's object on an object store from many tasks: a one-task job plans the object from the parts'
 * footers ({@link ObjectPlanTask}); the driver opens a multipart upload at the target (Hadoop's
 * {@link MultipartUploader}); one job then uploads every part of the object from its own task while one more task
 * computes the object's SHA-256 ({@link PartUploadTask}); the driver completes the upload. The bytes are exactly those
 * the one-task {@link ConcatJob} writes, so the object, and its {@code parquet_sha}, do not depend on the path taken.
 *
 * <p>Create-if-absent: an object already at the target is never replaced. The driver checks before it opens the
 * upload and again just before it completes it, and abandons the upload (aborting it, so no part is left) when an
 * object is there. Hadoop's uploader has no conditional completion, so a writer completing the same key between that
 * last check and this completion is overwritten by an object of the same content address; this is the window the
 * one-task path on object stores has always had, and why the write protocol records the digest of what is stored.
 * Any failure aborts the upload: no object appears, and no part is kept.
 */
final class ParallelPlacementJob {

  /** S3 accepts at most this many parts in one upload; larger objects get larger parts. */
  static final int MAX_PARTS = 10_000;

  private ParallelPlacementJob() {}

  /** Whether objects at {@code target} can be placed by this job: object stores with a multipart uploader. */
  static boolean supports(Path target, Configuration conf) {
    try {
      FileSystem fs = target.getFileSystem(conf);
      return ObjectPublisher.isObjectStore(fs)
          && fs.hasPathCapability(target.getParent(), CommonPathCapabilities.FS_MULTIPART_UPLOADER);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the store at " + target + ": " + e.getMessage(), e);
    }
  }

  /** The plan of the object made of {@code parts}, in order. */
  static ObjectLayout plan(SparkSession spark, Configuration hadoopConf, List<String> parts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoopConf));
    try {
      return jsc.parallelize(List.of(0), 1).map(new ObjectPlanTask(conf, parts)).collect().get(0);
    } finally {
      conf.destroy();
    }
  }

  /**
   * Places the object {@code layout} describes at {@code target} unless one is there already, in parts of
   * {@code partSize} bytes (more if the object would need over {@link #MAX_PARTS} parts).
   */
  static ConcatTask.Outcome run(SparkSession spark, Configuration hadoopConf, ObjectLayout layout, String target,
      long partSize) {
    Path path = new Path(target);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      if (fs.exists(path)) {
        return new ConcatTask.Outcome(false, 0, null);
      }
      long size = Math.max(partSize, (layout.size() + MAX_PARTS - 1) / MAX_PARTS);
      try (MultipartUploader uploader = fs.createMultipartUploader(path.getParent()).build()) {
        UploadHandle upload = uploader.startUpload(path).get();
        try {
          PartUploadTask.Digest digest = null;
          Map<Integer, PartHandle> handles = new TreeMap<>();
          for (PartUploadTask.Outcome outcome : upload(spark, hadoopConf, layout, target, upload, size)) {
            if (outcome instanceof PartUploadTask.Digest d) {
              digest = d;
            } else if (outcome instanceof PartUploadTask.UploadedPart part) {
              handles.put(part.number(), BBPartHandle.from(ByteBuffer.wrap(part.handle())));
            }
          }
          if (digest == null || digest.size() != layout.size()) {
            throw new IllegalStateException("The staged parts of " + target + " changed while they were placed");
          }
          if (fs.exists(path)) {
            abort(uploader, upload, path, null);
            return new ConcatTask.Outcome(false, 0, null);
          }
          uploader.complete(upload, path, handles).get();
          return new ConcatTask.Outcome(true, digest.size(), digest.sha256());
        } catch (InterruptedException e) {
          abort(uploader, upload, path, e);
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("Interrupted while placing " + target);
        } catch (Exception e) {
          // Whatever failed (a task, so the job, arrives as Spark's undeclared SparkException): no part may remain.
          abort(uploader, upload, path, e);
          throw e;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UncheckedIOException(new IOException("Could not place the object at " + target + ": " + cause,
          cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("Interrupted while placing " + target));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not place the object at " + target + ": " + e.getMessage(), e);
    }
  }

  private static List<PartUploadTask.Outcome> upload(SparkSession spark, Configuration hadoopConf,
      ObjectLayout layout, String target, UploadHandle upload, long partSize) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoopConf));
    try {
      PartUploadTask task = new PartUploadTask(conf, layout, target, upload.toByteArray(), partSize);
      List<Integer> indexes = IntStream.range(0, task.tasks()).boxed().toList();
      return jsc.parallelize(indexes, indexes.size()).map(task).collect();
    } finally {
      conf.destroy();
    }
  }

  /** Aborts the upload, so that none of its parts is kept; a failure to abort is added to {@code cause}. */
  private static void abort(MultipartUploader uploader, UploadHandle upload, Path path, Exception cause) {
    try {
      uploader.abort(upload, path).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (cause != null) {
        cause.addSuppressed(e);
      }
    } catch (ExecutionException | IOException | RuntimeException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      } else {
        throw new IllegalStateException("Could not abort the upload of " + path + "; its parts are left until the "
            + "bucket's lifecycle rule removes incomplete uploads", e);
      }
    }
  }
}
