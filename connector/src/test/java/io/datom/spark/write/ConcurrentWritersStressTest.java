package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.fail;

import io.datom.core.GitCredentials;
import io.datom.core.ProjectValidator;
import io.datom.core.ValidationReport;
import io.datom.core.WriterOptions;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.GitTimeline;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.core.testing.StoreWatcher;
import io.datom.core.testing.TempDirs;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.testing.S3aSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several writer JVMs ({@link StressWriterMain}, each a {@code local[1]} Spark session) on one project, a reader
 * polling the store ({@link StoreWatcher}), pauses after the push, and {@code kill -9} of writers; for a local store
 * with a {@code file://} remote and for an S3 store (s3proxy, through {@code s3a://}) with the token-checking HTTP
 * remote. The phases run on the same writer JVMs throughout; a killed writer that has writes left is replaced by a
 * spare JVM started with the others, so no phase waits for a JVM to start:
 *
 * <ol>
 *   <li><b>Racing creators</b>: every writer's first write goes to the empty remote within half a second, with the
 *       same {@code project}. All must succeed.
 *   <li><b>Stress</b>: each writer makes {@link #WRITES} overwrites or appends of two shared tables, some pausing
 *       after their push; one writer is killed between the push and the mirror of its last write, another at a
 *       random moment of a write, after which a spare JVM (started with the others) takes its place.
 *   <li><b>Overtaken mirror</b>: a writer pushes and stalls; another writes the same table meanwhile; the first
 *       mirrors late. The reader must not see the table go back.
 *   <li><b>Crash between push and mirror, then one more write</b>: a writer overwriting {@code lb} is killed right
 *       after its push; the next write, to another table, must leave store and git equal; an append to {@code lb}
 *       must then land (re-run once if it was refused because the version it read was not current).
 * </ol>
 *
 * It fails if an acknowledged version is lost or recorded twice in git's final history, if the reader ever saw a
 * current version, a history or a manifest older (in git's commit order) than one it had seen before, or a current
 * version its next-read history did not list, or a snapshot or parquet object of a current version missing, if a
 * racing creator failed, if the write after a crash left the store behind git (or the reader never saw the crashed
 * table's version), if an append after the crash was refused twice, if any write failed other than an append refused
 * with {@code TableChangedException}, or if the project does not validate clean at the end. Every problem found is listed in one failure message; the run's figures go to standard output.
 *
 * <p>Seeded ({@code -Ddatom.stress.seed}, default {@value #DEFAULT_SEED}); the interleavings are the machine's.
 */
@ExtendWith(S3ProxyExtension.class)
class ConcurrentWritersStressTest {

  static final long DEFAULT_SEED = 20260311L;
  private static final int WRITERS = 4;
  private static final int WRITES = 5;
  private static final Duration CREATOR_SPREAD = Duration.ofMillis(450);
  /** Writer JVMs started ahead, one per writer killed in the stress phase that goes on writing. */
  private static final int SPARES = 1;
  private static final String PROJECT = "STRESS";
  private static final String TOKEN = "stress-token-7c1e";
  private static final List<String> SHARED = List.of("lb", "ae");
  private static final List<String> TABLES = List.of("lb", "ae", "dm");
  private static final Duration READY = Duration.ofSeconds(150);
  private static final Duration WRITE = Duration.ofSeconds(120);

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void localStoreAndFileRemote() {
    Path tmp = TempDirs.create("stress-local-");
    BareGitRemote remote = BareGitRemote.createTemp();
    try {
      Path store = tmp.resolve("store");
      new Scenario("local + file://", tmp, remote, store.toString(), null, new Configuration(), Map.of()).run();
    } finally {
      remote.close();
      TempDirs.deleteRecursively(tmp);
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void s3StoreAndHttpRemote(S3ProxyServer s3) {
    Path tmp = TempDirs.create("stress-s3-");
    try (GitHttpServer http = GitHttpServer.start(TOKEN)) {
      BareGitRemote remote = http.createRepository("stress");
      Map<String, String> props = new LinkedHashMap<>();
      S3aSettings.of(s3).forEach((k, v) -> props.put("spark.hadoop." + k, v));
      String store = "s3a://" + s3.createBucket() + "/trial";
      new Scenario("s3a + http", tmp, remote, store, TOKEN, S3aSettings.configuration(s3), props).run();
    } finally {
      TempDirs.deleteRecursively(tmp);
    }
  }

  /** A write a writer was told to make. */
  private record Command(int seq, String table, String mode, long pauseMillis, Kill kill) {
    String line() {
      return "WRITE " + seq + " " + table + " " + mode + " " + pauseMillis;
    }
  }

  /** When the test kills the writer during a command: after its push, or after a delay. */
  private record Kill(boolean afterPush, long delayMillis) {
    /** A writer killed after its push had made its last write; one killed at a random moment goes on. */
    boolean restart() {
      return !afterPush;
    }
  }

  /** One run of the phases against one backend. */
  private static final class Scenario {
    private final String label;
    private final Path tmp;
    private final BareGitRemote remote;
    private final String storePath;
    private final String token;
    private final Configuration hadoop;
    private final Map<String, String> writerProps;
    private final long seed = Long.getLong("datom.stress.seed", DEFAULT_SEED);
    private final Random random;
    private final Path log4j;
    private final List<WriterProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final WriterProcess[] writers = new WriterProcess[WRITERS];
    private final java.util.Queue<WriterProcess> spares = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<GitTimeline.Acknowledged> acks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> kills = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger maxAttempts = new AtomicInteger();
    private final AtomicInteger maxLandMillis = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger maxStartMillis = new AtomicInteger();
    private final long began = System.nanoTime();
    private final Duration pollInterval;
    private final Map<String, String> phases = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();
    private String convergence = "not measured";
    private int backwardCount;
    private int commits;
    private Store store;
    private StoreWatcher watcher;

    Scenario(String label, Path tmp, BareGitRemote remote, String storePath, String token, Configuration hadoop,
        Map<String, String> writerProps) {
      this.label = label;
      this.tmp = tmp;
      this.remote = remote;
      this.storePath = storePath;
      this.token = token;
      this.hadoop = hadoop;
      this.writerProps = writerProps;
      this.random = new Random(seed ^ label.hashCode());
      this.log4j = tmp.resolve("log4j2.properties");
      this.pollInterval = Duration.ofMillis(storePath.startsWith("s3a:") ? 100 : 60);
    }

    private void phase(String name) {
      long now = System.nanoTime();
      phases.put(name, String.format("%.1f s", (now - phaseStart) / 1e9));
      phaseStart = now;
    }

    void run() {
      writeLog4jConfig();
      try {
        store = HadoopStore.at(storePath, hadoop);
        startWriters();
        phase("start");
        // s3proxy's filesystem backend rewrites a document in place (s3proxy #490); S3 itself replaces atomically.
        watcher = StoreWatcher.start(store, storePath.startsWith("s3a://") ? StoreWatcher.Replacement.IN_PLACE
            : StoreWatcher.Replacement.ATOMIC, TABLES, pollInterval);
        racingCreators();
        phase("creators");
        stress();
        phase("stress");
        overtakenMirror();
        phase("overtaken");
        crashBetweenPushAndMirror();
        phase("crash");
        watcher.awaitNextPoll(Duration.ofSeconds(30));
        watcher.close();
        finalChecks();
        phase("checks");
      } finally {
        if (watcher != null) {
          watcher.close();
        }
        synchronized (started) {
          started.forEach(WriterProcess::close);
        }
        if (store != null) {
          store.close();
        }
      }
      String summary = summary();
      System.out.println(summary);
      if (!problems.isEmpty()) {
        fail("[" + label + ", seed " + seed + "] " + problems.size() + " problem(s):\n  - "
            + String.join("\n  - ", problems) + "\n" + summary);
      }
    }

    // ---------------------------------------------------------------------------------------------------- phases

    /** Every writer's first write goes to the empty remote at the same moment, each naming the same project. */
    private void racingCreators() {
      List<Future<?>> results = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try {
        for (int w = 0; w < WRITERS; w++) {
          writers[w].send(new Command(1, SHARED.get(w % SHARED.size()), "overwrite", 0, null).line());
          // Spread over half a second, as jobs started together are: every writer still finds the remote empty
          // when it starts (a write's jobs take longer than that), and some find the project created by the
          // time they create it.
          pause(CREATOR_SPREAD.dividedBy(WRITERS - 1));
        }
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          results.add(pool.submit(() -> {
            String outcome = awaitOutcome(writer, 1);
            recordOutcome(writer, 1, outcome);
            if (!outcome.startsWith("ACK")) {
              problems.add("racing creator w" + writer + " failed on the empty remote: " + outcome);
            }
          }));
        }
        awaitAll(results);
      } finally {
        pool.shutdownNow();
      }
    }

    /** Each writer makes {@link #WRITES} writes of the shared tables; two are killed mid-write and restarted. */
    private void stress() {
      List<List<Command>> plans = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        List<Command> plan = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
          int seq = 10 + i;
          String table = SHARED.get(random.nextInt(SHARED.size()));
          String mode = random.nextInt(10) < 6 ? "append" : "overwrite";
          long pause = w < 2 && random.nextInt(10) < 4 ? 300 + random.nextInt(900) : 0;
          Kill kill = null;
          if (w == 1 && i == WRITES - 1) {
            // Killed between push and mirror on its last write (an overwrite, which is never refused before its
            // push); it is not needed afterwards.
            kill = new Kill(true, 0);
            mode = "overwrite";
            pause = 20_000;
          } else if (w == 2 && i == 2) {
            // Killed at a random moment of a write, then replaced by a spare JVM for the rest of its writes.
            kill = new Kill(false, 100 + random.nextInt(1200));
          }
          plan.add(new Command(seq, table, mode, pause, kill));
        }
        plans.add(plan);
      }
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          done.add(pool.submit(() -> plans.get(writer).forEach(command -> execute(writer, command))));
        }
        awaitAll(done);
      } finally {
        pool.shutdownNow();
      }
    }

    /** A writer pushes {@code lb} and stalls; another writes {@code lb} meanwhile; then the first one mirrors. */
    private void overtakenMirror() {
      for (int round = 0; round < 2; round++) {
        int slow = 2 + round;
        int fast = 3 - round;
        int seq = 100 + round;
        writers[slow].send(new Command(seq, "lb", "overwrite", 1500, null).line());
        String pushed = writers[slow].awaitLine(l -> l.startsWith("PUSHED " + seq + " ") || isOutcome(l, seq), WRITE);
        if (pushed == null || !pushed.startsWith("PUSHED")) {
          problems.add("overtaken mirror: w" + slow + " did not push: " + pushed);
          continue;
        }
        execute(fast, new Command(seq + 10, "lb", "overwrite", 0, null));
        recordOutcome(slow, seq, awaitOutcome(slow, seq));
      }
    }

    /**
     * A writer overwriting {@code lb} is killed right after its push. The next write (to {@code ae}) must leave the
     * store equal to git; the store must show git's {@code lb}; an append to {@code lb} must land, re-run once if it
     * was refused.
     */
    private void crashBetweenPushAndMirror() {
      int victim = 0;
      int next = 3;
      int seq = 200;
      writers[victim].send(new Command(seq, "lb", "overwrite", 60_000, null).line());
      String pushed = writers[victim].awaitLine(l -> l.startsWith("PUSHED " + seq + " ") || isOutcome(l, seq), WRITE);
      if (pushed == null || !pushed.startsWith("PUSHED")) {
        problems.add("crash phase: w" + victim + " did not push: " + pushed);
        return;
      }
      long killedAt = System.nanoTime();
      writers[victim].kill();
      kills.add("w" + victim + " #" + seq + " right after its push (crash phase)");
      String crashed = remote.readFile("master", "lb/metadata.json")
          .map(b -> TableMetadata.parse(new String(b, StandardCharsets.UTF_8), "lb").version()).orElseThrow();

      execute(next, new Command(seq + 1, "ae", "overwrite", 0, null));
      ValidationReport afterNext = validate();
      if (!afterNext.valid()) {
        problems.add("after w" + victim + " was killed between push and mirror of lb, the next write (to ae) left "
            + "the store behind git: " + afterNext.found());
      }
      Optional<Long> converged = watcher.awaitCurrent("lb", crashed::equals, killedAt, Duration.ofSeconds(5));
      convergence = converged.map(t -> String.format("%.2f s", (t - killedAt) / 1e9))
          .orElse("never (still behind 5 s after the next write)");
      if (converged.isEmpty()) {
        problems.add("the store never showed lb's version " + abbrev(crashed) + " (pushed by the killed w" + victim
            + ") after the next write to the project");
      }

      String append = execute(next, new Command(seq + 2, "lb", "append", 0, null));
      if (append.startsWith("FAIL") && append.contains("TableChangedException")) {
        String again = execute(next, new Command(seq + 3, "lb", "append", 0, null));
        if (!again.startsWith("ACK")) {
          problems.add("an append to lb refused after the crash was refused again when re-run: " + again);
        }
      } else if (!append.startsWith("ACK")) {
        problems.add("the append to lb after the crash failed: " + append);
      }
      ValidationReport afterAppend = validate();
      if (!afterAppend.valid()) {
        problems.add("after the append to lb that followed the crash, store and git differ: "
            + afterAppend.found());
      }
      execute(next, new Command(seq + 4, "dm", "overwrite", 0, null));
    }

    private void finalChecks() {
      ValidationReport report = validate();
      if (!report.valid()) {
        problems.add("at the end, store and git differ: " + report.found());
      }
      try (GitTimeline timeline = GitTimeline.clone(remote.url(), token, TABLES)) {
        problems.addAll(timeline.lostOrDuplicated(acks));
        List<GitTimeline.Backward> backward = timeline.backwardMoves(watcher);
        backward.forEach(b -> problems.add("reader saw the past: " + b));
        backwardCount = backward.size();
        commits = timeline.commits().size();
      }
      watcher.problems().forEach(p -> problems.add("reader: " + p));
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    private void startWriters() {
      for (int w = 0; w < WRITERS; w++) {
        writers[w] = launch("w" + w);
      }
      // Started with the others, so that replacing a killed writer costs no JVM start in the middle of the run.
      for (int s = 0; s < SPARES; s++) {
        spares.add(launch("spare" + s));
      }
      for (int w = 0; w < WRITERS; w++) {
        maxStartMillis.accumulateAndGet((int) writers[w].awaitReady(READY), Math::max);
      }
    }

    private WriterProcess launch(String name) {
      Map<String, String> env = token == null ? Map.of() : Map.of("DATOM_GIT_TOKEN", token);
      WriterProcess process = WriterProcess.start(name, tmp.resolve("jvm-" + name), log4j,
          List.of(name, storePath, remote.url(), PROJECT), writerProps, env);
      started.add(process);
      return process;
    }

    /** Replaces killed writer {@code w} by a spare JVM (or a new one when none is left). */
    private void restart(int w) {
      restarts.incrementAndGet();
      WriterProcess fresh = spares.poll();
      if (fresh == null) {
        fresh = launch("w" + w + "-r" + restarts.get());
      }
      maxStartMillis.accumulateAndGet((int) fresh.awaitReady(READY), Math::max);
      writers[w] = fresh;
    }

    /** Runs one command on writer {@code w}, killing it when the command says so; returns the outcome line. */
    private String execute(int w, Command command) {
      WriterProcess writer = writers[w];
      writer.send(command.line());
      if (command.kill() != null) {
        String seen;
        if (command.kill().afterPush()) {
          seen = writer.awaitLine(l -> l.startsWith("PUSHED " + command.seq() + " ") || isOutcome(l, command.seq()),
              WRITE);
        } else {
          seen = writer.awaitLine(l -> isOutcome(l, command.seq()), Duration.ofMillis(command.kill().delayMillis()));
        }
        writer.kill();
        kills.add("w" + w + " #" + command.seq() + (command.kill().afterPush() ? " right after its push"
            : " " + command.kill().delayMillis() + " ms into the write") + (seen == null ? "" : " (saw: "
            + seen.split(" ")[0] + ")"));
        if (seen != null && isOutcome(seen, command.seq())) {
          recordOutcome(w, command.seq(), seen);
        }
        if (command.kill().restart()) {
          restart(w);
        }
        return "KILLED";
      }
      String outcome = awaitOutcome(w, command.seq());
      recordOutcome(w, command.seq(), outcome);
      return outcome;
    }

    private String awaitOutcome(int w, int seq) {
      WriterProcess writer = writers[w];
      String line = writer.awaitLine(l -> isOutcome(l, seq), WRITE);
      if (line == null) {
        writer.kill();
        return "FAIL " + seq + " ? Hung no outcome within " + WRITE + writer.logTail();
      }
      if (line.equals(WriterProcess.ENDED)) {
        return "FAIL " + seq + " ? Ended the writer JVM died" + writer.logTail();
      }
      return line;
    }

    private void recordOutcome(int w, int seq, String line) {
      String[] f = line.split(" ");
      if (f[0].equals("ACK")) {
        // ACK seq table action version commit attempts landMillis elapsedMillis
        if (!f[3].equals("none")) {
          acks.add(new GitTimeline.Acknowledged("w" + w + "#" + seq, f[2], f[4], f[5]));
        }
        maxAttempts.accumulateAndGet(Integer.parseInt(f[6]), Math::max);
        maxLandMillis.accumulateAndGet(Integer.parseInt(f[7]), Math::max);
      } else if (f.length > 3 && f[3].equals("TableChangedException")) {
        refusals.add("w" + w + "#" + seq);
      } else if (seq != 1) {
        problems.add("w" + w + " write #" + seq + " failed: " + line);
      }
    }

    private static boolean isOutcome(String line, int seq) {
      return line.startsWith("ACK " + seq + " ") || line.startsWith("FAIL " + seq + " ");
    }

    private ValidationReport validate() {
      WriterOptions options = WriterOptions.builder(remote.url(), store)
          .credentials(token == null ? GitCredentials.none() : GitCredentials.token(token))
          .workDir(tmp.resolve("validator"))
          .build();
      return ProjectValidator.validate(options, false);
    }

    private void awaitAll(List<Future<?>> futures) {
      for (Future<?> future : futures) {
        try {
          future.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
          problems.add("a writer's driver thread failed: " + e);
        }
      }
    }

    private static void pause(Duration duration) {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private void writeLog4jConfig() {
      try {
        Files.writeString(log4j, String.join("\n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.err.ref = err",
            "appender.err.type = Console",
            "appender.err.name = err",
            "appender.err.target = SYSTEM_ERR",
            "appender.err.layout.type = PatternLayout",
            "appender.err.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n",
            "logger.datom.name = io.datom",
            "logger.datom.level = info",
            ""), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String summary() {
      return String.format("[stress %s] seed %d: %d writers x %d writes (+%d creators, +scripted phases); "
              + "acknowledged %d, refused %d (%s), killed %d (%s), restarts %d; commits %d; "
              + "backward observations %d; max attempts %d; max time to land %d ms; store converged after the "
              + "crash in %s; reader polls %d, read errors %s, torn reads %s; slowest JVM start %d ms; %.1f s %s",
          label, seed, WRITERS, WRITES, WRITERS, acks.size(), refusals.size(), refusals, kills.size(), kills,
          restarts.get(), commits, backwardCount, maxAttempts.get(), maxLandMillis.get(), convergence,
          watcher == null ? 0 : watcher.polls(), watcher == null ? "-" : watcher.readErrors(),
          watcher == null ? "-" : watcher.tornReads(), maxStartMillis.get(),
          (System.nanoTime() - began) / 1e9, phases);
    }

    private static String abbrev(String sha) {
      return sha.length() > 8 ? sha.substring(0, 8) : sha;
    }
  }
}
