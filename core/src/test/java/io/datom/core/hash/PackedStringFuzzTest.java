package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * String columns fed in random runs, single values and nulls, over random lengths, null rows over any bytes, NUL
 * bytes, source arrays ending anywhere and buffers of any size, against the payload built byte by byte.
 */
class PackedStringFuzzTest {
  private static final int CASES = 800;
  private static final long SEED0 = 1;

  // ---------------------------------------------------------------- column generator

  static final class Column {
    byte[] bytes;
    int[] offsets;
    boolean[] nulls;
    int rows;
  }

  static int bufferSize(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0: return 8 + r.nextInt(9);
      case 1: return 8 + r.nextInt(64);
      case 2: return 8 + r.nextInt(600);
      case 3: return 8 + r.nextInt(5000);
      case 4: return DigestSink.DEFAULT_BUFFER_SIZE;
      default: return 8 + r.nextInt(40);
    }
  }

  static int length(SplittableRandom r, int mode, int fixed, int bufferSize) {
    switch (mode) {
      case 0: return r.nextInt(41);
      case 1: return Math.max(0, fixed + r.nextInt(3) - 1);
      case 2: return r.nextInt(20) == 0 ? 33 + r.nextInt(300) : r.nextInt(33);
      case 3: return r.nextInt(10) == 0 ? r.nextInt(2 * bufferSize + 100) : r.nextInt(45);
      case 4: return 0;
      case 5: return fixed;
      default: return r.nextInt(8);
    }
  }

  static Column column(SplittableRandom r, int bufferSize) {
    Column c = new Column();
    int rows;
    switch (r.nextInt(5)) {
      case 0: rows = r.nextInt(5); break;
      case 1: rows = r.nextInt(60); break;
      case 2: rows = r.nextInt(400); break;
      case 3: rows = r.nextInt(40); break;
      default: rows = r.nextInt(10) == 0 ? r.nextInt(4000) : r.nextInt(200);
    }
    c.rows = rows;
    int lengthMode = r.nextInt(7);
    int fixed = r.nextInt(41);
    int nullLengthMode = r.nextInt(3); // 0: zero, 1: like values, 2: random incl. long
    double[] nullRates = {0, 0, 0.01, 0.1, 0.5, 0.9, 1.0};
    double nullRate = nullRates[r.nextInt(nullRates.length)];
    // NUL injection into non-null values
    int nulMode = r.nextInt(6); // 0..2 none, 3: per byte tiny, 4: single injection, 5: per byte frequent
    double nulPerByte = nulMode == 3 ? 0.001 : nulMode == 5 ? 0.05 : 0;
    int nullByteMode = r.nextInt(3); // 0: random incl zeros, 1: all zero, 2: nonzero
    int prefix = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
    int suffix = r.nextBoolean() ? 0 : r.nextInt(40);

    c.nulls = new boolean[rows];
    int[] lengths = new int[rows];
    long total = 0;
    for (int i = 0; i < rows; i++) {
      c.nulls[i] = r.nextDouble() < nullRate;
      if (c.nulls[i]) {
        lengths[i] = nullLengthMode == 0 ? 0 : nullLengthMode == 1 ? length(r, lengthMode, fixed, bufferSize)
            : length(r, 3, fixed, bufferSize);
      } else {
        lengths[i] = length(r, lengthMode, fixed, bufferSize);
      }
      total += lengths[i];
    }
    c.bytes = new byte[(int) (prefix + total + suffix)];
    c.offsets = new int[rows + 1];
    c.offsets[0] = prefix;
    for (int i = 0; i < prefix; i++) {
      c.bytes[i] = r.nextInt(4) == 0 ? 0 : (byte) r.nextInt(256);
    }
    for (int i = 0; i < rows; i++) {
      int start = c.offsets[i];
      for (int j = 0; j < lengths[i]; j++) {
        byte b;
        if (c.nulls[i]) {
          b = nullByteMode == 0 ? (r.nextInt(3) == 0 ? 0 : (byte) r.nextInt(256))
              : nullByteMode == 1 ? 0 : (byte) (1 + r.nextInt(255));
        } else {
          b = r.nextDouble() < nulPerByte ? 0 : (byte) (1 + r.nextInt(255));
        }
        c.bytes[start + j] = b;
      }
      c.offsets[i + 1] = start + lengths[i];
    }
    for (int i = c.offsets[rows]; i < c.bytes.length; i++) {
      c.bytes[i] = r.nextInt(4) == 0 ? 0 : (byte) r.nextInt(256);
    }
    if (nulMode == 4 && rows > 0) {
      int row = r.nextInt(rows);
      int len = c.offsets[row + 1] - c.offsets[row];
      if (!c.nulls[row] && len > 0) {
        c.bytes[c.offsets[row] + r.nextInt(len)] = 0;
      }
    }
    return c;
  }

  /** 0-based first non-null row with a 0x00 byte, or -1. */
  static int firstNul(Column c) {
    for (int i = 0; i < c.rows; i++) {
      if (!c.nulls[i]) {
        for (int j = c.offsets[i]; j < c.offsets[i + 1]; j++) {
          if (c.bytes[j] == 0) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  static String expectedSha(Column c, String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("chr".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    for (int i = 0; i < c.rows; i++) {
      out.write(c.nulls[i] ? 1 : 0);
    }
    for (int i = 0; i < c.rows; i++) {
      if (!c.nulls[i]) {
        out.write(c.bytes, c.offsets[i], c.offsets[i + 1] - c.offsets[i]);
      }
      out.write(0);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
  }

  static boolean anyNull(boolean[] nulls, int from, int to) {
    for (int i = from; i < to; i++) {
      if (nulls[i]) {
        return true;
      }
    }
    return false;
  }

  /** Feeds the column with random splits and API mixes; returns the hasher unfinished. */
  static StringColumnHasher feed(Column c, int bufferSize, SplittableRandom r) {
    StringColumnHasher h = new StringColumnHasher("s", bufferSize);
    int maxChunk = 1 + (r.nextBoolean() ? r.nextInt(8) : r.nextInt(c.rows + 2));
    for (int from = 0; from < c.rows; ) {
      int to = Math.min(c.rows, from + r.nextInt(maxChunk + 1));
      int how = r.nextInt(3);
      if (how == 0) {
        for (int i = from; i < to; i++) {
          h.mask(c.nulls[i]);
        }
      } else if (how == 1 && !anyNull(c.nulls, from, to)) {
        h.mask(null, from, to - from);
      } else {
        h.mask(c.nulls, from, to - from);
      }
      from = to;
    }
    h.endMask();
    int valueMode = r.nextInt(4); // 0: runs only, 1: per value only, 2: mixed, 3: runs on exact arrays
    for (int from = 0; from < c.rows; ) {
      int to = Math.min(c.rows, from + r.nextInt(maxChunk + 1));
      int how = valueMode == 2 ? r.nextInt(4) : valueMode == 1 ? 1 : valueMode == 3 ? 3 : 0;
      if (how == 0 || how == 2) {
        boolean[] nulls = (!anyNull(c.nulls, from, to) && r.nextBoolean()) ? null : c.nulls;
        h.addValues(c.bytes, c.offsets, nulls, from, to);
      } else if (how == 1) {
        for (int i = from; i < to; i++) {
          if (c.nulls[i]) {
            h.addNull();
          } else {
            int start = c.offsets[i];
            int len = c.offsets[i + 1] - start;
            if (r.nextBoolean()) {
              h.addValue(c.bytes, start, len);
            } else {
              // a fresh array in which the value sits near the end
              int pre = r.nextInt(40);
              h.addValue(padded(c.bytes, start, len, pre, r), pre, len);
            }
          }
        }
      } else {
        // rebuild rows from..to into an array that ends right after them (or a few bytes later)
        int base = c.offsets[from];
        int span = c.offsets[to] - base;
        int pre = r.nextInt(40);
        byte[] copy = padded(c.bytes, base, span, pre, r);
        int[] offs = new int[c.rows + 1];
        Arrays.fill(offs, -12345);
        for (int i = from; i <= to; i++) {
          offs[i] = c.offsets[i] - base + pre;
        }
        boolean[] nulls = (!anyNull(c.nulls, from, to) && r.nextBoolean()) ? null : c.nulls;
        h.addValues(copy, offs, nulls, from, to);
      }
      from = to;
    }
    return h;
  }

  /**
   * {@code bytes[start .. start + length)} in a fresh array, after {@code pre} random bytes (zeros among them) and
   * before none or up to 39 more, so that values end their array or come close to its end.
   */
  static byte[] padded(byte[] bytes, int start, int length, int pre, SplittableRandom r) {
    int post = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
    byte[] copy = new byte[pre + length + post];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = r.nextInt(3) == 0 ? 0 : (byte) r.nextInt(256);
    }
    System.arraycopy(bytes, start, copy, pre, length);
    return copy;
  }

  @Test
  void stringColumnsMatchTheNaiveEncoding() throws Exception {
    for (int k = 0; k < CASES; k++) {
      long seed = SEED0 * 1_000_003L + k;
      SplittableRandom r = new SplittableRandom(seed);
      int bufferSize = bufferSize(r);
      Column c = column(r, bufferSize);
      String expected = expectedSha(c, "s");
      int firstNul = firstNul(c);
      StringColumnHasher h;
      try {
        h = feed(c, bufferSize, r);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " buffer " + bufferSize + " rows " + c.rows, e);
      }
      Optional<?> refusal = h.refusal();
      if (firstNul < 0) {
        if (refusal.isPresent()) {
          fail("seed " + seed + ": unexpected refusal " + refusal);
        }
      } else {
        String recourse = h.refusal().orElseThrow(() -> new AssertionError("seed " + seed + ": no refusal, row "
            + (firstNul + 1))).recourse();
        if (!recourse.contains("at row " + (firstNul + 1) + " ")) {
          fail("seed " + seed + ": expected row " + (firstNul + 1) + " in " + recourse);
        }
      }
      assertEquals(expected, h.finishDigest(), "seed " + seed + " buffer " + bufferSize + " rows " + c.rows);
    }
  }

  // ---------------------------------------------------------------- sink-level op mix

  @Test
  void sinkOperationMixesMatchTheNaiveBytes() throws Exception {
    int cases = CASES / 4;
    for (int k = 0; k < cases; k++) {
      long seed = SEED0 * 7_000_003L + k;
      SplittableRandom r = new SplittableRandom(seed);
      int bufferSize = bufferSize(r);
      DigestSink sink = new DigestSink(bufferSize);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      boolean held = false;
      int ops = 1 + r.nextInt(60);
      for (int op = 0; op < ops; op++) {
        int what = r.nextInt(8);
        if (what == 0) {
          byte b = (byte) r.nextInt(256);
          sink.putByte(b);
          out.write(b);
        } else if (what == 1) {
          long v = r.nextLong();
          sink.putLong(v);
          for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
          }
        } else if (what == 2) {
          int n = r.nextInt(50);
          sink.putZeros(n);
          out.write(new byte[n], 0, n);
        } else if (what == 3) {
          int n = r.nextInt(60);
          boolean[] f = new boolean[n + 5];
          for (int i = 0; i < f.length; i++) {
            f[i] = r.nextInt(4) == 0;
          }
          int off = r.nextInt(5);
          long trues = sink.putFlags(f, off, n);
          long expectTrues = 0;
          for (int i = 0; i < n; i++) {
            out.write(f[off + i] ? 1 : 0);
            expectTrues += f[off + i] ? 1 : 0;
          }
          assertEquals(expectTrues, trues, "seed " + seed);
        } else if (what == 4) {
          int len = length(r, r.nextInt(7), r.nextInt(41), bufferSize);
          int pre = r.nextInt(40);
          int post = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
          byte[] src = new byte[pre + len + post];
          for (int i = 0; i < src.length; i++) {
            src[i] = r.nextInt(3) == 0 ? 0 : (byte) r.nextInt(256);
          }
          boolean nul = r.nextInt(4) == 0;
          for (int i = pre; i < pre + len; i++) {
            if (src[i] == 0 && !nul) {
              src[i] = 1;
            }
          }
          for (int i = pre; i < pre + len; i++) {
            held |= src[i] == 0;
          }
          sink.putNulTerminated(src, pre, len);
          out.write(src, pre, len);
          out.write(0);
        } else if (what == 5 || what == 6) {
          Column c = column(r, bufferSize);
          if (r.nextBoolean()) {
            for (int i = 0; i < c.rows; i++) {
              if (!c.nulls[i]) {
                for (int j = c.offsets[i]; j < c.offsets[i + 1]; j++) {
                  if (c.bytes[j] == 0) {
                    c.bytes[j] = 7;
                  }
                }
              }
            }
          }
          int from = c.rows == 0 ? 0 : r.nextInt(c.rows + 1);
          int to = from + (c.rows == from ? 0 : r.nextInt(c.rows - from + 1));
          boolean[] nulls = !anyNull(c.nulls, from, to) && r.nextBoolean() ? null : c.nulls;
          long nullRows = sink.putNulTerminated(c.bytes, c.offsets, nulls, from, to);
          long expectNulls = 0;
          for (int i = from; i < to; i++) {
            if (!c.nulls[i]) {
              out.write(c.bytes, c.offsets[i], c.offsets[i + 1] - c.offsets[i]);
              for (int j = c.offsets[i]; j < c.offsets[i + 1]; j++) {
                held |= c.bytes[j] == 0;
              }
            } else {
              expectNulls++;
            }
            out.write(0);
          }
          assertEquals(expectNulls, nullRows, "seed " + seed);
        } else {
          int n = r.nextInt(40);
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < n; i++) {
            sb.append((char) (1 + r.nextInt(0x7f)));
          }
          sink.putNulTerminated(sb.toString());
          out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
          out.write(0);
        }
        assertEquals(held, sink.textHeldNul(), "seed " + seed + " op " + op);
        assertEquals(out.size(), sink.size(), "seed " + seed + " op " + op);
      }
      String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
      assertEquals(expected, sink.finishHex(), "seed " + seed);
    }
  }

  // ---------------------------------------------------------------- regression: empty rows ending the array

  /**
   * Empty or null rows starting in the last 32 bytes of the source array (here all of them, over an empty array) must
   * not make a run quadratic. When the end of the word-readable rows was found by scanning back from the run's end
   * after every long value, 256 K such rows took 2.3 s; the bound here is a hang guard, a hundred times the linear time.
   */
  @Test
  void manyEmptyRowsAtTheEndOfTheSourceArrayTakeLinearTime() {
    int rows = 1 << 20;
    int[] offsets = new int[rows + 1];
    boolean[] nulls = new boolean[rows];
    Arrays.fill(nulls, 0, rows, true);
    nulls[0] = false;
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      StringColumnHasher hasher = new StringColumnHasher("s");
      hasher.mask(nulls, 0, rows);
      hasher.endMask();
      hasher.addValues(new byte[0], offsets, nulls, 0, rows);
      hasher.finish();
      StringColumnHasher empties = new StringColumnHasher("s");
      empties.mask(null, 0, rows);
      empties.endMask();
      empties.addValues(new byte[0], offsets, null, 0, rows);
      empties.finish();
    });
  }
}
