package io.datom.examples.bench;

import io.datom.spark.DatomSync;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Syncs a landing folder of CSV extracts into a fresh project (the first sync: every file hashed and imported), then
 * syncs the same, unchanged folder again (every file hashed, none imported), and compares the re-sync with the
 * baseline: hashing the files' bytes once in parallel with a plain Spark job (one task per file, SHA-256 over a
 * stream). It counts the Spark jobs each sync starts and prints their descriptions: a re-sync must start no job that
 * reads rows.
 *
 * <p>Arguments: {@code [rows] [runs] [files]}, default 2,000,000 rows over 4 files and 5 runs. See
 * {@code docs/benchmarks.md}.
 */
public final class SyncBenchmark {

  private static final String BASELINE = "baseline: hash files";

  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSession.argOrDefault(args, 0, 2_000_000L);
    int runs = (int) BenchSession.argOrDefault(args, 1, 5);
    int files = (int) BenchSession.argOrDefault(args, 2, 4);
    try (BenchSession bench = new BenchSession("sync")) {
      Path landing = landing(bench, rows, files);
      long bytes = 0;
      List<String> paths = new ArrayList<>();
      try (Stream<Path> listed = Files.list(landing)) {
        for (Path file : listed.sorted().toList()) {
          bytes += Files.size(file);
          paths.add(file.toUri().toString());
        }
      }
      Map<String, String> options = Map.of("repo", bench.remote, "project", "BENCH");

      Jobs firstJobs = Jobs.watch(bench.spark);
      long start = System.nanoTime();
      List<Row> first = DatomSync.sync(bench.spark, bench.store, options, landing.toString()).collectAsList();
      double firstSeconds = (System.nanoTime() - start) / 1e9;
      firstJobs.stop(bench.spark);
      first.forEach(r -> require(r.getAs("status").equals("new") && r.getAs("action").equals("full"), r));

      Jobs resyncJobs = Jobs.watch(bench.spark);
      List<Row> last = new ArrayList<>();
      double[] medians = Timing.interleavedMedianSeconds(runs,
          () -> hashOnce(bench.spark, paths),
          () -> {
            last.clear();
            last.addAll(DatomSync.sync(bench.spark, bench.store, options, landing.toString()).collectAsList());
          });
      resyncJobs.stop(bench.spark);
      last.forEach(r -> require(r.getAs("status").equals("unchanged"), r));
      List<String> syncJobs = resyncJobs.descriptions.stream().filter(d -> !d.equals(BASELINE)).toList();
      long rowJobs = syncJobs.stream().filter(d -> !d.startsWith("datom sync ") || !d.contains(": hash ")).count();

      System.out.printf("%n| landing folder: %d CSV files, %,d rows, %.1f MB | seconds |%n", files, rows, bytes / 1e6);
      System.out.println("|---|---|");
      System.out.printf("| first sync (hash + import every file), once | %.2f |%n", firstSeconds);
      System.out.printf("| baseline: hash the files' bytes once in parallel (Spark, one task per file), median of %d"
          + " | %.2f |%n", runs, medians[0]);
      System.out.printf("| re-sync, nothing changed, median of %d | %.2f |%n", runs, medians[1]);
      System.out.printf("%nfirst sync: %d Spark jobs; re-syncs (%d, warm-up included): %d Spark jobs, of which %d not"
          + " the hash job%n", firstJobs.descriptions.size(), runs + 1, syncJobs.size(), rowJobs);
      System.out.println("first sync's jobs: " + firstJobs.descriptions);
      System.out.println("one re-sync's jobs: " + syncJobs.subList(0, Math.min(1, syncJobs.size())));
    }
  }

  /** A landing folder of {@code files} CSV files holding {@code rows} lab rows in all. */
  private static Path landing(BenchSession bench, long rows, int files) throws IOException {
    Path landing = Files.createDirectories(bench.work.resolve("landing"));
    for (int i = 0; i < files; i++) {
      Path parts = bench.work.resolve("csv-" + i);
      LabTable.generate(bench.spark, rows / files, i + 1).coalesce(1).write().option("header", "true")
          .csv(parts.toString());
      try (Stream<Path> listed = Files.list(parts)) {
        Path part = listed.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        Files.move(part, landing.resolve("lb" + (i + 1) + ".csv"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return landing;
  }

  /** The baseline: SHA-256 of each file's bytes, one Spark task per file. */
  private static void hashOnce(SparkSession spark, List<String> paths) {
    spark.sparkContext().setJobDescription(BASELINE);
    JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(paths, paths.size()).map(uri -> {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 20];
      try (InputStream in = Files.newInputStream(Path.of(java.net.URI.create(uri)))) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          digest.update(buffer, 0, read);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    }).collect();
    spark.sparkContext().setJobDescription(null);
  }

  private static void require(boolean condition, Row row) {
    if (!condition) {
      throw new IllegalStateException("Unexpected sync outcome: " + row);
    }
  }

  /** The descriptions of the Spark jobs started while watched. */
  private static final class Jobs extends SparkListener {
    final List<String> descriptions = new CopyOnWriteArrayList<>();

    static Jobs watch(SparkSession spark) {
      Jobs jobs = new Jobs();
      spark.sparkContext().addSparkListener(jobs);
      return jobs;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      String description = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
      descriptions.add(description == null ? "(no description)" : description);
    }

    void stop(SparkSession spark) throws java.util.concurrent.TimeoutException {
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      spark.sparkContext().removeSparkListener(this);
    }
  }
}
