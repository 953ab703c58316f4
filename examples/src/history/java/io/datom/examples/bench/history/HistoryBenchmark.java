package io.datom.examples.bench.history;

import io.datom.core.repo.DataRepo;
import io.datom.core.repo.GitCredentials;
import io.datom.core.repo.GitIdentity;
import io.datom.core.repo.LocalRemote;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.write.DatomWriter;
import io.datom.core.write.NewProject;
import io.datom.core.write.WriteAction;
import io.datom.core.write.WriteRequest;
import io.datom.core.write.WriteResult;
import io.datom.core.write.WriteStep;
import io.datom.core.write.WriterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * How a 1,000-row write's cost depends on the project's history: projects of 10, 1,000 and 10,000 versions (and one
 * of 1,000 tables), each behind a {@code file://} remote and a smart-HTTP remote (JGit's servlet on Jetty, the tests'
 * {@link GitHttpServer}). A write is what a Spark save does in core: open a writer, write one version, close it.
 *
 * <p>Per project and remote it reports the first open (a full clone), the median write with kept clones (the
 * default) and its steps, a write to the project's biggest table (whose {@code version_history.json} is linear in its
 * own versions), the same write with a fresh clone each time (what every write did before clones were kept), and what
 * the periodic repacks cost.
 *
 * <p>Arguments: {@code [runs] [variants]}, default 5 runs and {@code 10,1000,10000,1000t}. Not a test: run it with
 * the command in {@code docs/benchmarks.md}.
 */
public final class HistoryBenchmark {

  private static final String TOKEN = "bench-token";
  private static final GitIdentity AUTHOR = new GitIdentity("Bench Writer", "bench@example.org");
  /** The measured table: five versions in every project, so that only the project's history differs. */
  private static final String TABLE = "dm";
  /** The project's biggest table. */
  private static final String BIG_TABLE = "lb";

  private final Path work;
  private final Path templates;
  private final int runs;
  private long seed;

  private HistoryBenchmark(Path work, Path templates, int runs) {
    this.work = work;
    this.templates = templates;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> variants = Arrays.asList((args.length > 1 ? args[1] : "10,1000,10000,1000t").split(","));
    Path work = Files.createTempDirectory("datom-history-bench-");
    // Generating the 10,000-version projects takes minutes: -Dbench.cache=DIR keeps them there for later runs.
    String cache = System.getProperty("bench.cache", "");
    Path templates = cache.isBlank() ? work.resolve("templates") : Path.of(cache).toAbsolutePath();
    System.out.printf("%s; %d runs; work in %s%n", load("load at start"), runs, work);
    HistoryBenchmark bench = new HistoryBenchmark(work, templates, runs);
    List<Result> results = new ArrayList<>();
    try (GitHttpServer http = GitHttpServer.start(TOKEN)) {
      for (String variant : variants) {
        Path template = bench.generate(variant);
        results.add(bench.measure(variant, template, null));
        results.add(bench.measure(variant, template, http));
        System.out.println(load("load after " + describe(variant)));
      }
    } finally {
      deleteRecursively(work);
    }
    report(results);
  }

  /** The tables of a variant and how many versions each gets. */
  static Map<String, Integer> layout(String variant) {
    Map<String, Integer> tables = new LinkedHashMap<>();
    tables.put(TABLE, 5);
    switch (variant) {
      case "10" -> tables.put(BIG_TABLE, 5);
      case "1000" -> {
        tables.put(BIG_TABLE, 95);
        others(tables, 9, 100);
      }
      case "10000" -> {
        tables.put(BIG_TABLE, 995);
        others(tables, 90, 100);
      }
      case "1000t" -> {
        tables.put(BIG_TABLE, 5);
        others(tables, 998, 10);
      }
      default -> throw new IllegalArgumentException("Unknown variant " + variant + "; use 10, 1000, 10000 or 1000t");
    }
    return tables;
  }

  private static void others(Map<String, Integer> tables, int count, int versions) {
    for (int i = 1; i <= count; i++) {
      tables.put(String.format(Locale.ROOT, "t%04d", i), versions);
    }
  }

  static String describe(String variant) {
    Map<String, Integer> tables = layout(variant);
    int versions = tables.values().stream().mapToInt(Integer::intValue).sum();
    return String.format(Locale.ROOT, "%,d versions, %,d tables", versions, tables.size());
  }

