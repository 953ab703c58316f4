package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericColumnHasherTest {
  private static final long CANONICAL_NAN = 0x7FF8000000000000L;
  private static final long NA_REAL = 0x7FF00000000007A2L;

  @ParameterizedTest
  @ValueSource(longs = {0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF0000000000001L, 0xFFFFFFFFFFFFFFFFL,
      0x7FF00000000007A2L /* R's NA bits, but in Java just a NaN */})
  void everyNanPayloadAndSignIsFolded(long nanBits) {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    x.add(Double.longBitsToDouble(nanBits));

    assertEquals(ExpectedDigest.column("num", "x").longBits(CANONICAL_NAN).sha(), x.finish().sha());
  }

  @Test
  void negativeZeroIsPositiveZero() {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    x.add(-0.0);

    assertEquals(ExpectedDigest.column("num", "x").longBits(0L).sha(), x.finish().sha());
  }

  @Test
  void naIsItsOwnPayloadDistinctFromNan() {
    NumericColumnHasher na = NumericColumnHasher.num("x");
    na.addNa();
    NumericColumnHasher nan = NumericColumnHasher.num("x");
    nan.add(Double.NaN);

    String naSha = na.finish().sha();
    assertEquals(ExpectedDigest.column("num", "x").bytes(0xa2, 0x07, 0, 0, 0, 0, 0xf0, 0x7f).sha(), naSha);
    assertEquals(ExpectedDigest.column("num", "x").longBits(NA_REAL).sha(), naSha);
    assertNotEquals(naSha, nan.finish().sha());
  }

  @Test
  void ordinaryValuesAreBitExact() {
    double[] values = {Double.MIN_VALUE, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 1e300};
    NumericColumnHasher x = NumericColumnHasher.num("x");
    ExpectedDigest expected = ExpectedDigest.column("num", "x");
    for (double value : values) {
      x.add(value);
      expected.longBits(Double.doubleToRawLongBits(value));
    }

    assertEquals(expected.sha(), x.finish().sha());
  }

  @Test
  void theTagIsPartOfTheDigest() {
    NumericColumnHasher num = NumericColumnHasher.num("x");
    NumericColumnHasher date = NumericColumnHasher.date("x");
    NumericColumnHasher time = NumericColumnHasher.time("x");
    for (NumericColumnHasher hasher : new NumericColumnHasher[] {num, date, time}) {
      hasher.add(20454);
    }

    assertEquals(ExpectedDigest.column("date", "x").longBits(Double.doubleToRawLongBits(20454)).sha(),
        date.finish().sha());
    assertEquals(ExpectedDigest.column("time", "x").longBits(Double.doubleToRawLongBits(20454)).sha(),
        time.finish().sha());
    assertEquals(Cv1Tag.NUM, num.tag());
  }

  @Test
  void durationAppendsANulAndItsUnits() {
    NumericColumnHasher x = NumericColumnHasher.duration("x", "hours");
    x.add(1.5);
    x.addNa();

    assertEquals(Cv1Tag.DRTN, x.tag());
    assertEquals(ExpectedDigest.column("drtn", "x").longBits(Double.doubleToRawLongBits(1.5)).longBits(NA_REAL)
        .bytes(0).utf8("hours").sha(), x.finish().sha());
  }

  @Test
  void durationUnitsMustBeDifftimeUnits() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> NumericColumnHasher.duration("x", "seconds"));

    assertTrue(error.getMessage().contains("'seconds'"), error.getMessage());
  }

  @Test
  void epochSecondsIsOneDivisionNotAMultiplication() {
    long micros = 1_700_000_000_999_999L;

    assertEquals(1.700000000999999E9, NumericColumnHasher.epochSeconds(micros));
    assertNotEquals(micros * 1e-6, NumericColumnHasher.epochSeconds(micros));
    assertEquals(-1e-6, NumericColumnHasher.epochSeconds(-1));
  }

  @Test
  void countsRows() {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    x.add(1);
    x.addNa();

    assertEquals(2, x.rowCount());
  }

  @Test
  void cannotBeFinishedTwice() {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    x.add(1);
    x.finish();

    assertThrows(IllegalStateException.class, x::finish);
  }
}
