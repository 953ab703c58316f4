package io.datom.examples.stress;

import io.datom.core.exceptions.DatomException;
import io.datom.core.write.WriteEvent;
import io.datom.core.write.WriteObserver;
import io.datom.core.write.WriteStep;
import io.datom.spark.write.DatomWriteResult;
import io.datom.spark.write.DatomWrites;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;

/**
 * One writer JVM of {@link ConcurrentWritersStress}: a {@code local[1]} Spark session writing small datom tables on
 * command. Standard output carries only this protocol; Spark logs to standard error.
 *
 * <pre>
 * out  READY uptimeMillis
 * in   WRITE seq table mode pauseAfterPushMillis
 * out  PUSHED seq attempt                         (then the writer sleeps the pause: a stall between push and mirror)
 * out  ACK seq table action version commit attempts landMillis elapsedMillis
 * out  FAIL seq table ExceptionClass message
 * in   EXIT
 * </pre>
 *
 * Arguments: writer name, store, repo, project. The pause and the PUSHED line come from core's {@link WriteObserver},
 * handed to the connector through its per-thread test hook ({@code SparkTableWrite.OBSERVER}, package-private, set
 * here by reflection): the connector has no public way to observe a write's steps.
 */
public final class StressWriter {

  private StressWriter() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String name = args[0];
    String store = args[1];
    String repo = args[2];
    String project = args[3];
    ThreadLocal<WriteObserver> hook = observerHook();
    SparkSession spark = SparkSession.builder()
        .master("local[1]")
        .appName("datom-stress-" + name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.range(1).count();
    protocol.println("READY " + ManagementFactory.getRuntimeMXBean().getUptime());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] command = line.trim().split(" ");
      if (command[0].equals("EXIT")) {
        break;
      }
      if (command[0].equals("WRITE")) {
        write(spark, hook, protocol, name, store, repo, project, command);
      }
    }
    spark.stop();
    System.exit(0);
  }

  @SuppressWarnings("unchecked")
  private static ThreadLocal<WriteObserver> observerHook() {
    try {
      Field field = Class.forName("io.datom.spark.write.SparkTableWrite").getDeclaredField("OBSERVER");
      field.setAccessible(true);
      return (ThreadLocal<WriteObserver>) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("The connector's write observer hook (SparkTableWrite.OBSERVER) is gone; the "
          + "stress command needs it to stall writers after their push", e);
    }
  }

  private static void write(SparkSession spark, ThreadLocal<WriteObserver> hook, PrintStream protocol, String name,
      String store, String repo, String project, String[] command) {
    String seq = command[1];
    String table = command[2];
    String mode = command[3];
    long pauseMillis = Long.parseLong(command[4]);
    AtomicInteger attempts = new AtomicInteger();
    AtomicLong started = new AtomicLong();
    AtomicLong landed = new AtomicLong();
    hook.set(new WriteObserver() {
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
      spark.range(0, 3, 1, 1).selectExpr("'" + name + "-" + seq + "' AS tag", "id AS n")
          .write().format("datom")
          .option("table", table)
          .option("repo", repo)
          .option("project", project)
          .option("message", "stress " + name + " #" + seq)
          .mode(mode)
          .save(store);
      DatomWriteResult result = DatomWrites.lastResult().orElseThrow();
      long land = landed.get() == 0 ? 0 : (landed.get() - started.get()) / 1_000_000;
      protocol.println(String.join(" ", "ACK", seq, table, result.action(), result.version(), result.commit(),
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
      protocol.println(String.join(" ", "FAIL", seq, table, typed.getClass().getSimpleName(),
          String.valueOf(typed.getMessage()).replaceAll("\\s+", " ")));
      e.printStackTrace();
    } finally {
      hook.remove();
    }
  }
}
