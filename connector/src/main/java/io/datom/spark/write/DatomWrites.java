package io.datom.spark.write;

import io.datom.core.WriteObserver;
import io.datom.core.WriteResult;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;

/**
 * The results of datom writes, for the code that ran them, and the steps of writes as they happen. {@code save()} and
 * {@code writeTo(...).append()} return nothing, so each write records core's {@link WriteResult} for the thread that
 * ran it:
 *
 * <pre>{@code
 * df.write().format("datom").option("table", "lb")...save(store);
 * WriteResult result = DatomWrites.lastResult().orElseThrow();
 * log.info("lb is now at {}", result.metadataSha());
 * }</pre>
 *
 * <p>Each session also keeps the result of its last completed write ({@link #lastResult(SparkSession)}), which SQL
 * reads as {@code SELECT * FROM datom_last_write()}: from Python, a notebook or a Spark Connect client, whose
 * requests the server runs on threads of its own.
 *
 * <p>Every write also logs its result in one line (table, store, action, version, data_sha, rows, commit, whether the
 * object was uploaded, parts, elapsed time) at INFO level under this class's logger, whoever ran it.
 */
public final class DatomWrites {

  private static final ThreadLocal<WriteResult> LAST = new ThreadLocal<>();
  private static final Map<SparkSession, WriteResult> LAST_OF_SESSION =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DatomWrites() {}

  /** The result of the last datom write that completed on the calling thread, if any. */
  public static Optional<WriteResult> lastResult() {
    return Optional.ofNullable(LAST.get());
  }

  /** The result of the last datom write that completed in {@code spark}'s session, on any thread, if any. */
  public static Optional<WriteResult> lastResult(SparkSession spark) {
    return Optional.ofNullable(LAST_OF_SESSION.get(spark));
  }

  static void record(SparkSession spark, WriteResult result) {
    LAST.set(result);
    LAST_OF_SESSION.put(spark, result);
  }

  /**
   * Tells {@code observer} each step of core's write protocol (clone, commit, push, store mirror, …) of every datom
   * write that {@code spark}'s session runs, until the returned registration is closed: to report progress, or to
   * stop a write at a given step as a crash of the driver would (a callback that throws aborts the write there,
   * leaving what the completed steps did). Callbacks run on the thread that runs the write.
   *
   * <pre>{@code
   * try (DatomWrites.Registration watching = DatomWrites.observe(spark, observer)) {
   *   df.write().format("datom")...save(store);
   * }
   * }</pre>
   */
  public static Registration observe(SparkSession spark, WriteObserver observer) {
    return WriteObservers.register(spark, observer);
  }

  /** An observer's registration on a session; closing it stops the observer being told of later writes. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {

    /** Unregisters the observer. Later calls do nothing. */
    @Override
    void close();
  }
}
