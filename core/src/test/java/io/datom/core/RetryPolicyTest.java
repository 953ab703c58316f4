package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));

  @Test
  void waitsGrowExponentiallyWithinTheUpperHalfAndStopAtTheCap() {
    Random random = new Random(7);
    long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}, {500, 1000}};
    for (int failed = 1; failed <= bounds.length; failed++) {
      for (int i = 0; i < 200; i++) {
        long wait = policy.backoffAfter(failed, random).toMillis();
        long[] b = bounds[failed - 1];
        assertTrue(wait >= b[0] && wait <= b[1], "wait " + wait + " after " + failed + " outside " + b[0] + ".." + b[1]);
      }
    }
  }

  @Test
  void waitsAreJittered() {
    Random random = new Random(11);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(policy.backoffAfter(3, random).toMillis());
    }
    assertTrue(seen.size() > 10, "expected spread-out waits, got " + seen);
  }

  @Test
  void theBudgetIsTimeNotAttempts() {
    assertTrue(policy.allowsAttemptAfter(Duration.ofSeconds(29), Duration.ofMillis(1000)));
    assertTrue(policy.allowsAttemptAfter(Duration.ofSeconds(29), Duration.ofSeconds(1)), "an attempt at the deadline");
    assertFalse(policy.allowsAttemptAfter(Duration.ofSeconds(29), Duration.ofMillis(1001)));
    assertFalse(policy.allowsAttemptAfter(Duration.ofSeconds(31), Duration.ZERO));
  }

  @Test
  void theDefaultOutlastsEightBusyWriters() {
    // 8 writers x 25 writes needed up to 31 s for one write under the old count of 12; minutes leave ample room.
    assertTrue(RetryPolicy.DEFAULT.deadline().compareTo(Duration.ofMinutes(5)) >= 0);
    assertEquals(Duration.ofMinutes(1), RetryPolicy.within(Duration.ofMinutes(1)).deadline());
    assertEquals(RetryPolicy.DEFAULT.maxBackoff(), RetryPolicy.within(Duration.ofMinutes(1)).maxBackoff());
  }

  @Test
  void zeroBackoffIsAllowedForTests() {
    RetryPolicy immediate = RetryPolicy.within(Duration.ZERO).withBackoff(Duration.ZERO, Duration.ZERO);
    assertEquals(Duration.ZERO, immediate.backoffAfter(2, new Random(1)));
    assertFalse(immediate.allowsAttemptAfter(Duration.ofMillis(1), Duration.ZERO));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.within(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.DEFAULT.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withLockPatience(Duration.ofSeconds(-1)));
  }
}
