package io.datom.examples.stress;

import io.datom.core.GitCredentials;
import io.datom.core.ProjectValidator;
import io.datom.core.ValidationReport;
import io.datom.core.WriterOptions;
import io.datom.core.testing.GitTimeline;
import io.datom.core.testing.StoreWatcher;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.write.StressWriterMain;
import io.datom.spark.write.WriterProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The concurrent-writers stress command (docs/benchmarks.md, "Concurrent writers"): N writer JVMs ({@link StressWriterMain},
 * each a {@code local[1]} Spark session) make M small writes each to one project, while a reader polls the store;
 * some writers stall between their push and their mirror, and K of them are killed ({@code kill -9}) at random
 * points, each replaced by a spare JVM that goes on with the killed one's remaining writes. Afterwards git's history is
 * cloned and everything the reader saw is judged against git's commit order.
 *
 * <p>Arguments: {@code [writers] [writes] [kills] [seed]}, default 6, 8, 3, 1. By default the project is new: a local
 * store and a {@code file://} bare remote in a temporary directory, deleted at the end ({@code -Dstress.keep=true}
 * keeps it). {@code -Dstress.store=} and {@code -Dstress.repo=} (an empty remote) point it elsewhere; {@code spark.*}
 * system properties (S3A settings as {@code spark.hadoop.fs.s3a.*}) go to every writer and {@code spark.hadoop.*} to
 * the reader too; the writers inherit {@code DATOM_GIT_TOKEN}.
 *
 * <p>Exit status 0 when nothing acknowledged was lost, the reader never saw the past, the racing creators all
 * succeeded, no write failed but for refused appends, and the project validates clean; 1 otherwise.
 */
public final class ConcurrentWritersStress {

  private static final String PROJECT = "STRESS";
  private static final List<String> SHARED = List.of("lb", "ae");
  private static final List<String> TABLES = List.of("lb", "ae", "dm");
  private static final Duration READY = Duration.ofMinutes(5);
  private static final Duration WRITE = Duration.ofMinutes(12);

  private ConcurrentWritersStress() {}

  public static void main(String[] args) throws Exception {
    int writers = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int kills = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    Path work = Dirs.temp("datom-stress-");
    int status;
    try {
      String store = System.getProperty("stress.store", work.resolve("store").toString());
      String repo = System.getProperty("stress.repo");
      if (repo == null) {
        Path bare = work.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        repo = bare.toUri().toString();
      }
      status = new Run(work, store, repo, writers, writes, kills, seed).execute();
    } finally {
      if (!Boolean.getBoolean("stress.keep")) {
        Dirs.delete(work);
      } else {
        System.out.println("kept " + work);
      }
    }
    System.exit(status);
  }

  /** A write a writer is told to make, and whether and how it is killed during it. */
  private record Command(int seq, String table, String mode, long pauseMillis, Kill kill) {
    String line() {
      return "WRITE " + seq + " " + table + " " + mode + " " + pauseMillis;
    }
  }

  /** Killed right after the push (during a long stall, so between push and mirror), or after a delay. */
  private record Kill(boolean afterPush, long delayMillis) {}

  /** A kill that happened: when, and git's head at that moment. */
  private record Crash(String what, String table, long atNanos, Optional<String> headAtKill) {}

  private static final class Run {
    private final Path work;
    private final String store;
    private final String repo;
    private final int writerCount;
    private final int writes;
    private final int killCount;
    private final long seed;
    private final Random random;
    private final String token = System.getenv(GitCredentials.TOKEN_ENV);
    private final Map<String, String> sparkProps = new LinkedHashMap<>();
    private final Configuration hadoop = new Configuration();
    private final List<WriterProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final Queue<WriterProcess> spares = new ConcurrentLinkedQueue<>();
    private final WriterProcess[] writers;
    private final List<GitTimeline.Acknowledged> acks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> creatorFailures = Collections.synchronizedList(new ArrayList<>());
    private final List<Crash> crashes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger maxAttempts = new AtomicInteger();
    private final AtomicInteger maxLandMillis = new AtomicInteger();
    private final AtomicInteger maxWriteMillis = new AtomicInteger();
    private final AtomicInteger maxStartMillis = new AtomicInteger();
    private StoreWatcher watcher;

