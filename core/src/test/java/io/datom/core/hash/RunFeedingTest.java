package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeding values in runs (array slices) gives exactly the digest, and the refusals, of feeding them one by one. */
class RunFeedingTest {
  private static final int ROWS = 5_000;
  private static final int[] BUFFER_SIZES = {8, 13, 64, 1000, DigestSink.DEFAULT_BUFFER_SIZE};

  private final Random random = new Random(3);

  @ParameterizedTest
  @ValueSource(strings = {"boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal(9,2)",
      "decimal(15,15)", "decimal(20,4)", "date", "timestamp", "timestamp_ntz"})
  void runsHashLikeSingleValues(String type) {
    ColumnSpec spec = ColumnSpec.of("c", type);
    Column column = Column.random(spec.type(), random);
    for (int bufferSize : BUFFER_SIZES) {
      TypedColumnHasher one = TypedColumnHasher.forColumn(spec, bufferSize);
      TypedColumnHasher runs = TypedColumnHasher.forColumn(spec, bufferSize);
      for (int r = 0; r < ROWS; r++) {
        column.addOne(one, r);
      }
      for (int from = 0; from < ROWS; ) {
        int length = Math.min(ROWS - from, random.nextInt(700));
        column.addRun(runs, from, length);
        from += length;
      }

      assertEquals(ROWS, runs.rowCount());
      assertEquals(one.refusal(), runs.refusal(), type);
      if (one.refusal().isEmpty()) {
        assertEquals(one.finish(), runs.finish(), type + " with a " + bufferSize + "-byte buffer");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"boolean", "tinyint", "int", "bigint", "float", "double", "decimal(9,2)", "date",
      "timestamp"})
  void runsWithoutNullsHashAlikeWithAllFalseFlagsOrNone(String type) {
    ColumnSpec spec = ColumnSpec.of("c", type);
    Column random = Column.random(spec.type(), this.random);
    Column allFalse = random.withNulls(new boolean[ROWS]);
    Column noFlags = random.withNulls(null);
    for (int bufferSize : BUFFER_SIZES) {
      TypedColumnHasher one = TypedColumnHasher.forColumn(spec, bufferSize);
      TypedColumnHasher withFlags = TypedColumnHasher.forColumn(spec, bufferSize);
      TypedColumnHasher withoutFlags = TypedColumnHasher.forColumn(spec, bufferSize);
      for (int r = 0; r < ROWS; r++) {
        allFalse.addOne(one, r);
      }
      for (int from = 0; from < ROWS; ) {
        int length = Math.min(ROWS - from, this.random.nextInt(700));
        allFalse.addRun(withFlags, from, length);
        noFlags.addRun(withoutFlags, from, length);
        from += length;
      }

      assertEquals(one.refusal(), withFlags.refusal(), type);
      assertEquals(one.refusal(), withoutFlags.refusal(), type);
      if (one.refusal().isEmpty()) {
        ColumnHash expected = one.finish();
        assertEquals(expected, withFlags.finish(), type + " with a " + bufferSize + "-byte buffer");
        assertEquals(expected, withoutFlags.finish(), type + " with a " + bufferSize + "-byte buffer");
      }
    }
  }

  @Test
  void runsReportTheRowOfTheFirstRefusedValue() {
    int[] ints = {1, 2, Integer.MIN_VALUE, Integer.MIN_VALUE};
    long[] longs = {5, Long.MIN_VALUE};
    TypedColumnHasher n = TypedColumnHasher.forColumn(ColumnSpec.of("n", "int"));
    n.addInt(0);
    n.addInts(ints, null, 0, ints.length);
    TypedColumnHasher big = TypedColumnHasher.forColumn(ColumnSpec.of("big", "bigint"));
    big.addLongs(longs, new boolean[] {true, false}, 0, 2);

    assertTrue(n.refusal().orElseThrow().recourse().contains("at row 4 "), n.refusal().toString());
    assertTrue(big.refusal().orElseThrow().recourse().contains("at row 2 "), big.refusal().toString());
  }

  @Test
  void runsMustLieWithinTheirArrays() {
    TypedColumnHasher d = TypedColumnHasher.forColumn(ColumnSpec.of("d", "double"));

    assertThrows(IndexOutOfBoundsException.class, () -> d.addDoubles(new double[3], null, 2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> d.addDoubles(new double[3], new boolean[2], 0, 3));
    assertThrows(IllegalStateException.class, () -> d.addInts(new int[1], null, 0, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {9, 16, 64, 200, DigestSink.DEFAULT_BUFFER_SIZE})
  void stringRunsHashLikeSingleValues(int bufferSize) {
    PackedStrings column = PackedStrings.random(ROWS, random);
    StringColumnHasher one = new StringColumnHasher("s", bufferSize);
    StringColumnHasher runs = new StringColumnHasher("s", bufferSize);
    for (int r = 0; r < ROWS; r++) {
      one.mask(column.nulls[r]);
    }
    one.endMask();
    for (int r = 0; r < ROWS; r++) {
      if (column.nulls[r]) {
        one.addNull();
      } else {
        one.addValue(column.bytes, column.offsets[r], column.offsets[r + 1] - column.offsets[r]);
      }
    }
    for (int from = 0; from < ROWS; from += 333) {
      runs.mask(column.nulls, from, Math.min(333, ROWS - from));
    }
    runs.endMask();
    for (int from = 0; from < ROWS; ) {
      int to = Math.min(ROWS, from + random.nextInt(900));
      runs.addValues(column.bytes, column.offsets, column.nulls, from, to);
      from = to;
    }

    assertFalse(runs.refusal().isPresent(), "zero bytes under null rows are not values");
    assertEquals(one.finish(), runs.finish());
  }

  @Test
  void stringRunsWithoutNullFlags() {
    byte[] bytes = "abcdefghij".getBytes(StandardCharsets.UTF_8);
    int[] offsets = {0, 3, 3, 10};
    StringColumnHasher runs = new StringColumnHasher("s");
    runs.mask(null, 0, 3);
    runs.endMask();
    runs.addValues(bytes, offsets, null, 0, 3);

    assertEquals(StringColumnHasher.hash("s", List.of("abc", "", "defghij")), runs.finish());
  }

  @Test
  void aNulInAStringRunIsReportedWithItsRow() {
    byte[] bytes = {'a', 'b', 0, 'c', 'd', 0, 'e'};
    int[] offsets = {0, 2, 3, 5, 7};
    boolean[] nulls = {false, true, false, false};
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.mask(nulls, 0, 4);
    hasher.endMask();
    hasher.addValues(bytes, offsets, nulls, 0, 2);
    hasher.addValues(bytes, offsets, nulls, 2, 4);

    assertTrue(hasher.refusal().orElseThrow().recourse().contains("at row 4 "), hasher.refusal().toString());
  }

  @Test
  void stringRunsCannotOutgrowTheMask() {
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.mask(null, 0, 1);
    hasher.endMask();

    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> hasher.addValues(new byte[2], new int[] {0, 1, 2}, null, 0, 2));
    assertTrue(error.getMessage().contains("has 1 rows in its mask; addValues would take it to 2"), error.getMessage());
  }

  /** A random non-string column, with the one-by-one and the run way of feeding it. */
  private record Column(ColumnType type, boolean[] nulls, boolean[] booleans, int[] ints, long[] longs,
      float[] floats, double[] doubles) {

    static Column random(ColumnType type, Random random) {
      boolean[] nulls = new boolean[ROWS];
      boolean[] booleans = new boolean[ROWS];
      int[] ints = new int[ROWS];
      long[] longs = new long[ROWS];
      float[] floats = new float[ROWS];
      double[] doubles = new double[ROWS];
      for (int r = 0; r < ROWS; r++) {
        nulls[r] = random.nextInt(7) == 0;
        booleans[r] = random.nextBoolean();
        ints[r] = switch (type.kind()) {
          case BYTE -> random.nextInt(256) - 128;
          case SHORT -> random.nextInt(65536) - 32768;
          default -> random.nextInt(5) == 0 ? Integer.MIN_VALUE + 1 : random.nextInt();
        };
        longs[r] = switch (type.kind()) {
          case DECIMAL -> random.nextLong() % (long) Math.pow(10, Math.min(type.precision(), 18));
          case LONG -> r < ROWS / 2 ? random.nextInt() : random.nextLong();
          default -> random.nextLong() >> 10;
        };
        floats[r] = random.nextInt(9) == 0 ? Float.NaN : random.nextInt(9) == 0 ? -0.0f : random.nextFloat();
        doubles[r] = random.nextInt(9) == 0 ? Double.NaN : random.nextInt(9) == 0 ? -0.0 : random.nextGaussian();
      }
      return new Column(type, nulls, booleans, ints, longs, floats, doubles);
    }

    /** The same values with other null flags ({@code null}: none). */
    Column withNulls(boolean[] otherNulls) {
      return new Column(type, otherNulls, booleans, ints, longs, floats, doubles);
    }

    void addOne(TypedColumnHasher hasher, int r) {
      if (nulls[r]) {
        hasher.addNull();
        return;
      }
      switch (type.kind()) {
        case BOOLEAN -> hasher.addBoolean(booleans[r]);
        case BYTE, SHORT, INT -> hasher.addInt(ints[r]);
        case LONG -> hasher.addLong(longs[r]);
        case FLOAT -> hasher.addFloat(floats[r]);
        case DOUBLE -> hasher.addDouble(doubles[r]);
        case DECIMAL -> hasher.addDecimal(BigDecimal.valueOf(longs[r], type.scale()));
        case DATE -> hasher.addEpochDay(ints[r]);
        case TIMESTAMP, TIMESTAMP_NTZ -> hasher.addEpochMicros(longs[r]);
        default -> throw new IllegalArgumentException(type.typeName());
      }
    }

    void addRun(TypedColumnHasher hasher, int from, int length) {
      switch (type.kind()) {
        case BOOLEAN -> hasher.addBooleans(booleans, nulls, from, length);
        case BYTE, SHORT, INT -> hasher.addInts(ints, nulls, from, length);
        case LONG -> hasher.addLongs(longs, nulls, from, length);
        case FLOAT -> hasher.addFloats(floats, nulls, from, length);
        case DOUBLE -> hasher.addDoubles(doubles, nulls, from, length);
        case DECIMAL -> hasher.addUnscaledDecimals(longs, nulls, from, length);
        case DATE -> hasher.addEpochDays(ints, nulls, from, length);
        case TIMESTAMP, TIMESTAMP_NTZ -> hasher.addEpochMicros(longs, nulls, from, length);
        default -> throw new IllegalArgumentException(type.typeName());
      }
    }
  }

  /** A packed UTF-8 column: short, long and empty values, and null rows over arbitrary bytes (zeros included). */
  private record PackedStrings(byte[] bytes, int[] offsets, boolean[] nulls) {
    static PackedStrings random(int rows, Random random) {
      String[] samples = {"", "a", "exactly8", "sixteen bytes!!!", "thirty-two bytes, exactly: ----",
          "a value longer than thirty-two bytes, for the copy fallback", "naïve 日本語 😀", "x".repeat(300)};
      StringBuilder text = new StringBuilder();
      boolean[] nulls = new boolean[rows];
      int[] charOffsets = new int[rows + 1];
      for (int r = 0; r < rows; r++) {
        nulls[r] = random.nextInt(6) == 0;
        text.append(nulls[r] ? "\0garbage\0" : samples[random.nextInt(samples.length)]);
        charOffsets[r + 1] = text.length();
      }
      int[] offsets = new int[rows + 1];
      for (int r = 0; r < rows; r++) {
        offsets[r + 1] = offsets[r]
            + text.substring(charOffsets[r], charOffsets[r + 1]).getBytes(StandardCharsets.UTF_8).length;
      }
      return new PackedStrings(text.toString().getBytes(StandardCharsets.UTF_8), offsets, nulls);
    }
  }
}
