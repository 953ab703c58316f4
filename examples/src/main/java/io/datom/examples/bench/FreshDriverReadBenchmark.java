package io.datom.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The first read of an already-written version in a new driver JVM, as on a cluster that starts for every job: each
 * run starts a child JVM (a new driver, nothing remembered) that reads the version once through {@code format("datom")}
 * with {@code verify=once}, and the same rows once through {@code spark.read.parquet}, a full scan each. Two cases,
 * side by side: the version's object has a verification record (written by the writer, as now), and it has none (its
 * record deleted before each run: what every new driver paid before records, a full SHA-256 of the object).
 *
 * <p>Arguments: {@code [rows] [runs]}, default 5,000,000 rows and 3 runs per case. See {@code docs/benchmarks.md}.
 */
public final class FreshDriverReadBenchmark {

  private FreshDriverReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--driver")) {
      driver(args[1], args[2]);
      return;
    }
    long rows = BenchSession.argOrDefault(args, 0, 5_000_000L);
    int runs = (int) BenchSession.argOrDefault(args, 1, 3);
    String store;
    String plainDir;
    try (BenchSession bench = new BenchSession("fresh-driver-read")) {
      Dataset<Row> lab = LabTable.generate(bench.spark, rows, 1);
      lab.write().format("datom").option("table", "lb").option("repo", bench.remote)
          .option("project", "BENCH").mode("overwrite").save(bench.store);
      plainDir = bench.work.resolve("plain").toString();
      lab.write().parquet(plainDir);
      store = bench.store;
    }
    Path records = Path.of(store, "datom", "lb", ".verified");
    long objectBytes;
    try (Stream<Path> files = Files.list(Path.of(store, "datom", "lb"))) {
      objectBytes = files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(FreshDriverReadBenchmark::size)
          .sum();
    }
    List<double[]> withRecord = new ArrayList<>();
    List<double[]> withoutRecord = new ArrayList<>();
    for (int run = 0; run < runs; run++) { // the cases take turns, so that both see the same machine load
      withRecord.add(runDriver(store, plainDir));
      deleteRecursively(records);
      withoutRecord.add(runDriver(store, plainDir));
    }
    System.out.printf(Locale.ROOT, "%n| first read in a new driver JVM (%,d rows, %,d MB object, median of %d) "
        + "| plain parquet (s) | datom (s) | ratio | of which the integrity check (s) |%n", rows, objectBytes >> 20,
        runs);
    System.out.println("|---|---:|---:|---:|---:|");
    print("verification record present (a writer's or an earlier reader's)", withRecord);
    print("no record: full SHA-256 of the object first (every new driver before)", withoutRecord);
  }

  private static void print(String label, List<double[]> runs) {
    double plain = median(runs, 0);
    double datom = median(runs, 1);
    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label, plain, datom, datom / plain,
        median(runs, 2));
  }

  private static double median(List<double[]> runs, int column) {
    List<Double> values = new ArrayList<>(runs.stream().map(r -> r[column]).toList());
    values.sort(Comparator.naturalOrder());
    return values.get(values.size() / 2);
  }

  /** Runs one new driver JVM; its seconds for the plain read, the datom read and the datom read's integrity check. */
  private static double[] runDriver(String store, String plainDir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("fresh-driver-", ".txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // the same heap and JVM flags
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshDriverReadBenchmark.class.getName(),
        "--driver", store, plainDir));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("The driver JVM failed; its output is in " + out);
    }
    String last = Files.readAllLines(out).stream().filter(l -> l.startsWith("SECONDS ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("No timing in " + out));
    Files.delete(out);
    String[] parts = last.split(" ");
    return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
  }

  /** The child: a new driver that warms Spark up on other data, then reads each once, plain first. */
  private static void driver(String store, String plainDir) throws Exception {
    SparkSession spark = SparkSession.builder().appName("datom fresh driver").master("local[2]")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Path warm = Files.createTempDirectory("warm-");
    spark.range(100_000).write().mode("overwrite").parquet(warm.toString());
    spark.read().parquet(warm.toString()).write().format("noop").mode("overwrite").save();
    VerifyJobTimer verify = new VerifyJobTimer();
    spark.sparkContext().addSparkListener(verify);
    long started = System.nanoTime();
    spark.read().parquet(plainDir).write().format("noop").mode("overwrite").save();
    double plain = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    spark.read().format("datom").option("table", "lb").option("verify", "once").load(store)
        .write().format("noop").mode("overwrite").save();
    double datom = (System.nanoTime() - started) / 1e9;
    spark.sparkContext().listenerBus().waitUntilEmpty();
    System.out.printf(Locale.ROOT, "SECONDS %.3f %.3f %.3f%n", plain, datom, verify.seconds());
    spark.stop();
    deleteRecursively(warm);
  }

  /** Sums the wall time of the integrity-check jobs ({@code datom read lb: verify ...}) a driver runs. */
  private static final class VerifyJobTimer extends SparkListener {
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();
    private final AtomicLong millis = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart job) {
      if (String.valueOf(job.properties().getProperty("spark.job.description")).contains(": verify ")) {
        started.put(job.jobId(), job.time());
      }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd job) {
      Long start = started.remove(job.jobId());
      if (start != null) {
        millis.addAndGet(job.time() - start);
      }
    }

    double seconds() {
      return millis.get() / 1e3;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
