package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactDoublesTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, (1L << 51) - 1, 1L << 51,
      -(1L << 51), -(1L << 51) - 1, (1L << 52) + 1, (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE,
      Long.MAX_VALUE - 1, 1_700_000_000_000_000L, 253_402_214_400_000_000L, -62_135_596_800_000_000L})
  void longsConvertAsTheCastDoes(long value) {
    assertSameDouble((double) value, ExactDoubles.of(value), value);
  }

  @Test
  void zeroIsPositiveZero() {
    assertEquals(0L, Double.doubleToRawLongBits(ExactDoubles.of(0L)));
  }

  @Test
  void randomLongsOfEveryMagnitudeConvertAsTheCastDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 1_000_000; k++) {
      long value = random.nextLong() >> random.nextInt(64);
      assertSameDouble((double) value, ExactDoubles.of(value), value);
    }
  }

  @Test
  void epochSecondsDivideTheMicrosecondsCastToDouble() {
    SplittableRandom random = new SplittableRandom(11);
    for (int k = 0; k < 1_000_000; k++) {
      long micros = random.nextLong(-4_000_000_000_000_000L, 4_000_000_000_000_000L);
      assertSameDouble((double) micros / 1_000_000.0, NumericColumnHasher.epochSeconds(micros), micros);
    }
  }

  private static void assertSameDouble(double expected, double actual, long input) {
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
      assertEquals(expected, actual, "for " + input);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "bits for " + input);
    }
  }
}
