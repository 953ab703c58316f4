package io.datom.examples.bench;

import static org.apache.spark.sql.functions.col;

import io.datom.core.WriteResult;
import io.datom.spark.write.DatomWrites;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jgit.api.Git;

/**
 * Datom against plain parquet at scale, with the driver in its own JVM: on a {@code local-cluster} master (executors
 * are separate JVMs launched by Spark's workers from a {@link ClusterSparkHome}), for each row count, writes the
 * clinical-shaped lab table as a new version of an existing datom table and the same rows as plain parquet (in turns),
 * then reads both back: a first full scan (datom's includes the version's integrity check), then full scans and a
 * selective filter. Prints the times, their ratios, the driver's heap during each write ({@link DriverHeap}) and the
 * Spark jobs of the last datom write ({@link JobTimes}).
 *
 * <p>Arguments: {@code [row counts, comma-separated] [runs]}, default {@code 10000000,100000000} and 1. System
 * properties: {@code bench.sparkHome} (required: the folder {@code SPARK_HOME} names), {@code bench.master} (default
 * {@code local-cluster[2,1,2048]}), {@code bench.executorMemory} (default {@code 2g}), {@code bench.scale.reads}
 * ({@code false} measures the writes only), {@code bench.keep} (keep the data). See {@code docs/benchmarks.md},
 * "Scale".
 */
public final class ScaleBenchmark {

  private static final long WARM_UP_ROWS = 1_000_000;

  private final SparkSession spark;
  private final JobTimes jobs;
  private final Path work;
  private final String store;
  private final String remote;
  private final String plainDir;
  private final List<String> writeRows = new ArrayList<>();
  private final List<String> readRows = new ArrayList<>();
  private final List<String> jobRows = new ArrayList<>();
  private int seed;

