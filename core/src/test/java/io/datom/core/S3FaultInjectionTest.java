package io.datom.core;

import static org.junit.jupiter.api.Assertions.fail;

import io.datom.core.exceptions.DatomException;
import io.datom.core.exceptions.TableChangedException;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.FaultyHttpProxy;
import io.datom.core.testing.GitTimeline;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.core.testing.StoreWatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers whose S3 store is reached through {@link FaultyHttpProxy} in front of s3proxy: about one request in ten
 * (then, in a short storm, seven in ten) is answered 500 or 503 by the proxy, delayed, or dropped before or after it
 * reached s3proxy. A reader polls the store through the direct endpoint meanwhile.
 *
 * <p>What is asserted:
 *
 * <ul>
 *   <li>every write either lands (its version is then in git exactly once) or fails with a {@link DatomException}
 *       whose message is not blank, names the store when it is a store failure, and holds no credentials; an append
 *       refused with {@link TableChangedException} counts as a refusal, not a failure;
 *   <li>the reader never sees a document that does not parse, a current version its next-read history lacks or
 *       whose snapshot or object is missing, nor anything older (in git's commit order) than what it saw before;
 *   <li>every parquet object a version in git refers to is in the store with the recorded {@code parquet_sha}, and
 *       every JSON document under the tables' {@code .metadata/} parses;
 *   <li>after ONE more ordinary write through the direct endpoint (to a table no faulty write touched), store and
 *       git are equal: {@link ProjectValidator} finds nothing, without being asked to repair.
 * </ul>
 *
 * Seeded ({@code -Ddatom.faults.seed}); bounded by a deadline on the writes.
 */
@ExtendWith(S3ProxyExtension.class)
class S3FaultInjectionTest {

  private static final long SEED = Long.getLong("datom.faults.seed", 1103L);
  private static final String NAME = "STUDY_FAULTS";
  private static final GitIdentity AUTHOR = new GitIdentity("Fault Test", "faults@example.org");
  private static final List<String> TABLES = List.of("lb", "ae", "dm");
  private static final int THREADS = 3;
  private static final int WRITES = 8;
  private static final int STORM_WRITES = 6;
  /** In the storm most requests fail even after the S3 client's own retries, so writes fail part-way. */
  private static final double STORM_RATE = 0.7;
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path tmp;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void writesLandOrFailTypedAndTheStoreStaysWholeAndNeverGoesBack(S3ProxyServer s3) throws Exception {
    String bucket = s3.createBucket();
    BareGitRemote remote = BareGitRemote.createTemp();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Tally tally = new Tally();
    StoreWatcher watcher = null;
    try (FaultyHttpProxy proxy = FaultyHttpProxy.start(s3.endpoint(), SEED, 0.10);
        S3Store direct = new S3Store(s3.storeConfig(bucket).prefix("trial/").build());
        S3Store faulty = new S3Store(s3.storeConfig(bucket).prefix("trial/").endpoint(proxy.endpoint()).build())) {
      DatomWriter.create(options(remote, direct).build(), NewProject.named(NAME)).close();
      // s3proxy's filesystem backend rewrites a document in place (s3proxy #490); S3 itself replaces atomically.
      watcher = StoreWatcher.start(direct, StoreWatcher.Replacement.IN_PLACE, TABLES, Duration.ofMillis(50));
      long deadline = System.nanoTime() + DEADLINE.toNanos();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          done.add(pool.submit(() -> writeSome(remote, faulty, "t" + thread, WRITES, deadline, tally, problems)));
        }
        for (Future<?> future : done) {
          future.get(DEADLINE.toSeconds() + 60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      proxy.faultRate(STORM_RATE);
      writeSome(remote, faulty, "storm", STORM_WRITES, deadline + Duration.ofSeconds(30).toNanos(), tally, problems);
      proxy.faultRate(0);

      ValidationReport beforeRepair = ProjectValidator.validate(options(remote, direct).build(), false);
      try (DatomWriter repair = DatomWriter.open(options(remote, direct).build())) {
        repair.write(TestContent.of(tmp.resolve("repair"), "dm", 1, 2, 3).request("dm").build());
      }
      watcher.awaitNextPoll(Duration.ofSeconds(10));
      watcher.close();

      Map<FaultyHttpProxy.Fault, Integer> dealt = proxy.counts();
      if (dealt.values().stream().mapToInt(Integer::intValue).sum() == dealt.get(FaultyHttpProxy.Fault.NONE)) {
        problems.add("the proxy dealt no fault at all: the writers did not go through it");
      }
      ValidationReport afterRepair = ProjectValidator.validate(options(remote, direct).build(), false);
      if (!afterRepair.valid()) {
        problems.add("after one more write through the direct endpoint, store and git differ: "
            + afterRepair.found() + " (before that write: " + beforeRepair.found() + ")");
      }
      try (GitTimeline timeline = GitTimeline.clone(remote.url(), null, TABLES)) {
        problems.addAll(timeline.lostOrDuplicated(tally.acknowledged));
        timeline.backwardMoves(watcher).forEach(b -> problems.add("reader saw the past: " + b));
        for (String table : TABLES) {
          checkObjects(direct, table, timeline, problems);
        }
      }
      watcher.problems().forEach(p -> problems.add("reader: " + p));
      checkJsonParses(direct, problems);

      String summary = String.format("[s3 faults] seed %d: %d writes, landed %d, refused %d, failed typed %d %s; "
              + "proxy %s; validation before the last write: %s; reader polls %d, read errors %s",
          SEED, tally.attempted, tally.acknowledged.size(), tally.refused, tally.failures.size(),
          tally.failureKinds(), proxy.counts(), beforeRepair.found().isEmpty() ? "clean" : beforeRepair.found(),
          watcher.polls(), watcher.readErrors());
      System.out.println(summary);
      tally.failures.forEach(f -> System.out.println("  failed: " + f));
      if (!problems.isEmpty()) {
        fail(problems.size() + " problem(s) (seed " + SEED + "):\n  - " + String.join("\n  - ", problems) + "\n"
            + summary + "\nfailures: " + tally.failures);
      }
    } finally {
      if (watcher != null) {
        watcher.close();
      }
      remote.close();
    }
  }

  /** What the writes did. */
  private static final class Tally {
    final List<GitTimeline.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    int attempted;
    int refused;

    synchronized String failureKinds() {
      Map<String, Integer> kinds = new TreeMap<>();
      failures.forEach(f -> kinds.merge(f.substring(0, f.indexOf(':')), 1, Integer::sum));
      return kinds.toString();
    }
  }

  /** {@code writes} overwrites or appends (based on what the faulty store shows) of {@code lb} and {@code ae}. */
  private void writeSome(BareGitRemote remote, Store faulty, String who, int writes, long deadline, Tally tally,
      List<String> problems) {
    Random random = new Random(SEED ^ who.hashCode());
    DatomWriter writer = null;
    try {
      for (int i = 0; i < writes && System.nanoTime() < deadline; i++) {
        String table = random.nextBoolean() ? "lb" : "ae";
        boolean append = random.nextInt(10) < 6;
        synchronized (tally) {
          tally.attempted++;
        }
        try {
          if (writer == null) {
            writer = DatomWriter.open(options(remote, faulty).build());
          }
          WriteRequest.Builder request = TestContent.of(tmp.resolve(who + "-" + i), table, 20, i, Math.floorMod(who.hashCode(), 1000))
              .request(table).message(who + " #" + i);
          if (append) {
            Optional<String> base = faulty.read(ProjectLayout.storeMetadata(table))
                .map(b -> TableMetadata.parse(new String(b, StandardCharsets.UTF_8), table).version());
            request.basedOn(base.map(BaseVersion::of).orElseGet(BaseVersion::newTable));
          }
          WriteResult result = writer.write(request.build());
          if (result.action() != WriteAction.NONE) {
            tally.acknowledged.add(new GitTimeline.Acknowledged(who + "#" + i, table, result.metadataSha(),
                result.commitSha()));
          }
        } catch (TableChangedException refused) {
          synchronized (tally) {
            tally.refused++;
          }
        } catch (DatomException e) {
          tally.failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
          String message = String.valueOf(e.getMessage());
          if (message.isBlank()) {
            problems.add(who + " #" + i + ": " + e.getClass().getName() + " without a message");
          }
          if (message.contains(io.datom.core.testing.S3ProxyServer.SECRET_KEY)) {
            problems.add(who + " #" + i + ": the error message holds the secret key");
          }
          if (e instanceof io.datom.core.exceptions.StoreException && !message.contains(faulty.describe())) {
            problems.add(who + " #" + i + ": a store failure that does not name the store: " + message);
          }
        } catch (RuntimeException e) {
          problems.add(who + " #" + i + ": an untyped failure: " + e);
        }
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  /** Every object a version of {@code table} refers to is in the store with the recorded digest. */
  private static void checkObjects(Store store, String table, GitTimeline timeline, List<String> problems) {
    for (HistoryEntry entry : timeline.history(table).entries()) {
      if (entry.dataSha().isEmpty() || entry.parquetSha().filter(s -> !s.isEmpty()).isEmpty()) {
        continue;
      }
      String key = ProjectLayout.dataObject(table, entry.dataSha().get());
      if (!store.exists(key)) {
        problems.add("the object of " + table + " version " + entry.version().orElse("?") + " is missing: " + key);
        continue;
      }
      String actual = ParquetIntegrity.sha256(store, key);
      if (!actual.equals(entry.parquetSha().get())) {
        problems.add("the object " + key + " has sha256 " + actual + ", its version records "
            + entry.parquetSha().get());
      }
    }
  }

  /** Every JSON document under the tables' {@code .metadata/} and the manifest parses. */
  private static void checkJsonParses(Store store, List<String> problems) {
    List<String> keys = new ArrayList<>(List.of(ProjectLayout.STORE_MANIFEST));
    for (String table : TABLES) {
      store.list(table + "/.metadata/").stream().filter(k -> k.endsWith(".json")).forEach(keys::add);
    }
    for (String key : keys) {
      Optional<byte[]> bytes = store.read(key);
      if (bytes.isEmpty()) {
        continue;
      }
      try {
        JsonParser.parse(bytes.get(), key);
      } catch (DatomException e) {
        problems.add("store document " + key + " does not parse: " + e.getMessage());
      }
    }
  }

  private WriterOptions.Builder options(BareGitRemote remote, Store store) {
    return WriterOptions.builder(remote.url(), store)
        .credentials(GitCredentials.none())
        .author(AUTHOR)
        .workDir(tmp.resolve("clones"));
  }
}