    Run(Path work, String store, String repo, int writers, int writes, int kills, long seed) {
      this.work = work;
      this.store = store;
      this.repo = repo;
      this.writerCount = writers;
      this.writes = writes;
      this.killCount = kills;
      this.seed = seed;
      this.random = new Random(seed);
      this.writers = new WriterProcess[writers];
      System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.")).sorted()
          .forEach(k -> sparkProps.put(k, System.getProperty(k)));
      sparkProps.forEach((k, v) -> {
        if (k.startsWith("spark.hadoop.")) {
          hadoop.set(k.substring("spark.hadoop.".length()), v);
        }
      });
    }

    int execute() throws IOException {
      long began = System.nanoTime();
      Path log4j = work.resolve("writer-log4j2.properties");
      Files.writeString(log4j, String.join("\n", "rootLogger.level = warn", "rootLogger.appenderRef.err.ref = err",
          "appender.err.type = Console", "appender.err.name = err", "appender.err.target = SYSTEM_ERR",
          "appender.err.layout.type = PatternLayout", "appender.err.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n",
          "logger.datom.name = io.datom", "logger.datom.level = info", ""), StandardCharsets.UTF_8);
      System.out.printf("datom concurrent writers: %d writer JVMs x %d writes, %d kills, seed %d%n  store %s%n"
          + "  repo  %s%n", writerCount, writes, killCount, seed, store, repo);
      HadoopStore reading = HadoopStore.at(store, hadoop);
      try {
        for (int w = 0; w < writerCount; w++) {
          writers[w] = launch("w" + w, log4j);
        }
        for (int s = 0; s < killCount; s++) {
          spares.add(launch("spare" + s, log4j));
        }
        for (WriterProcess writer : writers) {
          maxStartMillis.accumulateAndGet((int) writer.awaitReady(READY), Math::max);
        }
        System.out.printf("  %d writer JVMs up (+%d spares) in %.1f s%n", writerCount, killCount,
            (System.nanoTime() - began) / 1e9);
        // s3proxy's filesystem backend rewrites a document in place (s3proxy #490); S3 itself replaces atomically.
        watcher = StoreWatcher.start(reading, store.startsWith("s3a:") ? StoreWatcher.Replacement.IN_PLACE
            : StoreWatcher.Replacement.ATOMIC, TABLES, Duration.ofMillis(75));
        long stressStart = System.nanoTime();
        racingCreators();
        stress();
        execute(0, new Command(999, "dm", "overwrite", 0, null));
        watcher.awaitNextPoll(Duration.ofSeconds(30));
        watcher.close();
        double stressSeconds = (System.nanoTime() - stressStart) / 1e9;
        return report(reading, began, stressSeconds);
      } finally {
        if (watcher != null) {
          watcher.close();
        }
        synchronized (started) {
          started.forEach(WriterProcess::close);
        }
      }
    }

    private WriterProcess launch(String name, Path log4j) {
      WriterProcess jvm = WriterProcess.start(name, work.resolve("jvm-" + name), log4j, List.of(name, store, repo, PROJECT),
          sparkProps, token == null ? Map.of() : Map.of(GitCredentials.TOKEN_ENV, token));
      started.add(jvm);
      return jvm;
    }

    /** Every writer's first write goes to the empty remote within half a second, all naming the same project. */
    private void racingCreators() {
      for (int w = 0; w < writerCount; w++) {
        writers[w].send(new Command(1, SHARED.get(w % SHARED.size()), "overwrite", 0, null).line());
        sent.incrementAndGet();
        sleep(500 / Math.max(1, writerCount - 1));
      }
      parallel(w -> {
        String outcome = awaitOutcome(w, 1);
        record(w, 1, outcome);
        if (!outcome.startsWith("ACK")) {
          creatorFailures.add("w" + w + ": " + outcome);
        }
      });
    }

