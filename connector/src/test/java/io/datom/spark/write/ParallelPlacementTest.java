package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteResult;
import io.datom.core.hash.Sha256;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.Placement;
import io.datom.spark.task.ConcatTask;
import io.datom.spark.task.ObjectLayout;
import io.datom.spark.task.WrittenPart;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Places objects on s3proxy through {@code s3a://} from many tasks, in parts of 5 MiB: the bytes are those one task
 * writes, an existing object is never replaced, and a failed upload leaves neither an object nor an open upload.
 */
@ExtendWith(S3ProxyExtension.class)
class ParallelPlacementTest extends SparkTestBase {

  private static final long PART = Placement.MIN_PART_SIZE;

  private static S3ProxyServer s3;
  private static String bucket;
  private static Configuration conf;

  private final UploadStages stages = new UploadStages();

  @BeforeAll
  static void store(S3ProxyServer server) {
    s3 = server;
    bucket = s3.createBucket();
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
    conf = S3aSettings.configuration(s3);
  }

  @BeforeEach
  void listen() {
    spark.sparkContext().addSparkListener(stages);
  }

  @AfterEach
  void unlisten() {
    spark.sparkContext().removeSparkListener(stages);
  }

  /** About 16 MB of parquet in 4 parts: random doubles do not compress. */
  private static Dataset<Row> table() {
    return spark.sql("SELECT id, rand(7) AS x, rand(11) AS y, CASE WHEN id % 5 = 0 THEN NULL ELSE concat('s', id) END "
        + "AS s FROM range(0, 600000, 1, 4)");
  }

  private static String s3a(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  @Test
  void manyTasksUploadTheBytesOneTaskWrites() throws Exception {
    try (StagingArea staging = StagingArea.under(s3a("staging"), conf)) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      List<String> parts = jobs.run("parts", () -> StagedParts.write(table(), staging)).stream()
          .map(WrittenPart::path).toList();
      ObjectLayout layout = ParallelPlacementJob.plan(spark, conf, parts);
      assertTrue(layout.size() > 2 * PART, "the object must span several upload parts: " + layout.size());
      assertTrue(ParallelPlacementJob.supports(new Path(s3a("t/parallel.parquet")), conf));

      stages.reset();
      ConcatTask.Outcome parallel = ParallelPlacementJob.run(spark, conf, layout, s3a("t/parallel.parquet"), PART);
      int uploadTasks = stages.largest();
      ConcatTask.Outcome single = ConcatJob.run(spark, conf, parts, s3a("t/single.parquet"));

      byte[] placed = s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("t/parallel.parquet")).asByteArray();
      byte[] written = s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("t/single.parquet")).asByteArray();
      assertTrue(parallel.created());
      assertArrayEquals(written, placed);
      assertEquals(single.sha256(), parallel.sha256());
      assertEquals(Sha256.hex(placed), parallel.sha256());
      assertEquals(placed.length, parallel.size());
      // One task per 5 MiB part, and the digest's.
      assertEquals(PartCount.of(layout.size()) + 1, uploadTasks);
      assertTrue(uploadTasks >= 4, "uploaded by " + uploadTasks + " tasks");
      assertEquals(table().orderBy("id").collectAsList(),
          spark.read().parquet(s3a("t/parallel.parquet")).orderBy("id").collectAsList());
      assertEquals(List.of(), s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
    }
  }

  @Test
  void anObjectAlreadyThereIsNeverReplaced() throws Exception {
    Path target = new Path(s3a("t/existing.parquet"));
    FileSystem fs = target.getFileSystem(conf);
    try (FSDataOutputStream out = fs.create(target, false)) {
      out.writeBytes("already here");
    }
    try (StagingArea staging = StagingArea.under(s3a("staging"), conf)) {
      List<String> parts = new WriteJobs(spark.sparkContext(), "t").run("parts", () -> StagedParts.write(table(),
          staging)).stream().map(WrittenPart::path).toList();
      ObjectLayout layout = ParallelPlacementJob.plan(spark, conf, parts);

      ConcatTask.Outcome outcome = ParallelPlacementJob.run(spark, conf, layout, target.toString(), PART);

      assertFalse(outcome.created());
      assertEquals("already here", s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("t/existing.parquet"))
          .asUtf8String());
      assertEquals(List.of(), s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
    }
  }

  @Test
  void aFailedUploadLeavesNoObjectAndNoOpenUpload() throws Exception {
    try (StagingArea staging = StagingArea.under(s3a("staging"), conf)) {
      List<String> parts = new WriteJobs(spark.sparkContext(), "t").run("parts", () -> StagedParts.write(table(),
          staging)).stream().map(WrittenPart::path).toList();
      ObjectLayout layout = ParallelPlacementJob.plan(spark, conf, parts);
      // A staged part vanishes after planning: the tasks that read it fail.
      Path lost = new Path(parts.get(2));
      lost.getFileSystem(conf).delete(lost, false);

      assertThrows(Exception.class,
          () -> ParallelPlacementJob.run(spark, conf, layout, s3a("t/failed.parquet"), PART));

      assertFalse(new Path(s3a("t/failed.parquet")).getFileSystem(conf).exists(new Path(s3a("t/failed.parquet"))));
      assertEquals(List.of(), s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
    }
  }

  @Test
  void aWriteThroughS3aPlacesTheSameObjectEitherWay() {
    TestProjectRemote project = TestProjectRemote.local(spark, s3a("trial"));
    try {
      WriteResult parallel = withSQLConf(Map.of(DatomWriteOptions.PLACEMENT_PART_SIZE_CONF, "5m"),
          () -> project.overwrite(table(), "parallel"));
      int uploadTasks = stages.largest();
      stages.reset();
      WriteResult single = withSQLConf(Map.of(DatomWriteOptions.PLACEMENT_CONF, "single"),
          () -> project.overwrite(table(), "single"));

      assertEquals(single.dataSha(), parallel.dataSha());
      assertEquals(single.parquetSha(), parallel.parquetSha());
      byte[] placed = s3.client().getObjectAsBytes(b -> b.bucket(bucket)
          .key("trial/datom/parallel/" + parallel.dataSha() + ".parquet")).asByteArray();
      assertEquals(Sha256.hex(placed), parallel.parquetSha().orElseThrow());
      assertTrue(uploadTasks >= 4, "the parallel write's placement ran " + uploadTasks + " tasks");
      assertEquals(1, stages.largestPlacement(), "the single placement runs one task");
      assertEquals(table().orderBy("id").collectAsList(),
          project.read("parallel", parallel.metadataSha()).orderBy("id").collectAsList());
    } finally {
      project.close();
    }
  }

  /** The number of 5 MiB parts of an object. */
  private static final class PartCount {
    static int of(long size) {
      return (int) ((size + PART - 1) / PART);
    }
  }

  /** Counts the tasks of every completed stage whose tasks are {@code PartUploadTask}s or {@code ConcatTask}s. */
  private static final class UploadStages extends SparkListener {
    private final Map<Integer, Integer> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger placements = new AtomicInteger();

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
      String details = completed.stageInfo().details();
      if (details.contains("ParallelPlacementJob.upload")) {
        tasks.merge(completed.stageInfo().stageId(), completed.stageInfo().numTasks(), Integer::sum);
      }
      if (details.contains("ConcatJob.run")) {
        placements.set(Math.max(placements.get(), completed.stageInfo().numTasks()));
      }
    }

    private static void drain() {
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty();
      } catch (TimeoutException e) {
        throw new IllegalStateException("Spark's listener bus did not drain", e);
      }
    }

    void reset() {
      tasks.clear();
      placements.set(0);
    }

    int largest() {
      drain();
      return tasks.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    int largestPlacement() {
      drain();
      return placements.get();
    }
  }
}
