package io.datom.examples.bench.history;

import io.datom.core.WriteStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the benchmark's tables in Markdown, for docs/benchmarks.md. */
final class BenchReport {

  private BenchReport() {}

  static void print(List<Station> stations) {
    System.out.println();
    System.out.println("| project | remote | first open | write (kept clone), median | vs. 10 versions | mean "
        + "| write to lb | write, new shallow clone | full clone (every write before) | repack clone "
        + "| full repack of remote | remote size |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Map<String, Double> baseline = new LinkedHashMap<>();
    for (Station s : stations) {
      double write = median(s.writes, Station.Run::total);
      if (s.variant.equals("10")) {
        baseline.put(s.remote, write);
      }
      if (s.variant.equals("100")) {
        baseline.put(s.remote + "/92", write);
      }
      Double base = baseline.get(s.remote);
      Double sameTables = s.variant.equals("10000") ? baseline.get(s.remote + "/92") : null;
      System.out.printf(Locale.ROOT,
          "| %s | %s | %.2f s | %.3f s | %s | %.3f s | %.3f s | %.3f s | %.2f s | %.2f s | %s | %,d KB |%n",
          HistoryBenchmark.describe(s.variant) + " (lb " + HistoryBenchmark.layout(s.variant).get(
              HistoryBenchmark.BIG_TABLE) + ")",
          s.remote, s.firstOpen, write, base == null ? "–" : String.format(Locale.ROOT, "%.2f×", write / base)
              + (sameTables == null ? "" : String.format(Locale.ROOT, " (%.2f× 100 versions)", write / sameTables)),
          s.writes.stream().mapToDouble(Station.Run::total).average().orElse(Double.NaN),
          median(s.bigTableWrites, Station.Run::total), median(s.freshCloneWrites, Station.Run::total),
          s.fullClones.stream().mapToDouble(Double::doubleValue).sorted().skip(s.fullClones.size() / 2).findFirst()
              .orElse(Double.NaN),
          s.cloneRepack, Double.isNaN(s.remoteRepack) ? "–" : String.format(Locale.ROOT, "%.2f s", s.remoteRepack),
          s.remoteKb);
    }
    System.out.println();
    StringBuilder header = new StringBuilder("| project | remote | open |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (WriteStep step : WriteStep.values()) {
      if (step != WriteStep.PUSH_REJECTED) {
        header.append(' ').append(step.name().toLowerCase(Locale.ROOT)).append(" |");
        rule.append("---:|");
      }
    }
    System.out.println(header.append(" upkeep | close |"));
    System.out.println(rule.append("---:|---:|"));
    for (Station s : stations) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.1f |",
          HistoryBenchmark.describe(s.variant), s.remote, 1000 * median(s.writes, Station.Run::open)));
      for (WriteStep step : WriteStep.values()) {
        if (step != WriteStep.PUSH_REJECTED) {
          row.append(String.format(Locale.ROOT, " %.1f |", 1000 * median(s.writes, run -> run.bySteps().get(step))));
        }
      }
      row.append(String.format(Locale.ROOT, " %.1f | %.1f |", 1000 * median(s.writes, Station.Run::upkeep),
          1000 * median(s.writes, Station.Run::close)));
      System.out.println(row);
    }
    System.out.println("(milliseconds, medians of the kept-clone writes)");
  }

  static double median(List<Station.Run> runs, ToDoubleFunction<Station.Run> value) {
    double[] values = runs.stream().mapToDouble(value).sorted().toArray();
    return values.length == 0 ? Double.NaN : values[values.length / 2];
  }
}
