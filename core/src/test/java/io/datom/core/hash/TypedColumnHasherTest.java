package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TypedColumnHasherTest {

  @Test
  void intColumnRefusesRsNaInteger() {
    TypedColumnHasher n = hasher("n", "int");
    n.addInt(5);
    n.addInt(Integer.MIN_VALUE);
    n.addInt(Integer.MIN_VALUE);

    Offender offender = n.refusal().orElseThrow();
    assertEquals(new Offender("n", "int", offender.recourse()), offender);
    assertTrue(offender.recourse().startsWith("The value at row 2 is the smallest 32-bit integer, which is R's NA_integer_"),
        offender.recourse());
    assertTrue(offender.recourse().contains("Cast the column to bigint"), offender.recourse());
    assertEquals(List.of(offender), assertThrows(UnhashableColumnsException.class, n::finish).offenders());
  }

  @Test
  void intColumnTakesEveryOtherInt() {
    TypedColumnHasher n = hasher("n", "int");
    n.addInt(Integer.MIN_VALUE + 1);
    n.addInt(Integer.MAX_VALUE);

    assertFalse(n.refusal().isPresent());
    assertEquals(numeric("n", Integer.MIN_VALUE + 1, Integer.MAX_VALUE), n.finish().sha());
  }

  @Test
  void byteAndShortColumnsTakeTheirWholeRangeOnly() {
    TypedColumnHasher b = hasher("b", "tinyint");
    b.addInt(Byte.MIN_VALUE);
    TypedColumnHasher s = hasher("s", "smallint");
    s.addInt(Short.MIN_VALUE);

    assertFalse(b.refusal().isPresent());
    assertFalse(s.refusal().isPresent());
    assertThrows(IllegalArgumentException.class, () -> b.addInt(128));
    assertThrows(IllegalArgumentException.class, () -> s.addInt(Short.MIN_VALUE - 1));
    assertEquals(numeric("b", Byte.MIN_VALUE), b.finish().sha());
  }

  @Test
  void bigintWhoseValuesFitRsIntegerHashesAsNum() {
    TypedColumnHasher n = hasher("n", "bigint");
    n.addLong(-Integer.MAX_VALUE);
    n.addNull();
    n.addLong(Integer.MAX_VALUE);

    NumericColumnHasher expected = NumericColumnHasher.num("n");
    expected.add(-Integer.MAX_VALUE);
    expected.addNa();
    expected.add(Integer.MAX_VALUE);
    assertEquals(expected.finish(), n.finish());
  }

  @Test
  void bigintWithOneWideValueHashesAsI64() {
    for (long wide : new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
      TypedColumnHasher n = hasher("n", "bigint");
      n.addLong(1);
      n.addNull();
      n.addLong(wide);
      n.addLong(2);

      Int64ColumnHasher expected = Int64ColumnHasher.create("n");
      expected.add(1);
      expected.addNa();
      expected.add(wide);
      expected.add(2);
      assertEquals(expected.finish(), n.finish(), "with " + wide);
    }
  }

  @Test
  void allNullBigintHashesAsNum() {
    TypedColumnHasher n = hasher("n", "bigint");
    n.addNull();

    assertEquals(ExpectedDigest.column("num", "n").longBits(DigestSink.NA_REAL_BITS).sha(), n.finish().sha());
  }

  @Test
  void bigintRefusesInt64Min() {
    TypedColumnHasher n = hasher("n", "bigint");
    n.addLong(3);
    n.addLong(Long.MIN_VALUE);

    Offender offender = n.refusal().orElseThrow();
    assertEquals("bigint", offender.type());
    assertTrue(offender.recourse().startsWith("The value at row 2 is the smallest 64-bit integer, which is bit64's NA_integer64_"),
        offender.recourse());
  }

  @Test
  void floatWidensExactly() {
    TypedColumnHasher f = hasher("f", "float");
    f.addFloat(0.1f);
    f.addFloat(-0.0f);
    f.addFloat(Float.NaN);

    NumericColumnHasher expected = NumericColumnHasher.num("f");
    expected.add((double) 0.1f);
    expected.add(0.0);
    expected.add(Double.NaN);
    assertEquals(expected.finish(), f.finish());
  }

  @Test
  void decimalIsTheCorrectlyRoundedDouble() {
    TypedColumnHasher amount = hasher("amt", "decimal(12,3)");
    amount.addDecimal(new BigDecimal("0.100"));
    amount.addDecimal(new BigDecimal("-99999999.999"));

    assertEquals(numeric("amt", 0.1, -99999999.999), amount.finish().sha());
  }

  @Test
  void unscaledDecimalsHashLikeBigDecimals() {
    Random random = new Random(42);
    for (String type : new String[] {"decimal(15,0)", "decimal(15,2)", "decimal(15,15)", "decimal(9,4)",
        "decimal(18,6)", "decimal(18,0)"}) {
      ColumnType decimal = ColumnType.parse(type);
      long bound = (long) Math.pow(10, decimal.precision());
      TypedColumnHasher fromUnscaled = hasher("d", type);
      TypedColumnHasher fromBigDecimal = hasher("d", type);
      for (int i = 0; i < 20_000; i++) {
        long unscaled = random.nextLong() % bound;
        fromUnscaled.addUnscaledDecimal(unscaled);
        fromBigDecimal.addDecimal(BigDecimal.valueOf(unscaled, decimal.scale()));
      }
      assertEquals(fromBigDecimal.refusal(), fromUnscaled.refusal(), type);
      if (fromBigDecimal.refusal().isEmpty()) {
        assertEquals(fromBigDecimal.finish(), fromUnscaled.finish(), type);
      }
    }
  }

  @Test
  void decimalsOfAtMostFifteenDigitsAreAlwaysFine() {
    TypedColumnHasher d = hasher("d", "decimal(15,2)");
    d.addDecimal(new BigDecimal("9999999999999.99"));
    d.addUnscaledDecimal(-999_999_999_999_999L);

    assertFalse(d.refusal().isPresent());
  }

  @Test
  void wideDecimalsAreRefusedOnlyForMoreThanFifteenSignificantDigits() {
    TypedColumnHasher d = hasher("d", "decimal(20,2)");
    d.addDecimal(new BigDecimal("123456789012345.00"));   // 15 significant digits, trailing zeros aside
    d.addDecimal(new BigDecimal("100000000000000000.00")); // 1 significant digit
    d.addUnscaledDecimal(12_345_678_901_234_500L);         // 123456789012345.00
    assertFalse(d.refusal().isPresent());

    d.addDecimal(new BigDecimal("1234567890123456.70"));   // 17 significant digits
    d.addDecimal(new BigDecimal("9999999999999999.99"));

    Offender offender = d.refusal().orElseThrow();
    assertEquals("decimal(20,2)", offender.type());
    assertTrue(offender.recourse().startsWith("The value at row 4 has more than 15"), offender.recourse());
    assertFalse(offender.recourse().contains("1234567890123456"), "no cell value in a message");
    assertTrue(offender.recourse().contains("Cast the column to double"), offender.recourse());
  }

  @Test
  void unscaledWideDecimalsAreCheckedToo() {
    TypedColumnHasher d = hasher("d", "decimal(18,2)");
    d.addUnscaledDecimal(123_456_789_012_345_678L);

    assertTrue(d.refusal().orElseThrow().recourse().startsWith("The value at row 1 has more than 15"));
  }

  @Test
  void datesAreEpochDays() {
    TypedColumnHasher d = hasher("d", "date");
    d.addEpochDay(-25_567);
    d.addNull();

    NumericColumnHasher expected = NumericColumnHasher.date("d");
    expected.add(-25_567);
    expected.addNa();
    assertEquals(expected.finish(), d.finish());
  }

  @Test
  void timestampsOfBothKindsAreEpochSeconds() {
    for (String type : new String[] {"timestamp", "timestamp_ntz"}) {
      TypedColumnHasher t = hasher("t", type);
      t.addEpochMicros(-1);
      t.addEpochMicros(1_700_000_000_999_999L);

      NumericColumnHasher expected = NumericColumnHasher.time("t");
      expected.add(-1e-6);
      expected.add(1_700_000_000_999_999L / 1e6);
      assertEquals(expected.finish(), t.finish(), type);
    }
  }

  @Test
  void eachTypeTakesOnlyItsOwnMethod() {
    TypedColumnHasher n = hasher("n", "int");

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> n.addDouble(1.0));
    assertEquals("Column n is int; addDouble does not apply to it (see TypedColumnHasher for the method of each "
        + "type)", error.getMessage());
    assertThrows(IllegalStateException.class, () -> hasher("x", "double").addFloat(1f));
    assertThrows(IllegalStateException.class, () -> hasher("x", "date").addInt(1));
    assertThrows(IllegalStateException.class, () -> hasher("x", "timestamp").addLong(1));
    assertThrows(IllegalStateException.class, () -> hasher("x", "boolean").addInt(1));
    assertThrows(IllegalStateException.class, () -> hasher("x", "bigint").addInt(1));
    assertThrows(IllegalStateException.class, () -> hasher("x", "decimal(5,2)").addDouble(1));
  }

  @Test
  void stringAndUnsupportedColumnsHaveNoTypedHasher() {
    assertThrows(IllegalArgumentException.class, () -> hasher("s", "string"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> hasher("b", "binary"));
    assertTrue(error.getMessage().contains("base64"), error.getMessage());
  }

  @Test
  void exposesItsColumn() {
    TypedColumnHasher b = hasher("flag", "boolean");
    b.addBoolean(true);

    assertEquals(ColumnSpec.of("flag", "boolean"), b.spec());
    assertEquals("flag", b.name());
    assertEquals(1, b.rowCount());
  }

  private static TypedColumnHasher hasher(String name, String type) {
    return TypedColumnHasher.forColumn(ColumnSpec.of(name, type));
  }

  private static String numeric(String name, double... values) {
    NumericColumnHasher hasher = NumericColumnHasher.num(name);
    for (double value : values) {
      hasher.add(value);
    }
    return hasher.finish().sha();
  }
}
