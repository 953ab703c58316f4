package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The word-at-a-time paths of string runs and null masks, against a payload built byte by byte: values of every
 * length around the word sizes, at buffer boundaries and at the very end of their source array, NUL bytes at every
 * row and position, and null rows over arbitrary bytes.
 */
class PackedStringRunsTest {
  private static final int[] BUFFER_SIZES = {8, 9, 13, 40, 64, 1000, DigestSink.DEFAULT_BUFFER_SIZE};

  private final Random random = new Random(11);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5})
  void valuesOfEveryShortLengthHashAsTheirBytes(int nullsOneIn) {
    int rows = 3_000;
    Packed column = Packed.random(rows, 34, nullsOneIn, random);
    for (int bufferSize : BUFFER_SIZES) {
      StringColumnHasher runs = new StringColumnHasher("s", bufferSize);
      for (int from = 0; from < rows; ) {
        int to = Math.min(rows, from + random.nextInt(300));
        runs.mask(column.nulls, from, to - from);
        from = to;
      }
      runs.endMask();
      for (int from = 0; from < rows; ) {
        int to = Math.min(rows, from + random.nextInt(300));
        runs.addValues(column.bytes, column.offsets, column.nulls, from, to);
        from = to;
      }

      assertFalse(runs.refusal().isPresent(), "zero bytes under null rows are not values");
      assertEquals(column.expectedSha(), runs.finish().sha(), "buffer of " + bufferSize);
    }
  }

  @Test
  void valuesEndingTheirSourceArrayHashAsTheirBytes() {
    for (int length = 0; length <= 34; length++) {
      for (int before = 0; before <= 9; before++) {
        byte[] bytes = new byte[before + length];
        Arrays.fill(bytes, (byte) 'v');
        Arrays.fill(bytes, 0, before, (byte) 'b');
        Packed column = new Packed(bytes, new int[] {0, before, before + length}, new boolean[2]);
        for (int bufferSize : BUFFER_SIZES) {
          StringColumnHasher runs = new StringColumnHasher("s", bufferSize);
          runs.mask(null, 0, 2);
          runs.endMask();
          runs.addValues(bytes, column.offsets, null, 0, 2);

          assertEquals(column.expectedSha(), runs.finish().sha(), length + " after " + before);
        }
      }
    }
  }

  @Test
  void nullRowsNearTheEndOfTheirSourceArrayGiveJustTheirTerminator() {
    for (int length = 0; length <= 34; length++) {
      for (int nullBytes = 0; nullBytes <= 9; nullBytes++) {
        byte[] bytes = new byte[length + nullBytes + 3];
        Arrays.fill(bytes, 0, length, (byte) 'v');
        System.arraycopy("end".getBytes(StandardCharsets.UTF_8), 0, bytes, length + nullBytes, 3);
        int[] offsets = {0, length, length + nullBytes, length + nullBytes + 3};
        boolean[] nulls = {false, true, false};
        String expected = ExpectedDigest.column("chr", "s").bytes(0, 1, 0)
            .utf8("v".repeat(length)).bytes(0, 0).utf8("end").bytes(0).sha();
        for (int bufferSize : BUFFER_SIZES) {
          StringColumnHasher runs = new StringColumnHasher("s", bufferSize);
          runs.mask(nulls, 0, 3);
          runs.endMask();
          runs.addValues(bytes, offsets, nulls, 0, 3);

          assertFalse(runs.refusal().isPresent(), "the null row's zero bytes are not a value");
          assertEquals(expected, runs.finish().sha(), length + " then " + nullBytes + " null bytes");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 7, 8, 9, 15, 16, 17, 24, 25, 32, 33, 40})
  void aNulByteIsReportedWithItsRowWhereverItIs(int length) {
    int rows = 12;
    for (int badRow = 0; badRow < rows; badRow++) {
      for (int zeroAt = 0; zeroAt < length; zeroAt++) {
        byte[] bytes = new byte[rows * length];
        Arrays.fill(bytes, (byte) 'n');
        bytes[badRow * length + zeroAt] = 0;
        int[] offsets = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
          offsets[r] = r * length;
        }
        StringColumnHasher hasher = new StringColumnHasher("s", 64);
        hasher.mask(new boolean[rows], 0, rows);
        hasher.endMask();
        hasher.addValues(bytes, offsets, null, 0, 5);
        hasher.addValues(bytes, offsets, new boolean[rows], 5, rows);

        String where = "zero at " + zeroAt + " of row " + (badRow + 1) + ", length " + length;
        assertTrue(hasher.refusal().orElseThrow().recourse().contains("at row " + (badRow + 1) + " "), where);
      }
    }
  }

  @Test
  void theFirstNulRowIsReportedWhenLaterRunsHoldMore() {
    byte[] bytes = {'a', 0, 'b', 'c', 0};
    int[] offsets = {0, 2, 3, 5};
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.mask(null, 0, 3);
    hasher.endMask();
    hasher.addValues(bytes, offsets, null, 0, 2);
    hasher.addValues(bytes, offsets, null, 2, 3);

    assertTrue(hasher.refusal().orElseThrow().recourse().contains("at row 1 "), hasher.refusal().toString());
  }

  @Test
  void nullRowsOverBytesWithZerosGiveJustTheirTerminator() {
    byte[] bytes = {'o', 'k', 0, 0, 'x', 0, 'l', 'o', 'n', 'g', 0, 'n', 'u', 'l', 'l', 0, 0, 0, 0, 0};
    int[] offsets = {0, 2, 6, 20};
    boolean[] nulls = {false, true, true};
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.mask(nulls, 0, 3);
    hasher.endMask();
    hasher.addValues(bytes, offsets, nulls, 0, 3);

    assertFalse(hasher.refusal().isPresent());
    assertEquals(ExpectedDigest.column("chr", "s").bytes(0, 1, 1).utf8("ok").bytes(0, 0, 0).sha(),
        hasher.finish().sha());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 9, 50, 100})
  void masksOfAnyDensityHashAsOneByteAFlag(int nullPercent) {
    int rows = 9_000;
    boolean[] nulls = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      nulls[r] = random.nextInt(100) < nullPercent;
    }
    ExpectedDigest expected = ExpectedDigest.column("chr", "s");
    for (boolean isNull : nulls) {
      expected.bytes(isNull ? 1 : 0);
    }
    expected.bytes(new byte[rows], 0, rows);
    int[] offsets = new int[rows + 1];
    for (int bufferSize : BUFFER_SIZES) {
      StringColumnHasher hasher = new StringColumnHasher("s", bufferSize);
      for (int from = 0; from < rows; ) {
        int length = Math.min(rows - from, random.nextInt(5_000));
        hasher.mask(nullPercent == 0 && from % 2 == 0 ? null : nulls, from, length);
        from += length;
      }
      hasher.endMask();
      // The value phase's null count must match the mask's, so a miscounted mask fails finish().
      for (int r = 0; r < rows; r++) {
        if (nulls[r]) {
          hasher.addNull();
        } else {
          hasher.addValues(new byte[0], offsets, null, r, r + 1);
        }
      }

      assertEquals(expected.sha(), hasher.finish().sha(), nullPercent + "% nulls, buffer of " + bufferSize);
    }
  }

  /** A packed column whose source array ends with its last row, and the payload it must hash to. */
  private record Packed(byte[] bytes, int[] offsets, boolean[] nulls) {

    /** Values of 0 to {@code maxLength - 1} bytes, none 0x00; a null row (one in {@code nullsOneIn}) over any bytes. */
    static Packed random(int rows, int maxLength, int nullsOneIn, Random random) {
      boolean[] nulls = new boolean[rows];
      int[] offsets = new int[rows + 1];
      byte[] bytes = new byte[rows * maxLength];
      for (int r = 0; r < rows; r++) {
        nulls[r] = nullsOneIn > 0 && random.nextInt(nullsOneIn) == 0;
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
          bytes[offsets[r] + i] = nulls[r] && random.nextBoolean() ? 0 : (byte) (1 + random.nextInt(255));
        }
        offsets[r + 1] = offsets[r] + length;
      }
      return new Packed(Arrays.copyOf(bytes, offsets[rows]), offsets, nulls);
    }

    String expectedSha() {
      ExpectedDigest expected = ExpectedDigest.column("chr", "s");
      for (boolean isNull : nulls) {
        expected.bytes(isNull ? 1 : 0);
      }
      for (int r = 0; r < nulls.length; r++) {
        if (!nulls[r]) {
          expected.bytes(bytes, offsets[r], offsets[r + 1] - offsets[r]);
        }
        expected.bytes(0);
      }
      return expected.sha();
    }
  }
}