  /**
   * A project with the variant's history: a bare remote ({@code data.git}) and its store ({@code store-generated},
   * used at {@code store}, the folder its {@code project.yaml} names), generated unless the cache holds it.
   */
  private Path generate(String variant) throws Exception {
    Path dir = templates.resolve(variant);
    if (Files.isDirectory(dir.resolve("store-generated"))) {
      System.out.printf("%s (lb: %d versions): generated earlier, in %s%n", describe(variant),
          layout(variant).get(BIG_TABLE), dir);
      return dir;
    }
    deleteRecursively(dir);
    Files.createDirectories(dir);
    Path gitDir = dir.resolve("data.git");
    Git.init().setBare(true).setDirectory(gitDir.toFile()).setInitialBranch("master").call().close();
    LocalStore store = new LocalStore(dir.resolve("store"), null);
    long start = System.nanoTime();
    WriterOptions options = WriterOptions.builder(gitDir.toUri().toString(), store)
        .credentials(GitCredentials.none()).author(AUTHOR).workDir(dir.resolve("clones")).build();
    DatomWriter.create(options, NewProject.named("BENCH")).close();
    GeneratedHistory.generate(gitDir, store, dir.resolve("store").resolve("datom"), layout(variant));
    deleteRecursively(dir.resolve("clones"));
    copyRecursively(dir.resolve("store"), dir.resolve("store-generated"));
    System.out.printf("%s (lb: %d versions): generated in %.1f s, remote %,d KB%n", describe(variant),
        layout(variant).get(BIG_TABLE), (System.nanoTime() - start) / 1e9, bytes(gitDir) / 1024);
    return dir;
  }

  /** The writes of one project over one remote: {@code file://} when {@code http} is null. */
  private Result measure(String variant, Path template, GitHttpServer http) throws Exception {
    String kind = http == null ? "file" : "http";
    Path dir = Files.createDirectories(work.resolve(variant).resolve(kind));
    String url;
    Path gitDir;
    GitCredentials credentials;
    if (http == null) {
      gitDir = dir.resolve("data.git");
      url = gitDir.toUri().toString();
      credentials = GitCredentials.none();
    } else {
      BareGitRemote served = http.createRepository("bench-" + variant);
      gitDir = served.directory();
      deleteRecursively(gitDir);
      url = served.url();
      credentials = GitCredentials.token(TOKEN);
    }
    copyRecursively(template.resolve("data.git"), gitDir);
    // project.yaml names the store's folder, so each measurement starts from the generated store in that folder.
    Path storeDir = template.resolve("store");
    deleteRecursively(storeDir);
    copyRecursively(template.resolve("store-generated"), storeDir);
    LocalStore store = new LocalStore(storeDir, null);
    StepClock steps = new StepClock();
    WriterOptions.Builder options = WriterOptions.builder(url, store).credentials(credentials).author(AUTHOR)
        .observer(steps);
    Result result = new Result(variant, kind);

    WriterOptions kept = options.workDir(dir.resolve("clones")).build();
    long start = System.nanoTime();
    DatomWriter.open(kept).close();
    result.firstOpen = (System.nanoTime() - start) / 1e9;
    write(kept, TABLE, steps); // warm-up: JIT, page cache
    for (int i = 0; i < runs; i++) {
      result.writes.add(write(kept, TABLE, steps));
    }
    for (int i = 0; i < Math.max(1, runs / 2); i++) {
      result.bigTableWrites.add(write(kept, BIG_TABLE, steps));
    }
    for (int i = 0; i < Math.max(1, runs / 2); i++) {
      Path fresh = dir.resolve("fresh-" + i);
      result.freshCloneWrites.add(write(options.workDir(fresh).build(), TABLE, steps));
      deleteRecursively(fresh);
    }
    result.cloneRepack = repackClone(dir.resolve("clones"));
    result.remoteRepack = http == null ? repackRemote(url) : Double.NaN;
    result.remoteKb = bytes(gitDir) / 1024;
    store.close();
    System.out.printf(Locale.ROOT, "  %s: first open %.2f s, write %.3f s, %s write %.3f s, fresh clone %.3f s%n",
        kind, result.firstOpen, Result.median(result.writes, Run::total), BIG_TABLE,
        Result.median(result.bigTableWrites, Run::total), Result.median(result.freshCloneWrites, Run::total));
    return result;
  }

  /** One Spark-like write: open a writer, write a new version of {@code table}, close the writer. */
  private Run write(WriterOptions options, String table, StepClock steps) throws IOException {
    ThousandRows rows = ThousandRows.of(work.resolve("rows"), ++seed);
    steps.reset();
    long opening = System.nanoTime();
    DatomWriter writer = DatomWriter.open(options);
    long writing = System.nanoTime();
    WriteResult result;
    long closing;
    try {
      result = writer.write(WriteRequest.builder(table, rows.hash(), rows.object()).message("bench " + seed).build());
      closing = System.nanoTime();
    } finally {
      writer.close();
    }
    long end = System.nanoTime();
    if (result.action() != WriteAction.FULL) {
      throw new IllegalStateException("Expected a new version, got " + result.summary());
    }
    Files.delete(work.resolve("rows").resolve("rows-" + seed + ".parquet"));
    Map<WriteStep, Double> bySteps = new LinkedHashMap<>();
    for (WriteStep step : WriteStep.values()) {
      bySteps.put(step, steps.seconds(step));
    }
    double write = (closing - writing) / 1e9;
    return new Run((end - opening) / 1e9, (writing - opening) / 1e9, write - steps.total(), (end - closing) / 1e9,
        bySteps);
  }

