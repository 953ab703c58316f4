package io.datom.spark.write;

import java.util.Optional;

/**
 * The results of datom writes, for the code that ran them. {@code save()} and {@code writeTo(...).append()} return
 * nothing, so each write records its result for the thread that ran it:
 *
 * <pre>{@code
 * df.write().format("datom").option("table", "lb")...save(store);
 * DatomWriteResult result = DatomWrites.lastResult().orElseThrow();
 * log.info("lb is now at {}", result.version());
 * }</pre>
 *
 * <p>Every write also logs its result in one line ({@link DatomWriteResult#summary()}) at INFO level under this
 * class's logger, whoever ran it.
 */
public final class DatomWrites {

  private static final ThreadLocal<DatomWriteResult> LAST = new ThreadLocal<>();

  private DatomWrites() {}

  /** The result of the last datom write that completed on the calling thread, if any. */
  public static Optional<DatomWriteResult> lastResult() {
    return Optional.ofNullable(LAST.get());
  }

  static void record(DatomWriteResult result) {
    LAST.set(result);
  }
}
