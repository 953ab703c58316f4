package io.datom.examples.bench.history;

import io.datom.core.DatomProject;
import io.datom.core.Snapshot;
import io.datom.core.VersionSpec;
import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.core.store.Store;
import io.datom.core.testing.CountingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Store requests and time to resolve a version (issue 15's target: at most 3 requests at any history length), for a
 * table of 10, 1,000 and 10,000 versions, in each form a read can name a version: the current one, a full
 * {@code metadata_sha}, a 12-character prefix, and an instant ({@code asOf}). The table's store mirror is written as
 * that many writes would leave it ({@code version_history.json} newest first, {@code metadata.json}); resolution reads
 * nothing else. A resolution here is what a read pays before Spark plans its scan: open the project, resolve.
 *
 * <p>Arguments: {@code [runs] [versions,...]}, default 20 runs and {@code 10,1000,10000}. Not a test: run it with the
 * command in {@code docs/benchmarks.md}.
 */
public final class ResolutionBenchmark {

  private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
  private static final String TABLE = "lb";

  private ResolutionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> lengths = Arrays.stream((args.length > 1 ? args[1] : "10,1000,10000").split(","))
        .map(String::trim).filter(s -> s.matches("[0-9]+")).map(Integer::parseInt).toList();
    Path work = Files.createTempDirectory("datom-resolution-bench-");
    System.out.printf("%s; %d runs per form; work in %s%n", HistoryBenchmark.load("load at start"), runs, work);
    System.out.println();
    System.out.println("| versions | history size | form | store requests | median | min |");
    System.out.println("|---:|---:|---|---:|---:|---:|");
    for (int versions : lengths) {
      LocalStore store = new LocalStore(work.resolve("v" + versions), null);
      List<String> shas = writeHistory(store, versions);
      String middle = shas.get(shas.size() / 2);
      int middleIndex = versions - 1 - shas.size() / 2; // 0 = oldest; version i was written at FIRST + i hours
      Map<String, VersionSpec> forms = new LinkedHashMap<>();
      forms.put("current", VersionSpec.current());
      forms.put("full sha (oldest)", VersionSpec.version(shas.get(shas.size() - 1)));
      forms.put("prefix (12 chars)", VersionSpec.version(middle.substring(0, 12)));
      forms.put("as of an instant", VersionSpec.asOf(FIRST.plusSeconds(middleIndex * 3600L + 1800)));
      long historyBytes = store.size(TABLE + "/.metadata/version_history.json").orElseThrow();
      for (Map.Entry<String, VersionSpec> form : forms.entrySet()) {
        for (int i = 0; i < 3; i++) {
          resolve(store, form.getValue()); // warm-up: JIT, page cache
        }
        List<Double> millis = new ArrayList<>();
        int requests = -1;
        for (int i = 0; i < runs; i++) {
          CountingStore counting = new CountingStore(store);
          long started = System.nanoTime();
          resolve(counting, form.getValue());
          millis.add((System.nanoTime() - started) / 1e6);
          requests = counting.requests();
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "| %,d | %,d KB | %s | %d | %.2f ms | %.2f ms |%n", versions,
            historyBytes / 1024, form.getKey(), requests, millis.get(millis.size() / 2), millis.get(0));
      }
    }
    System.out.println();
    System.out.println(HistoryBenchmark.load("load at end"));
  }

  private static Snapshot resolve(Store store, VersionSpec spec) {
    return DatomProject.open(store).table(TABLE).snapshot(spec);
  }

  /** The table's store mirror after {@code versions} writes; its versions, newest first. */
  private static List<String> writeHistory(Store store, int versions) {
    List<HistoryEntry> newestFirst = new ArrayList<>();
    TableMetadata metadata = null;
    Author author = new Author("History Generator", "generator@example.org");
    for (int i = 0; i < versions; i++) {
      String at = FIRST.plusSeconds(i * 3600L).toString();
      String dataSha = String.format("%064x", i + 1);
      String parquetSha = String.format("%064x", 1_000_000 + i);
      metadata = TableMetadata.builder().dataSha(dataSha).parquetSha(parquetSha).tableType(TableMetadata.DERIVED)
          .nrow(1000).colnames(List.of("USUBJID", "VISIT", "AVAL")).columnHashes(List.of()).createdAt(at)
          .datomVersion("0.1.1").sizeBytes(40_000 + i).build();
      newestFirst.add(HistoryEntry.of(metadata.version(), dataSha, at, author, "Extract " + i, parquetSha, null));
    }
    VersionHistory history = VersionHistory.empty();
    for (HistoryEntry entry : newestFirst) {
      history = history.prepend(entry);
    }
    store.writeJson(TABLE + "/.metadata/version_history.json", history.toStoreJson());
    store.writeJson(TABLE + "/.metadata/metadata.json", metadata.toJson());
    return history.entries().stream().map(e -> e.version().orElseThrow()).toList();
  }
}
