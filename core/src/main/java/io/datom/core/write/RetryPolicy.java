package io.datom.core.write;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a write retries after its push is rejected because another writer pushed first
 * (format §14.3, point 3). The wait before attempt {@code n + 1} is drawn uniformly from the upper half of
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}: it grows exponentially, and the jitter spreads writers that
 * collided so that they do not collide again.
 *
 * @param maxAttempts    attempts in total, at least 1; when all are rejected the write fails with
 *                       {@link io.datom.core.exceptions.ConcurrentWriteException}
 * @param initialBackoff upper bound of the first wait
 * @param maxBackoff     cap of every wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Twelve attempts, waits starting below 50 ms and capped at 5 s: enough for a handful of busy writers. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(12, Duration.ofMillis(50), Duration.ofSeconds(5));

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "Backoffs must satisfy 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + " and " + maxBackoff);
    }
  }

  /** Whether another attempt may follow {@code attemptsMade} rejected attempts. */
  public boolean allowsAnotherAfter(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /** The wait after the {@code failedAttempts}-th rejected attempt (1-based). */
  public Duration backoffAfter(int failedAttempts, RandomGenerator random) {
    long ceiling = ceilingMillis(failedAttempts);
    long half = ceiling / 2;
    return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
  }

  private long ceilingMillis(int failedAttempts) {
    long cap = maxBackoff.toMillis();
    long ceiling = initialBackoff.toMillis();
    for (int i = 1; i < failedAttempts && ceiling < cap; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, cap);
  }
}