    private void stress() {
      Set<Integer> killAt = new HashSet<>();
      while (killAt.size() < Math.min(killCount, writerCount * writes)) {
        killAt.add(random.nextInt(writerCount * writes));
      }
      List<List<Command>> plans = new ArrayList<>();
      int k = 0;
      for (int w = 0; w < writerCount; w++) {
        List<Command> plan = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
          String table = SHARED.get(random.nextInt(SHARED.size()));
          String mode = random.nextInt(10) < 6 ? "append" : "overwrite";
          long pause = random.nextInt(10) < 3 ? 200 + random.nextInt(1300) : 0;
          Kill kill = null;
          if (killAt.contains(w * writes + i)) {
            boolean afterPush = k++ % 2 == 0;
            kill = afterPush ? new Kill(true, 0) : new Kill(false, 100 + random.nextInt(1500));
            if (afterPush) {
              mode = "overwrite"; // an overwrite is never refused, so it does reach its push
              pause = 60_000;
            }
          }
          plan.add(new Command(10 + i, table, mode, pause, kill));
        }
        plans.add(plan);
      }
      parallel(w -> plans.get(w).forEach(command -> execute(w, command)));
    }

    private void execute(int w, Command command) {
      WriterProcess writer = writers[w];
      writer.send(command.line());
      sent.incrementAndGet();
      if (command.kill() == null) {
        record(w, command.seq(), awaitOutcome(w, command.seq()));
        return;
      }
      String seen = command.kill().afterPush()
          ? writer.awaitLine(l -> l.startsWith("PUSHED " + command.seq() + " ") || isOutcome(l, command.seq()), WRITE)
          : writer.awaitLine(l -> isOutcome(l, command.seq()), Duration.ofMillis(command.kill().delayMillis()));
      long at = System.nanoTime();
      writer.kill();
      Optional<String> head = remoteHead();
      crashes.add(new Crash("w" + w + " #" + command.seq() + (command.kill().afterPush() ? " between push and mirror"
          : " " + command.kill().delayMillis() + " ms into the write") + (seen == null ? "" : " (" + seen.split(" ")[0]
          + ")"), command.table(), at, head));
      if (seen != null && isOutcome(seen, command.seq())) {
        record(w, command.seq(), seen);
      }
      WriterProcess spare = spares.poll();
      writers[w] = spare != null ? spare : launch("w" + w + "-again", work.resolve("writer-log4j2.properties"));
      maxStartMillis.accumulateAndGet((int) writers[w].awaitReady(READY), Math::max);
    }

    private String awaitOutcome(int w, int seq) {
      WriterProcess writer = writers[w];
      String line = writer.awaitLine(l -> isOutcome(l, seq), WRITE);
      if (line == null) {
        writer.kill();
        return "FAIL " + seq + " ? Hung no outcome within " + WRITE + writer.logTail();
      }
      return line.equals(WriterProcess.ENDED) ? "FAIL " + seq + " ? Died" + writer.logTail() : line;
    }

    private void record(int w, int seq, String line) {
      String[] f = line.split(" ");
      if (f[0].equals("ACK")) {
        if (!f[3].equals("none")) {
          acks.add(new GitTimeline.Acknowledged("w" + w + "#" + seq, f[2], f[4], f[5]));
        }
        maxAttempts.accumulateAndGet(Integer.parseInt(f[6]), Math::max);
        maxLandMillis.accumulateAndGet(Integer.parseInt(f[7]), Math::max);
        maxWriteMillis.accumulateAndGet(Integer.parseInt(f[8]), Math::max);
      } else if (f.length > 3 && f[3].equals("TableChangedException")) {
        refused.add("w" + w + "#" + seq);
      } else if (seq != 1) {
        failed.add("w" + w + " #" + seq + ": " + line);
      }
    }

    private static boolean isOutcome(String line, int seq) {
      return line.startsWith("ACK " + seq + " ") || line.startsWith("FAIL " + seq + " ");
    }

    private Optional<String> remoteHead() {
      try {
        Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(repo).setHeads(true)
            .setCredentialsProvider(token == null ? null : new UsernamePasswordCredentialsProvider("git", token))
            .callAsMap();
        return refs.values().stream().findFirst().map(ref -> ref.getObjectId().getName());
      } catch (Exception e) {
        return Optional.empty();
      }
    }

