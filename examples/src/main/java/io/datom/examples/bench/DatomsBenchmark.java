package io.datom.examples.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.datom.spark.datoms.Datoms;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Datoms between two versions of a clinical-shaped lab table, against a plain full scan of both versions in the same
 * run. The second version corrects LBSTRESN and LBORRES in 4 % of the rows: 2 of the 8 non-key columns, so about
 * 1 % of the cells. Both timings materialise every row through Spark's {@code noop} sink, interleaved run by run so
 * both see the same load; each is the median of several runs after one warm-up. Prints the datom count, both medians,
 * their ratio, the time {@code Datoms.between} takes to make the Dataset (history read, key check and, for two
 * whole versions, the side-by-side read whose kept rows the Dataset then uses) and the driver's peak heap (in
 * {@code local} mode the executors share it, so it bounds the driver's).
 *
 * <p>Arguments: {@code [rows] [runs]}, default 10,000,000 rows and 3 runs. See {@code docs/benchmarks.md}.
 */
public final class DatomsBenchmark {

  private static final List<String> KEY = List.of("USUBJID", "LBSEQ");

  private DatomsBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSession.argOrDefault(args, 0, 10_000_000L);
    int runs = (int) BenchSession.argOrDefault(args, 1, 3);
    try (BenchSession bench = new BenchSession("datoms")) {
      bench.spark.conf().set("spark.sql.catalog.bench", "io.datom.spark.DatomCatalog");
      bench.spark.conf().set("spark.sql.catalog.bench.store", bench.store);
      Dataset<Row> may = LabTable.generate(bench.spark, rows, 1);
      String v1 = write(bench, may, "May cut-off");
      Column corrected = pmod(xxhash64(lit(7), col("LBSEQ")), lit(100)).lt(4);
      Column value = when(corrected, col("LBSTRESN").plus(0.5)).otherwise(col("LBSTRESN"));
      Dataset<Row> june = may.withColumn("LBSTRESN", value).withColumn("LBORRES", value.cast("string"));
      String v2 = write(bench, june, "June cut-off: corrections");

      Dataset<Row> first = bench.spark.sql("SELECT * FROM bench.lb VERSION AS OF '" + v1 + "'");
      Dataset<Row> second = bench.spark.sql("SELECT * FROM bench.lb VERSION AS OF '" + v2 + "'");
      long datoms = Datoms.between(bench.spark, "bench.lb", KEY, v1, v2).count();

      BenchSession.resetPeakHeap();
      double[] preparing = new double[runs + 1];
      int[] run = {0};
      double[] medians = Timing.interleavedMedianSeconds(runs,
          () -> {
            scan(first);
            scan(second);
          },
          () -> {
            long start = System.nanoTime();
            Dataset<Row> between = Datoms.between(bench.spark, "bench.lb", KEY, v1, v2);
            preparing[run[0]++] = (System.nanoTime() - start) / 1e9;
            scan(between);
          });
      java.util.Arrays.sort(preparing, 1, runs + 1); // [0] was the warm-up
      System.out.printf("%n| %,d rows, %,d datoms, median of %d | scan both versions (s) | datoms (s) | of which "
          + "making the Dataset: history, key check, side-by-side read (s) | ratio | peak heap (MiB) |%n",
          rows, datoms, runs);
      System.out.println("|---|---|---|---|---|---|");
      System.out.printf("| datoms between two versions | %.2f | %.2f | %.2f | %.2f | %d |%n", medians[0], medians[1],
          preparing[1 + runs / 2], medians[1] / medians[0], BenchSession.peakHeapMiB());
    }
  }

  private static String write(BenchSession bench, Dataset<Row> rows, String message) {
    rows.write().format("datom").option("table", "lb").option("repo", bench.remote).option("project", "BENCH")
        .option("message", message).mode("overwrite").save(bench.store);
    return bench.spark.sql("SELECT version FROM bench.lb.history").first().getString(0);
  }

  /** Materialises every row without collecting it: Spark's noop sink. */
  private static void scan(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }
}
