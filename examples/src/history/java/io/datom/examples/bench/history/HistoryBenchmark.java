package io.datom.examples.bench.history;

import io.datom.core.DatomWriter;
import io.datom.core.GitCredentials;
import io.datom.core.GitIdentity;
import io.datom.core.NewProject;
import io.datom.core.WriterOptions;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;

/**
 * How a 1,000-row write's cost depends on the project's history: projects of 10, 1,000 and 10,000 versions (and one
 * of 1,000 tables), each behind a {@code file://} remote and a smart-HTTP remote (JGit's servlet on Jetty, the tests'
 * {@link GitHttpServer}). A write is what a Spark save does in core: open a writer, write one version, close it.
 *
 * <p>Per project and remote it reports the first open (a shallow clone), the median write with kept clones (the
 * default) and its steps, a write to the project's biggest table (whose {@code version_history.json} is linear in its
 * own versions), the same write with a new shallow clone each time, a full clone (what every write paid before
 * clones were kept), and what the occasional full repacks cost. All projects and remotes take turns, write by write, so that a machine whose load
 * changes loads them all alike.
 *
 * <p>Arguments: {@code [runs] [variants]}, default 5 runs and {@code 10,100,1000,10000,1000t} (100 has the 92 tables
 * of 10000 with one version each; 1000t is 1,000 tables). Not a test: run it with the command in
 * {@code docs/benchmarks.md}.
 */
public final class HistoryBenchmark {

  private static final String TOKEN = "bench-token";
  private static final GitIdentity AUTHOR = new GitIdentity("Bench Writer", "bench@example.org");
  /** The measured table: five versions in every project, so that only the project's history differs. */
  static final String TABLE = "dm";
  /** The project's biggest table. */
  static final String BIG_TABLE = "lb";

  private final Path work;
  private final Path templates;
  private long seed;

  private HistoryBenchmark(Path work, Path templates) {
    this.work = work;
    this.templates = templates;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> variants = Arrays.asList((args.length > 1 ? args[1] : "10,100,1000,10000,1000t").split(","));
    Path work = Files.createTempDirectory("datom-history-bench-");
    // Generating the 10,000-version projects takes minutes: -Dbench.cache=DIR keeps them there for later runs.
    String cache = System.getProperty("bench.cache", "");
    Path templates = cache.isBlank() ? work.resolve("templates") : Path.of(cache).toAbsolutePath();
    System.out.printf("%s; %d runs; work in %s%n", load("load at start"), runs, work);
    HistoryBenchmark bench = new HistoryBenchmark(work, templates);
    List<Station> stations = new ArrayList<>();
    try (GitHttpServer http = GitHttpServer.start(TOKEN)) {
      for (String variant : variants) {
        Path template = bench.generate(variant);
        Path dir = work.resolve(variant);
        Path fileRemote = dir.resolve("file").resolve("data.git");
        stations.add(new Station(variant, "file", template, dir.resolve("file"), fileRemote,
            fileRemote.toUri().toString(), null));
        BareGitRemote served = http.createRepository("bench-" + variant);
        Files2.deleteRecursively(served.directory());
        stations.add(new Station(variant, "http", template, dir.resolve("http"), served.directory(), served.url(),
            TOKEN));
      }
      // Every measurement takes turns over all projects and remotes, so that each sees the same background load.
      bench.rounds(stations, 1, TABLE, Station::write, null); // warm-up: JIT, page cache
      bench.rounds(stations, runs, TABLE, Station::write, station -> station.writes);
      bench.rounds(stations, Math.max(1, runs / 2), BIG_TABLE, Station::write, station -> station.bigTableWrites);
      bench.rounds(stations, Math.max(1, runs / 2), TABLE, Station::writeWithFreshClone,
          station -> station.freshCloneWrites);
      for (int round = 0; round < Math.max(1, runs / 3); round++) {
        for (Station station : stations) {
          station.fullClones.add(station.fullClone());
        }
      }
      for (Station station : stations) {
        station.timeRepacks();
        station.close();
      }
    } finally {
      Files2.deleteRecursively(work);
    }
    BenchReport.print(stations);
    System.out.println(load("load at end"));
  }

