package io.datom.spark.write;

import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.options.Placement;
import io.datom.spark.task.ConcatTask;
import io.datom.spark.task.ObjectLayout;
import io.datom.spark.task.PartFormat;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * Places one version's object of about 2 GB on s3proxy through {@code s3a://} from the same staged parts, twice: by
 * many tasks (parallel placement: plan, part uploads with the digest, completion) and by one task (the
 * {@code spark.datom.write.placement=single} path), and prints both times, their ratio, each placement job's duration
 * and tasks, and that both objects are the same bytes. The parts are staged once, as a write's parts job stages them
 * (so the comparison holds only placement); the class lives in the connector's write package to run its jobs.
 *
 * <p>Arguments: {@code [rows] [rounds]}, default 30,000,000 rows (nine BIGINT columns, eight of them hash values that
 * do not compress: an object of about 2.04 GB) and 1 round (a round places parallel, then single; a second round
 * reverses the order). See {@code docs/benchmarks.md}, "Object placement on S3".
 */
public final class PlacementBenchmark {

  private PlacementBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 30_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      String bucket = s3.createBucket();
      SparkSession.Builder builder = SparkSession.builder()
          .appName("datom placement benchmark")
          .master(System.getProperty("bench.master", "local[2]"))
          .config("spark.ui.enabled", "false");
      s3aSettings(s3).forEach((key, value) -> builder.config("spark.hadoop." + key, value));
      SparkSession spark = builder.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Jobs jobs = new Jobs();
      spark.sparkContext().addSparkListener(jobs);
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      String root = "s3a://" + bucket + "/bench";
      try {
        // Warm up both paths (JIT, s3proxy, S3A's pools) on a small object, so that neither measured run pays it.
        compare(spark, jobs, conf, root + "/warm", Math.max(1, rows / 30), 1, false);
        compare(spark, jobs, conf, root + "/main", rows, rounds, true);
      } finally {
        spark.stop();
      }
    }
  }

  private static void compare(SparkSession spark, Jobs jobs, Configuration conf, String root, long rows, int rounds,
      boolean report) throws Exception {
    try (StagingArea staging = StagingArea.under(root + "/.staging", conf)) {
      long started = System.nanoTime();
      List<String> parts = stage(spark, rows, staging);
      System.out.printf("staged %,d rows in %d parts in %.1f s; load %s%n", rows, parts.size(),
          seconds(started), uptime());
      List<double[]> times = new ArrayList<>();
      String sha = null;
      long size = 0;
      for (int round = 0; round < rounds; round++) {
        double[] pair = new double[2];
        for (int i = 0; i < 2; i++) {
          boolean parallel = (i == 0) == (round % 2 == 0);
          String target = root + "/" + (parallel ? "parallel" : "single") + round + ".parquet";
          jobs.clear();
          long placing = System.nanoTime();
          ConcatTask.Outcome outcome = parallel
              ? placeInParallel(spark, conf, parts, target)
              : ConcatJob.run(spark, conf, parts, target);
          double took = seconds(placing);
          pair[parallel ? 1 : 0] = took;
          if (sha != null && !sha.equals(outcome.sha256())) {
            throw new IllegalStateException("The placements wrote different objects");
          }
          sha = outcome.sha256();
          size = outcome.size();
          System.out.printf("%s placement: %.1f s, %,d bytes; load %s%n", parallel ? "parallel" : "one-task", took,
              outcome.size(), uptime());
          jobs.lines().forEach(line -> System.out.println("  " + line));
        }
        times.add(pair);
      }
      if (report) {
        System.out.printf("%n| placement of one object (%,d rows, %.2f GB, %d staged parts) | one task (s) | "
            + "parallel (s) | ratio |%n", rows, size / 1e9, parts.size());
        System.out.println("|---|---|---|---|");
        for (int round = 0; round < times.size(); round++) {
          double[] pair = times.get(round);
          System.out.printf("| round %d (%s first) | %.1f | %.1f | %.2f |%n", round + 1,
              round % 2 == 0 ? "parallel" : "one task", pair[0], pair[1], pair[1] / pair[0]);
        }
        System.out.println("same parquet_sha: " + sha);
      }
    }
  }

  /** As a write's parallel placement does it: plan, then upload in parts of the default size, then complete. */
  private static ConcatTask.Outcome placeInParallel(SparkSession spark, Configuration conf, List<String> parts,
      String target) {
    ObjectLayout layout = ParallelPlacementJob.plan(spark, conf, parts);
    return ParallelPlacementJob.run(spark, conf, layout, target, Placement.DEFAULT_PART_SIZE);
  }

  private static List<String> stage(SparkSession spark, long rows, StagingArea staging) {
    Dataset<Row> frame = spark.sql("SELECT id, xxhash64(id, 1) AS c1, xxhash64(id, 2) AS c2, xxhash64(id, 3) AS c3, "
        + "xxhash64(id, 4) AS c4, xxhash64(id, 5) AS c5, xxhash64(id, 6) AS c6, xxhash64(id, 7) AS c7, "
        + "xxhash64(id, 8) AS c8 FROM range(0, " + rows + ", 1, 16)");
    Supplier<List<WrittenPart>> job = () -> PartsJob.run(frame.queryExecution().toRdd().toJavaRDD(), frame.schema(),
        PartFormat.configure(spark, frame.schema()), staging, WriteMetrics.start(spark.sparkContext()).parts());
    return job.get().stream().map(WrittenPart::path).toList();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static Map<String, String> s3aSettings(S3ProxyServer s3) {
    return Map.of(
        "fs.s3a.endpoint", s3.endpoint().toString(),
        "fs.s3a.endpoint.region", S3ProxyServer.REGION,
        "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.access.key", s3.accessKey(),
        "fs.s3a.secret.key", s3.secretKey());
  }

  private static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Each job's duration and tasks, its longest task and its first task's (the digest's, in a parallel upload). */
  private static final class Jobs extends SparkListener {
    private final Map<Integer, long[]> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> stageJob = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      jobs.put(start.jobId(), new long[] {start.time(), 0, 0, 0, 0});
      JavaConverters.seqAsJavaList(start.stageIds()).forEach(id -> stageJob.put((Integer) id, start.jobId()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      Integer job = stageJob.get(end.stageId());
      long[] times = job == null ? null : jobs.get(job);
      if (times != null) {
        long took = end.taskInfo().duration();
        times[2]++;
        times[3] = Math.max(times[3], took);
        if (end.taskInfo().index() == 0) {
          times[4] = took;
        }
      }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
      long[] times = jobs.get(end.jobId());
      if (times != null) {
        times[1] = end.time();
      }
    }

    void clear() {
      jobs.clear();
      stageJob.clear();
    }

    List<String> lines() {
      try {
        SparkSession.active().sparkContext().listenerBus().waitUntilEmpty();
      } catch (TimeoutException e) {
        throw new IllegalStateException("Spark's listener bus did not drain", e);
      }
      List<String> lines = new ArrayList<>();
      jobs.keySet().stream().sorted().forEach(id -> {
        long[] t = jobs.get(id);
        lines.add(String.format("job %d: %.1f s, %d tasks, longest task %.1f s, task 0 %.1f s", id,
            (t[1] - t[0]) / 1e3, t[2], t[3] / 1e3, t[4] / 1e3));
      });
      return lines;
    }
  }
}
