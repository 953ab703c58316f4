package io.datom.core;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How patiently a write retries after its push is rejected because another writer pushed first (format §14.3, point
 * 3). The budget is time, not a count: however many writers contend, a write keeps trying until {@code deadline} has
 * passed since its first attempt. The wait before attempt {@code n + 1} is drawn uniformly from the upper half of
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}: it grows exponentially, and the jitter spreads writers that
 * collided so that they do not collide again.
 *
 * @param deadline       how long a write may keep retrying; when the next attempt would start after it, the write fails
 *                       with {@link io.datom.core.exceptions.ConcurrentWriteException}
 * @param initialBackoff upper bound of the first wait
 * @param maxBackoff     cap of every wait
 * @param lockPatience   how long the remote's branch may stay locked without moving before the lock is reported as
 *                       left behind by a push that died ({@link io.datom.core.exceptions.RemoteRefLockedException})
 *                       rather than held by a concurrent push
 */
public record RetryPolicy(Duration deadline, Duration initialBackoff, Duration maxBackoff, Duration lockPatience) {

  /** Up to 10 minutes, waits starting below 50 ms and capped at 2 s, a lock reported after 15 s without movement. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofMinutes(10), Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(15));

  public RetryPolicy {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(lockPatience, "lockPatience");
    if (deadline.isNegative()) {
      throw new IllegalArgumentException("deadline must not be negative, got " + deadline);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "Backoffs must satisfy 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + " and " + maxBackoff);
    }
    if (lockPatience.isNegative()) {
      throw new IllegalArgumentException("lockPatience must not be negative, got " + lockPatience);
    }
  }

  /** The default waits and lock patience with another deadline. */
  public static RetryPolicy within(Duration deadline) {
    return new RetryPolicy(deadline, DEFAULT.initialBackoff, DEFAULT.maxBackoff, DEFAULT.lockPatience);
  }

  /** This policy with other waits. */
  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(deadline, initial, max, lockPatience);
  }

  /** This policy with another lock patience. */
  public RetryPolicy withLockPatience(Duration patience) {
    return new RetryPolicy(deadline, initialBackoff, maxBackoff, patience);
  }

  /** Whether an attempt may start after waiting {@code wait}, {@code elapsed} after the first attempt started. */
  public boolean allowsAttemptAfter(Duration elapsed, Duration wait) {
    return elapsed.plus(wait).compareTo(deadline) <= 0;
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