    private int report(HadoopStore reading, long began, double stressSeconds) {
      WriterOptions options = WriterOptions.builder(repo, reading)
          .credentials(GitCredentials.resolve(null))
          .workDir(work.resolve("validator"))
          .build();
      ValidationReport validation = ProjectValidator.validate(options, false);
      List<String> lost;
      List<GitTimeline.Backward> backward;
      List<String> convergence = new ArrayList<>();
      double maxConvergence = 0;
      boolean neverConverged = false;
      int commits;
      try (GitTimeline timeline = GitTimeline.clone(repo, token, TABLES)) {
        lost = timeline.lostOrDuplicated(acks);
        backward = timeline.backwardMoves(watcher);
        commits = timeline.commits().size();
        for (Crash crash : crashes) {
          Optional<Double> seconds = converged(timeline, crash);
          convergence.add(crash.what() + ": " + seconds.map(s -> String.format("%.2f s", s)).orElse("never"));
          if (seconds.isPresent()) {
            maxConvergence = Math.max(maxConvergence, seconds.get());
          } else {
            neverConverged = true;
          }
        }
      }
      List<String> readerProblems = watcher.problems();
      int total = sent.get();
      System.out.printf("%n  writers x writes    %d x %d (+%d creating the project at once, +1 final write): %d writes"
          + "%n", writerCount, writes, writerCount, total);
      System.out.printf("  landed              %d%n", acks.size());
      System.out.printf("  refused             %d (appends whose base version another writer replaced: "
          + "TableChangedException, nothing recorded)%n", refused.size());
      System.out.printf("  failed              %d%s%n", failed.size() + creatorFailures.size(),
          failed.isEmpty() && creatorFailures.isEmpty() ? "" : " " + concat(creatorFailures, failed));
      System.out.printf("  killed              %d (their writes neither acknowledged nor counted above)%n",
          crashes.size());
      System.out.printf("  lost                %d%s%n", lost.size(), lost.isEmpty() ? "" : " " + lost);
      System.out.printf("  backward            %d (reader: %d polls every 75 ms, %s read errors)%n",
          backward.size(), watcher.polls(), watcher.readErrors());
      backward.forEach(b -> System.out.println("    " + b));
      System.out.printf("  reader problems     %d%n", readerProblems.size());
      readerProblems.forEach(p -> System.out.println("    " + p));
      System.out.printf("  max attempts        %d%n", maxAttempts.get());
      System.out.printf("  max commit latency  %.2f s (first protocol step to push, retries included); slowest "
          + "write %.2f s%n", maxLandMillis.get() / 1e3, maxWriteMillis.get() / 1e3);
      System.out.printf("  store converged     %s after a crash (max)%s%n",
          neverConverged ? "NEVER" : String.format("%.2f s", maxConvergence),
          convergence.isEmpty() ? "" : "\n    " + String.join("\n    ", convergence));
      System.out.printf("  validation          %s (%d commits)%n", validation.valid() ? "clean" : validation.found(),
          commits);
      System.out.printf("  elapsed             %.1f s (writes %.1f s, slowest JVM start %.1f s)%n",
          (System.nanoTime() - began) / 1e9, stressSeconds, maxStartMillis.get() / 1e3);
      boolean pass = lost.isEmpty() && backward.isEmpty() && readerProblems.isEmpty() && failed.isEmpty()
          && creatorFailures.isEmpty() && validation.valid() && !neverConverged;
      System.out.println(pass ? "PASS" : "FAIL");
      return pass ? 0 : 1;
    }

    /**
     * Seconds from the kill until the reader first saw the killed write's table at least as new as git had it at
     * that moment (0 when the store already was); empty if it never did.
     */
    private Optional<Double> converged(GitTimeline timeline, Crash crash) {
      Optional<Integer> target = crash.headAtKill()
          .flatMap(head -> timeline.currentAt(crash.table(), head))
          .flatMap(version -> timeline.introduced(crash.table(), version));
      if (target.isEmpty()) {
        return Optional.of(0.0); // the table had no version yet
      }
      return watcher.firstSeen(crash.table(),
              version -> timeline.introduced(crash.table(), version).orElse(-1) >= target.get(), crash.atNanos())
          .map(at -> (at - crash.atNanos()) / 1e9);
    }

    private interface PerWriter {
      void run(int writer);
    }

    private void parallel(PerWriter body) {
      ExecutorService pool = Executors.newFixedThreadPool(writerCount);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writerCount; w++) {
          int writer = w;
          done.add(pool.submit(() -> body.run(writer)));
        }
        for (Future<?> future : done) {
          try {
            future.get(1, TimeUnit.HOURS);
          } catch (Exception e) {
            failed.add("a writer's driver thread failed: " + e);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private static String concat(List<String> a, List<String> b) {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return all.toString();
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
