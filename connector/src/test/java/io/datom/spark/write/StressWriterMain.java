package io.datom.spark.write;

import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import io.datom.core.WriteResult;
import io.datom.core.WriteStep;
import io.datom.core.exceptions.DatomException;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One writer JVM of {@link ConcurrentWritersStressTest}: a {@code local[1]} Spark session that writes small datom
 * tables on command. Its standard output carries only the protocol below (Spark's own output goes to standard error);
 * its standard input carries commands, one per line.
 *
 * <pre>
 * out  READY uptimeMillis                            session up, waiting for commands
 * in   WRITE seq table mode pauseAfterPushMillis    one df.write().format("datom")...mode(mode).save(store)
 * out  PUSHED seq attempt                           core reported the push (then the writer sleeps the pause)
 * out  ACK seq table action version commit attempts landMillis elapsedMillis
 * out  FAIL seq table ExceptionClass message        (DatomException's class when one is in the causes)
 * in   EXIT
 * </pre>
 *
 * Arguments: writer id, store path, repo URL, project name. The git token comes from {@code DATOM_GIT_TOKEN}, S3A
 * settings from {@code -Dspark.hadoop.fs.s3a.*} system properties.
 */
public final class StressWriterMain {

  private StressWriterMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String id = args[0];
    String store = args[1];
    String repo = args[2];
    String project = args[3];
    SparkSession spark = SparkSession.builder()
        .master("local[1]")
        .appName("datom-stress-" + id)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    spark.range(1).count();
    protocol.println("READY " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] command = line.trim().split(" ");
      if (command[0].equals("EXIT")) {
        break;
      }
      if (command[0].equals("WRITE")) {
        write(spark, protocol, id, store, repo, project, command);
      }
    }
    spark.stop();
    System.exit(0);
  }

  private static void write(SparkSession spark, PrintStream protocol, String id, String store, String repo,
      String project, String[] command) {
    String seq = command[1];
    String table = command[2];
    String mode = command[3];
    long pauseMillis = Long.parseLong(command[4]);
    AtomicInteger attempts = new AtomicInteger();
    AtomicLong started = new AtomicLong();
    AtomicLong landed = new AtomicLong();
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepStarting(WriteEvent event) {
        attempts.accumulateAndGet(event.attempt(), Math::max);
        started.compareAndSet(0, System.nanoTime());
      }

      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == WriteStep.PUSHED) {
          landed.set(System.nanoTime());
          protocol.println("PUSHED " + seq + " " + event.attempt());
          if (pauseMillis > 0) {
            try {
              Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      }
    });
    long begin = System.nanoTime();
    try {
      // Unique rows per write, so that every write is a new version and none is a no-op.
      Dataset<Row> rows = spark.range(0, 3, 1, 1)
          .selectExpr("'" + id + "-" + seq + "' AS tag", "id AS n");
      rows.write().format("datom")
          .option("table", table)
          .option("repo", repo)
          .option("project", project)
          .option("message", "stress " + id + " #" + seq)
          .mode(mode)
          .save(store);
      WriteResult result = DatomWrites.lastResult().orElseThrow();
      long land = landed.get() == 0 ? 0 : (landed.get() - started.get()) / 1_000_000;
      protocol.println(String.join(" ", "ACK", seq, table, result.action().rName(), result.metadataSha(), result.commitSha(),
          Integer.toString(Math.max(1, attempts.get())), Long.toString(land),
          Long.toString((System.nanoTime() - begin) / 1_000_000)));
    } catch (RuntimeException e) {
      Throwable typed = e;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DatomException) {
          typed = t;
          break;
        }
      }
      String message = String.valueOf(typed.getMessage()).replaceAll("\\s+", " ");
      protocol.println(String.join(" ", "FAIL", seq, table, typed.getClass().getSimpleName(), message));
      e.printStackTrace();
    } finally {
      observing.close();
    }
  }
}