  private interface Writing {
    Station.Run write(Station station, String table, ThousandRows rows);
  }

  /** {@code count} rounds of one write per station; {@code into} collects the runs (none for a warm-up). */
  private void rounds(List<Station> stations, int count, String table, Writing writing,
      Function<Station, List<Station.Run>> into) throws IOException {
    for (int round = 0; round < count; round++) {
      for (Station station : stations) {
        ThousandRows rows = ThousandRows.of(work.resolve("rows"), ++seed);
        Station.Run run = writing.write(station, table, rows);
        Files.delete(work.resolve("rows").resolve("rows-" + seed + ".parquet"));
        if (into != null) {
          into.apply(station).add(run);
        }
      }
    }
  }

  /** The tables of a variant and how many versions each gets. */
  static Map<String, Integer> layout(String variant) {
    Map<String, Integer> tables = new LinkedHashMap<>();
    tables.put(TABLE, 5);
    switch (variant) {
      case "10" -> tables.put(BIG_TABLE, 5);
      case "100" -> {
        // As many tables as the 10,000-version project, with one version each: the same working tree, no history.
        tables.put(BIG_TABLE, 5);
        others(tables, 90, 1);
      }
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
      default -> throw new IllegalArgumentException(
          "Unknown variant " + variant + "; use 10, 100, 1000, 10000 or 1000t");
    }
    return tables;
  }

  private static void others(Map<String, Integer> tables, int count, int versions) {
    for (int i = 1; i <= count; i++) {
      tables.put(String.format(Locale.ROOT, "t%04d", i), versions);
    }
  }

  /** The variant as a reader of the report sees it. */
  static String describe(String variant) {
    Map<String, Integer> tables = layout(variant);
    int versions = tables.values().stream().mapToInt(Integer::intValue).sum();
    return String.format(Locale.ROOT, "%,d versions, %,d tables", versions, tables.size());
  }

  /**
   * A project with the variant's history: a bare remote ({@code data.git}) and its store ({@code store-generated}),
   * generated unless the cache holds it.
   */
  private Path generate(String variant) throws Exception {
    Path dir = templates.resolve(variant);
    if (Files.isDirectory(dir.resolve("store-generated"))) {
      System.out.printf("%s (lb: %d versions): generated earlier, in %s%n", describe(variant),
          layout(variant).get(BIG_TABLE), dir);
      return dir;
    }
    Files2.deleteRecursively(dir);
    Files.createDirectories(dir);
    Path gitDir = dir.resolve("data.git");
    Git.init().setBare(true).setDirectory(gitDir.toFile()).setInitialBranch("master").call().close();
    LocalStore store = new LocalStore(dir.resolve("store"), null);
    long start = System.nanoTime();
    WriterOptions options = WriterOptions.builder(gitDir.toUri().toString(), store)
        .credentials(GitCredentials.none()).author(AUTHOR).workDir(dir.resolve("clones")).build();
    DatomWriter.create(options, NewProject.named("BENCH")).close();
    GeneratedHistory.generate(gitDir, store, dir.resolve("store").resolve("datom"), layout(variant));
    Files2.deleteRecursively(dir.resolve("clones"));
    Files.move(dir.resolve("store"), dir.resolve("store-generated"));
    System.out.printf("%s (lb: %d versions): generated in %.1f s, remote %,d KB%n", describe(variant),
        layout(variant).get(BIG_TABLE), (System.nanoTime() - start) / 1e9, Files2.bytes(gitDir) / 1024);
    return dir;
  }

  static String load(String label) {
    try {
      return label + ": " + Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min averages; "
          + Runtime.getRuntime().availableProcessors() + " cores)";
    } catch (IOException unavailable) {
      return label + ": unknown";
    }
  }
}
