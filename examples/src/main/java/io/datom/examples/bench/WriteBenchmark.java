package io.datom.examples.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a clinical-shaped lab table as a new version of an existing datom table, and the same rows through a plain
 * {@code df.write.parquet} (Spark's default layout), and prints the medians, their ratio and the JVM's peak heap during
 * the datom writes. Every run writes different content, so every datom run is a full new version.
 *
 * <p>Arguments: {@code [rows] [runs]}, default 10,000,000 rows and 3 runs. See {@code docs/benchmarks.md}.
 */
public final class WriteBenchmark {

  private WriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSession.argOrDefault(args, 0, 10_000_000L);
    int runs = (int) BenchSession.argOrDefault(args, 1, 3);
    try (BenchSession bench = new BenchSession("write")) {
      AtomicInteger seed = new AtomicInteger();
      // The table exists before the measured runs: each run is "a new version of an existing table".
      writeDatom(bench, rows, seed.incrementAndGet());
      String plainDir = bench.work.resolve("plain").toString();

      double plainSeconds = Timing.medianSeconds(runs, () ->
          LabTable.generate(bench.spark, rows, seed.incrementAndGet()).write().mode("overwrite").parquet(plainDir));
      BenchSession.resetPeakHeap();
      double datomSeconds = Timing.medianSeconds(runs, () -> writeDatom(bench, rows, seed.incrementAndGet()));
      long peakHeap = BenchSession.peakHeapMiB();

      System.out.printf("%n| write (%,d rows, median of %d) | plain parquet (s) | datom (s) | ratio | peak heap (MiB) |%n",
          rows, runs);
      System.out.println("|---|---|---|---|---|");
      System.out.printf("| new version of an existing table | %.2f | %.2f | %.2f | %d |%n",
          plainSeconds, datomSeconds, datomSeconds / plainSeconds, peakHeap);
    }
  }

  private static void writeDatom(BenchSession bench, long rows, int seed) {
    LabTable.generate(bench.spark, rows, seed).write().format("datom")
        .option("table", "lb").option("repo", bench.remote).option("project", "BENCH")
        .option("message", "benchmark run " + seed)
        .mode("overwrite").save(bench.store);
  }
}