  /** Seconds to repack the kept clone, as its writer does every so many writes. */
  private static double repackClone(Path workDir) throws IOException {
    try (Stream<Path> pools = Files.list(workDir.resolve("datom-clones"))) {
      Path slot = pools.findFirst().orElseThrow().resolve("slot-0");
      try (DataRepo clone = DataRepo.open(slot, GitCredentials.none())) {
        long start = System.nanoTime();
        clone.repackIfDue(-1, Integer.MAX_VALUE);
        return (System.nanoTime() - start) / 1e9;
      }
    }
  }

  /** Seconds to repack the local remote, as a writer does every {@link LocalRemote#DEFAULT_PACK_LIMIT} pushes. */
  private static double repackRemote(String url) {
    long start = System.nanoTime();
    LocalRemote.of(url).orElseThrow().repackIfDue(0);
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * One timed write, in seconds: the whole (open, write, close), the open, the write's upkeep (what {@code write}
   * spends outside its steps) and the close, and each step.
   */
  record Run(double total, double open, double upkeep, double close, Map<WriteStep, Double> bySteps) {}

  /** The timings of one project over one remote. */
  static final class Result {
    final String variant;
    final String remote;
    double firstOpen;
    double cloneRepack;
    double remoteRepack;
    long remoteKb;
    final List<Run> writes = new ArrayList<>();
    final List<Run> bigTableWrites = new ArrayList<>();
    final List<Run> freshCloneWrites = new ArrayList<>();

    Result(String variant, String remote) {
      this.variant = variant;
      this.remote = remote;
    }

    static double median(List<Run> runs, ToDoubleFunction<Run> value) {
      double[] values = runs.stream().mapToDouble(value).sorted().toArray();
      return values.length == 0 ? Double.NaN : values[values.length / 2];
    }
  }

  private static void report(List<Result> results) {
    System.out.println();
    System.out.println("| project | remote | first open (clone) | write, kept clone | vs. 10 versions | write to lb "
        + "| write, fresh clone (as before) | repack clone | repack remote | remote size |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    Map<String, Double> baseline = new LinkedHashMap<>();
    for (Result r : results) {
      double write = Result.median(r.writes, Run::total);
      if (r.variant.equals("10")) {
        baseline.put(r.remote, write);
      }
      Double base = baseline.get(r.remote);
      System.out.printf(Locale.ROOT, "| %s (lb %d) | %s | %.2f s | %.3f s | %s | %.3f s | %.3f s | %.2f s | %s | %,d KB |%n",
          describe(r.variant), layout(r.variant).get(BIG_TABLE), r.remote, r.firstOpen, write,
          base == null ? "–" : String.format(Locale.ROOT, "%.2f×", write / base),
          Result.median(r.bigTableWrites, Run::total), Result.median(r.freshCloneWrites, Run::total), r.cloneRepack,
          Double.isNaN(r.remoteRepack) ? "–" : String.format(Locale.ROOT, "%.2f s", r.remoteRepack), r.remoteKb);
    }
    System.out.println();
    StringBuilder header = new StringBuilder("| project | remote | open |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (WriteStep step : WriteStep.values()) {
      header.append(' ').append(step.name().toLowerCase(Locale.ROOT)).append(" |");
      rule.append("---|");
    }
    System.out.println(header.append(" upkeep | close |"));
    System.out.println(rule.append("---|---|"));
    for (Result r : results) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.1f |", describe(r.variant),
          r.remote, 1000 * Result.median(r.writes, Run::open)));
      for (WriteStep step : WriteStep.values()) {
        row.append(String.format(Locale.ROOT, " %.1f |",
            1000 * Result.median(r.writes, run -> run.bySteps().get(step))));
      }
      row.append(String.format(Locale.ROOT, " %.1f | %.1f |", 1000 * Result.median(r.writes, Run::upkeep),
          1000 * Result.median(r.writes, Run::close)));
      System.out.println(row);
    }
    System.out.println("(milliseconds, medians of the kept-clone writes)");
    System.out.println(load("load at end"));
  }

  private static String load(String label) {
    try {
      return label + ": " + Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min averages; "
          + Runtime.getRuntime().availableProcessors() + " cores)";
    } catch (IOException unavailable) {
      return label + ": unknown";
    }
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