  private ScaleBenchmark(SparkSession spark, Path work) throws Exception {
    this.spark = spark;
    this.work = work;
    this.store = work.resolve("store").toString();
    this.plainDir = work.resolve("plain").toString();
    Path bare = work.resolve("remote.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    this.remote = bare.toUri().toString();
    this.jobs = new JobTimes();
    spark.sparkContext().addSparkListener(jobs);
  }

  public static void main(String[] args) throws Exception {
    long[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000000,100000000").split(","))
        .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).toArray();
    int runs = (int) BenchSession.argOrDefault(args, 1, 1);
    Path home = Path.of(required("bench.sparkHome")).toAbsolutePath();
    String sparkHomeEnv = System.getenv("SPARK_HOME");
    if (sparkHomeEnv == null || !Path.of(sparkHomeEnv).toAbsolutePath().equals(home)) {
      throw new IllegalStateException("Set SPARK_HOME=" + home + " (and SPARK_SCALA_VERSION) before starting this "
          + "JVM: Spark's workers launch executors from it. The bench-scale profile does.");
    }
    String folders = ClusterSparkHome.assemble(home);
    SparkSession.Builder builder = SparkSession.builder()
        .appName("datom scale benchmark")
        .master(System.getProperty("bench.master", "local-cluster[2,1,2048]"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.executor.memory", System.getProperty("bench.executorMemory", "2g"))
        .config("spark.executor.extraJavaOptions", moduleFlags());
    if (!folders.isEmpty()) {
      builder.config("spark.executor.extraClassPath", folders);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Path work = Files.createTempDirectory("datom-scale-");
    try {
      awaitExecutors(spark, 2);
      ScaleBenchmark bench = new ScaleBenchmark(spark, work);
      bench.createTable();
      for (long rows : sizes) {
        bench.measure(rows, runs);
      }
      bench.report(runs);
    } finally {
      spark.stop();
      if (!Boolean.getBoolean("bench.keep")) {
        deleteRecursively(work);
      }
    }
  }

  /**
   * The table exists before the measured writes (each is "a new version of an existing table"), and both writers
   * have run once, so that neither measured write pays for the executors' first classes and JIT.
   */
  private void createTable() {
    writeDatom(1_000, ++seed);
    int warmUp = ++seed;
    LabTable.generate(spark, WARM_UP_ROWS, warmUp).write().mode("overwrite").parquet(plainDir);
    writeDatom(WARM_UP_ROWS, warmUp);
    jobs.drain();
  }

  private void measure(long rows, int runs) {
    double[] plainSeconds = new double[runs];
    double[] datomSeconds = new double[runs];
    long[] plainHeap = {0, 0};
    long[] datomHeap = {0, 0};
    for (int run = 0; run < runs; run++) {
      int runSeed = ++seed; // the same rows both ways; a new content, so a full new version, each run
      plainSeconds[run] = timed(plainHeap, () -> LabTable.generate(spark, rows, runSeed)
          .write().mode("overwrite").parquet(plainDir));
      jobs.drain();
      datomSeconds[run] = timed(datomHeap, () -> writeDatom(rows, runSeed));
    }
    List<String> datomJobs = jobs.drain();
    WriteResult written = DatomWrites.lastResult(spark).orElseThrow();
    long objectBytes = size(Path.of(store, "datom", "lb", written.dataSha() + ".parquet"));
    long plainBytes = parquetBytes(Path.of(plainDir));
    double plainWrite = median(plainSeconds);
    double datomWrite = median(datomSeconds);
    writeRows.add(String.format("| %,d | %.1f | %.1f | %.2f | %d / %d | %d / %d | %,d / %,d |", rows, plainWrite,
        datomWrite, datomWrite / plainWrite, plainHeap[0], plainHeap[1], datomHeap[0], datomHeap[1],
        plainBytes >> 20, objectBytes >> 20));
    jobRows.add(String.format("%,d rows, last datom write: %s (%s)", rows,
        String.join("; ", datomJobs), written.action().rName()));
    System.out.println("[scale] " + writeRows.get(writeRows.size() - 1));
    System.out.println("[scale] " + jobRows.get(jobRows.size() - 1));

    if (!Boolean.parseBoolean(System.getProperty("bench.scale.reads", "true"))) {
      return;
    }
    Dataset<Row> datom = spark.read().format("datom").option("table", "lb").load(store);
    Dataset<Row> plain = spark.read().parquet(plainDir);
    Function<Dataset<Row>, Dataset<Row>> fullScan = df -> df;
    Function<Dataset<Row>, Dataset<Row>> selective =
        df -> df.where(col("LBTESTCD").equalTo("ALT").and(col("LBSTRESN").gt(990.0)));
    // First reads: datom's verifies the new object once in this driver (verify=once).
    double plainFirst = seconds(() -> scan(plain));
    double datomFirst = seconds(() -> scan(datom));
    readRows.add(String.format("| %,d | first full scan | %.1f | %.1f | %.2f |", rows, plainFirst, datomFirst,
        datomFirst / plainFirst));
    double[] full = interleaved(runs, () -> scan(fullScan.apply(plain)), () -> scan(fullScan.apply(datom)));
    readRows.add(String.format("| %,d | full scan | %.1f | %.1f | %.2f |", rows, full[0], full[1], full[1] / full[0]));
    double[] filter = interleaved(runs, () -> scan(selective.apply(plain)), () -> scan(selective.apply(datom)));
    readRows.add(String.format("| %,d | filter on LBTESTCD and LBSTRESN | %.2f | %.2f | %.2f |", rows, filter[0],
        filter[1], filter[1] / filter[0]));
    long datomCount = datom.count();
    long plainCount = plain.count();
    if (datomCount != rows || plainCount != rows) {
      throw new IllegalStateException("expected " + rows + " rows, read " + datomCount + " (datom) and " + plainCount
          + " (plain)");
    }
    readRows.subList(readRows.size() - 3, readRows.size()).forEach(r -> System.out.println("[scale] " + r));
  }

  private void report(int runs) {
    System.out.printf("%n| rows (median of %d) | plain parquet write (s) | datom write (s) | ratio "
        + "| driver heap, plain: peak / old gen after GC (MiB) | driver heap, datom: peak / old gen after GC (MiB) "
        + "| size: plain / datom object (MiB) |%n", runs);
    System.out.println("|---|---|---|---|---|---|---|");
    writeRows.forEach(System.out::println);
    System.out.printf("%n| rows (median of %d) | read | plain parquet (s) | datom (s) | ratio |%n", runs);
    System.out.println("|---|---|---|---|---|");
    readRows.forEach(System.out::println);
    System.out.println();
    jobRows.forEach(System.out::println);
    System.out.println("executors: " + (spark.sparkContext().getExecutorMemoryStatus().size() - 1)
        + " JVMs; driver max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
  }

  private void writeDatom(long rows, int runSeed) {
    LabTable.generate(spark, rows, runSeed).write().format("datom")
        .option("table", "lb").option("repo", remote).option("project", "BENCH")
        .option("message", "scale run " + runSeed)
        .mode("overwrite").save(store);
  }

  /** Times {@code action} and keeps the driver heap's largest peak and retained size in {@code heap}. */
  private static double timed(long[] heap, Runnable action) {
    try (DriverHeap measured = DriverHeap.measure()) {
      double seconds = seconds(action);
      heap[0] = Math.max(heap[0], measured.peakMiB());
      heap[1] = Math.max(heap[1], measured.retainedMiB());
      return seconds;
    }
  }

  private static double seconds(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /** Medians of two actions timed in turns (no warm-up: the first reads above are one). */
  private static double[] interleaved(int runs, Runnable a, Runnable b) {
    double[] aSeconds = new double[runs];
    double[] bSeconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      aSeconds[i] = seconds(a);
      bSeconds[i] = seconds(b);
    }
    return new double[] {median(aSeconds), median(bSeconds)};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Materialises every selected row without collecting it: Spark's noop sink. */
  private static void scan(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }

  /** This JVM's module flags ({@code spark.jvm.flags}), which every executor on Java 17 needs too. */
  private static String moduleFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || a.startsWith("-Djdk.reflect"))
        .collect(Collectors.joining(" "));
  }

  private static void awaitExecutors(SparkSession spark, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (spark.sparkContext().getExecutorMemoryStatus().size() - 1 < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("fewer than " + count + " executors registered within 3 minutes");
      }
      Thread.sleep(200);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("System property " + property + " is required");
    }
    return value;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static long parquetBytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(ScaleBenchmark::size).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (Files.notExists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
