package io.datom.examples.bench.placement;

import io.datom.core.WriteResult;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.write.DatomWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlanInfo;
import org.apache.spark.sql.execution.metric.SQLMetricInfo;
import org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.eclipse.jgit.api.Git;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Places a version of about 2 GB on s3proxy through {@code s3a://} twice: the same rows written into two tables,
 * one with parallel placement (the default: the object uploaded in parts by many tasks), one with
 * {@code spark.datom.write.placement=single} (one task writes the whole object, the path before parallel placement).
 * Prints each write's object placement time (the driver's "object placement time" metric: planning, upload, digest,
 * completion), the whole write's time, their ratio, the object's size and that both objects have one
 * {@code parquet_sha}.
 *
 * <p>Argument: {@code [rows]}, default 30,000,000 (nine BIGINT columns, eight of them hash values that do not
 * compress). See {@code docs/benchmarks.md}, "Object placement on S3".
 */
public final class PlacementBenchmark {

  private PlacementBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 30_000_000L;
    Path work = Files.createTempDirectory("datom-placement-");
    Path bare = work.resolve("remote.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      String bucket = s3.createBucket();
      SparkSession.Builder builder = SparkSession.builder()
          .appName("datom placement benchmark")
          .master(System.getProperty("bench.master", "local[2]"))
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4");
      s3aSettings(s3).forEach((key, value) -> builder.config("spark.hadoop." + key, value));
      SparkSession spark = builder.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      DriverMetrics metrics = new DriverMetrics();
      spark.sparkContext().addSparkListener(metrics);
      String store = "s3a://" + bucket + "/bench";
      try {
        // Warm up both paths (JIT, s3proxy, S3A's pools) on a small version, so that neither measured run pays it.
        write(spark, metrics, store, bare, Math.max(1, rows / 30), "warm_parallel", "parallel");
        write(spark, metrics, store, bare, Math.max(1, rows / 30), "warm_single", "single");
        System.out.println("load before: " + uptime());
        Run parallel = write(spark, metrics, store, bare, rows, "parallel", "parallel");
        System.out.println("load between: " + uptime());
        Run single = write(spark, metrics, store, bare, rows, "single", "single");
        System.out.println("load after: " + uptime());
        if (!parallel.result.parquetSha().equals(single.result.parquetSha())) {
          throw new IllegalStateException("The two placements wrote different objects");
        }
        System.out.printf("%n| placement of one object (%,d rows, %.2f GB) | one task (s) | parallel (s) | ratio |%n",
            rows, parallel.objectBytes / 1e9);
        System.out.println("|---|---|---|---|");
        System.out.printf("| object placement | %.1f | %.1f | %.2f |%n", single.placementSeconds,
            parallel.placementSeconds, parallel.placementSeconds / single.placementSeconds);
        System.out.printf("| whole write | %.1f | %.1f | %.2f |%n", single.writeSeconds, parallel.writeSeconds,
            parallel.writeSeconds / single.writeSeconds);
        System.out.println("same parquet_sha: " + parallel.result.parquetSha().orElseThrow());
      } finally {
        spark.stop();
      }
    }
  }

  private record Run(WriteResult result, double placementSeconds, double writeSeconds, long objectBytes) {}

  private static Run write(SparkSession spark, DriverMetrics metrics, String store, Path remote, long rows,
      String table, String placement) throws TimeoutException {
    spark.conf().set("spark.datom.write.placement", placement);
    metrics.clear();
    long started = System.nanoTime();
    spark.sql("SELECT id, xxhash64(id, 1) AS c1, xxhash64(id, 2) AS c2, xxhash64(id, 3) AS c3, xxhash64(id, 4) AS c4, "
            + "xxhash64(id, 5) AS c5, xxhash64(id, 6) AS c6, xxhash64(id, 7) AS c7, xxhash64(id, 8) AS c8 "
            + "FROM range(0, " + rows + ", 1, 16)")
        .write().format("datom").option("table", table).option("repo", remote.toUri().toString())
        .option("project", "BENCH").mode("overwrite").save(store);
    double writeSeconds = (System.nanoTime() - started) / 1e9;
    spark.sparkContext().listenerBus().waitUntilEmpty();
    WriteResult result = DatomWrites.lastResult().orElseThrow();
    Run run = new Run(result, metrics.value("object placement time") / 1e3, writeSeconds,
        metrics.value("written object size"));
    System.out.printf("%s: write %.1f s, placement %.1f s, object %,d bytes%n", table, run.writeSeconds,
        run.placementSeconds, run.objectBytes);
    metrics.placementJobs().forEach(job -> System.out.println("  " + job));
    return run;
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

  /**
   * The values the driver posts for a write's SQL metrics, by metric name (the write's node names them), and the
   * placement's jobs: their duration and tasks, the longest task and the first task's (the digest's, in parallel).
   */
  private static final class DriverMetrics extends SparkListener {
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Map<String, Long> values = new ConcurrentHashMap<>();
    private final Map<Integer, long[]> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> stageJob = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      String description = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
      if (description != null && description.endsWith("place object")) {
        jobs.put(start.jobId(), new long[] {start.time(), 0, 0, 0, 0});
        JavaConverters.seqAsJavaList(start.stageIds()).forEach(id -> stageJob.put((Integer) id, start.jobId()));
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      Integer job = stageJob.get(end.stageId());
      if (job != null) {
        long[] times = jobs.get(job);
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

    List<String> placementJobs() {
      List<String> lines = new ArrayList<>();
      jobs.keySet().stream().sorted().forEach(id -> {
        long[] t = jobs.get(id);
        lines.add(String.format("placement job %d: %.1f s, %d tasks, longest task %.1f s, task 0 %.1f s", id,
            (t[1] - t[0]) / 1e3, t[2], t[3] / 1e3, t[4] / 1e3));
      });
      return lines;
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate update) {
        collect(update.sparkPlanInfo());
      } else if (event instanceof SparkListenerDriverAccumUpdates updates) {
        for (Tuple2<Object, Object> update : JavaConverters.seqAsJavaList(updates.accumUpdates())) {
          String name = names.get((Long) update._1());
          if (name != null) {
            values.put(name, (Long) update._2());
          }
        }
      }
    }

    private void collect(SparkPlanInfo node) {
      for (SQLMetricInfo metric : JavaConverters.seqAsJavaList(node.metrics())) {
        names.put(metric.accumulatorId(), metric.name());
      }
      List<SparkPlanInfo> children = JavaConverters.seqAsJavaList(node.children());
      children.forEach(this::collect);
    }

    void clear() {
      values.clear();
      jobs.clear();
      stageJob.clear();
    }

    long value(String name) {
      Long value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("The write posted no metric '" + name + "'");
      }
      return value;
    }
  }
}
