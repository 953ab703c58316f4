package io.datom.examples.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a clinical-shaped lab table as a new version of an existing datom table, and the same rows through a plain
 * {@code df.write.parquet} (Spark's default layout), in turns, and prints the medians, their ratio and the JVM's peak
 * heap during the datom writes. Every run writes different content, so every datom run is a full new version.
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

      // Plain and datom runs take turns, so that both see the same background load.
      long[] peakHeap = {0};
      double[] medians = Timing.interleavedMedianSeconds(runs,
          () -> LabTable.generate(bench.spark, rows, seed.incrementAndGet())
              .write().mode("overwrite").parquet(plainDir),
          () -> {
            BenchSession.resetPeakHeap();
            writeDatom(bench, rows, seed.incrementAndGet());
            peakHeap[0] = Math.max(peakHeap[0], BenchSession.peakHeapMiB());
          });
      double plainSeconds = medians[0];
      double datomSeconds = medians[1];

      System.out.printf("%n| write (%,d rows, median of %d) | plain parquet (s) | datom (s) | ratio | peak heap (MiB) |%n",
          rows, runs);
      System.out.println("|---|---|---|---|---|");
      System.out.printf("| new version of an existing table | %.2f | %.2f | %.2f | %d |%n",
          plainSeconds, datomSeconds, datomSeconds / plainSeconds, peakHeap[0]);
    }
  }

  private static void writeDatom(BenchSession bench, long rows, int seed) {
    LabTable.generate(bench.spark, rows, seed).write().format("datom")
        .option("table", "lb").option("repo", bench.remote).option("project", "BENCH")
        .option("message", "benchmark run " + seed)
        .mode("overwrite").save(bench.store);
  }
}
