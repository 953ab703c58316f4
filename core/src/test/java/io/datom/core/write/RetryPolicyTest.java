package io.datom.core.write;

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

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

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
  void attemptsAreBounded() {
    assertTrue(policy.allowsAnotherAfter(4));
    assertFalse(policy.allowsAnotherAfter(5));
  }

  @Test
  void zeroBackoffIsAllowedForTests() {
    RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);
    assertEquals(Duration.ZERO, immediate.backoffAfter(2, new Random(1)));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
