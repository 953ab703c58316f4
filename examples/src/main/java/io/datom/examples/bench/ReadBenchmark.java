package io.datom.examples.bench;

import static org.apache.spark.sql.functions.col;

import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads one clinical-shaped version through {@code format("datom")} and the same rows written by a plain
 * {@code df.write.parquet} (Spark's default layout) through {@code spark.read.parquet}, for a full scan and for a
 * selective filter on two columns, and prints the medians and their ratio.
 *
 * <p>Arguments: {@code [rows] [runs]}, default 10,000,000 rows and 5 runs. See {@code docs/benchmarks.md}.
 */
public final class ReadBenchmark {

  private ReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSession.argOrDefault(args, 0, 10_000_000L);
    int runs = (int) BenchSession.argOrDefault(args, 1, 5);
    try (BenchSession bench = new BenchSession("read")) {
      Dataset<Row> lab = LabTable.generate(bench.spark, rows, 1);
      lab.write().format("datom").option("table", "lb").option("repo", bench.remote)
          .option("project", "BENCH").mode("overwrite").save(bench.store);
      String plainDir = bench.work.resolve("plain").toString();
      lab.write().parquet(plainDir);

      Dataset<Row> datom = bench.spark.read().format("datom").option("table", "lb").load(bench.store);
      Dataset<Row> plain = bench.spark.read().parquet(plainDir);
      Function<Dataset<Row>, Dataset<Row>> fullScan = df -> df;
      Function<Dataset<Row>, Dataset<Row>> selective =
          df -> df.where(col("LBTESTCD").equalTo("ALT").and(col("LBSTRESN").gt(990.0)));

      System.out.printf("%n| read (%,d rows, median of %d) | plain parquet (s) | datom (s) | ratio |%n", rows, runs);
      System.out.println("|---|---|---|---|");
      report("full scan", runs, plain, datom, fullScan);
      report("filter on LBTESTCD and LBSTRESN", runs, plain, datom, selective);
    }
  }

  private static void report(String name, int runs, Dataset<Row> plain, Dataset<Row> datom,
      Function<Dataset<Row>, Dataset<Row>> query) {
    double plainSeconds = Timing.medianSeconds(runs, () -> scan(query.apply(plain)));
    double datomSeconds = Timing.medianSeconds(runs, () -> scan(query.apply(datom)));
    System.out.printf("| %s | %.2f | %.2f | %.2f |%n", name, plainSeconds, datomSeconds, datomSeconds / plainSeconds);
  }

  /** Materialises every selected row without collecting it: Spark's noop sink. */
  private static void scan(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }
}
