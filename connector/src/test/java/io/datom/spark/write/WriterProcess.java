package io.datom.spark.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link StressWriterMain} child JVM: started with the test's class path, its {@code java} and the Spark module
 * flags the test JVM itself runs with; spoken to line by line. Its standard error goes to a log file whose tail is
 * quoted when it fails. {@link #close()} always ends the process.
 */
public final class WriterProcess implements AutoCloseable {

  /** What {@link #awaitLine} returns when the process ended before printing a matching line. */
  public static final String ENDED = "<process ended>";
  private static final String EOF = "\u0000EOF";

  final String name;
  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean ended;
  private long readyMillis = -1;

  private WriterProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::pump, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a writer JVM.
   *
   * @param tmp         its {@code java.io.tmpdir} (Spark's scratch space and datom's clones land there, so whatever
   *                    a killed writer leaves behind is deleted with it)
   * @param systemProps extra {@code -D} settings (S3A settings as {@code spark.hadoop.fs.s3a.*})
   * @param env         extra environment ({@code DATOM_GIT_TOKEN})
   */
  public static WriterProcess start(String name, Path tmp, Path log4j, List<String> args,
      Map<String, String> systemProps, Map<String, String> env) {
    try {
      Files.createDirectories(tmp);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m"));
      command.addAll(sparkModuleFlags());
      command.add("-Djava.io.tmpdir=" + tmp);
      command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
      systemProps.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add(StressWriterMain.class.getName());
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      // The class path goes through the environment: a long -cp argument could exceed the system's limit.
      builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      builder.environment().remove("DATOM_GIT_TOKEN");
      builder.environment().remove("GITHUB_PAT");
      builder.environment().putAll(env);
      Path log = tmp.resolve(name + ".log");
      builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new WriterProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start writer " + name, e);
    }
  }

  /** The flags Spark needs on Java 17 ({@code --add-opens} and friends), as the test JVM got them from the pom. */
  public static List<String> sparkModuleFlags() {
    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.equals(
          "-XX:+IgnoreUnrecognizedVMOptions") || arg.startsWith("-Djdk.reflect.useDirectMethodHandle")) {
        flags.add(arg);
      }
    }
    return flags;
  }

  private void pump() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // The process was killed.
    } finally {
      ended = true;
      lines.add(EOF);
    }
  }

  /** Sends one command line. */
  public void send(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writer " + name + " did not take '" + line + "'" + logTail(), e);
    }
  }

  /**
   * The next line matching {@code wanted} (others are dropped); {@link #ENDED} if the process ended first, and
   * {@code null} if neither happened within {@code timeout}.
   */
  public String awaitLine(Predicate<String> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
        if (line == null) {
          return null;
        }
        if (line.equals(EOF)) {
          lines.add(EOF);
          return ENDED;
        }
        if (wanted.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Waits for {@code READY} and returns how long the JVM took to get there, in milliseconds. */
  public long awaitReady(Duration timeout) {
    if (readyMillis >= 0) {
      return readyMillis;
    }
    String line = awaitLine(l -> l.startsWith("READY"), timeout);
    if (line == null || !line.startsWith("READY")) {
      throw new IllegalStateException("Writer " + name + " did not start within " + timeout + " (" + line + ")"
          + logTail());
    }
    readyMillis = Long.parseLong(line.substring("READY ".length()).trim());
    return readyMillis;
  }

  /** Kills the process as {@code kill -9} would and waits for it to be gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean ended() {
    return ended || !process.isAlive();
  }

  /** The last lines of the writer's standard error, for failure messages. */
  public String logTail() {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> interesting = all.stream()
          .filter(l -> !l.isBlank())
          .toList();
      return "\n--- " + name + " stderr (tail) ---\n"
          + String.join("\n", interesting.subList(Math.max(0, interesting.size() - 40), interesting.size()));
    } catch (IOException | UncheckedIOException e) {
      return "\n(no log of " + name + ": " + e + ")";
    }
  }

  /** Asks the writer to exit, and kills it if it does not within a few seconds. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        send("EXIT");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (RuntimeException e) {
        kill();
      } catch (InterruptedException e) {
        kill();
        Thread.currentThread().interrupt();
      }
    }
    process.destroyForcibly();
  }
}
