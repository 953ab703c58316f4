package io.datom.core.hash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A clinical-lab-shaped table held column-wise the way columnar engines hold it (primitive arrays, a null flag per
 * row, strings as packed UTF-8 with offsets), for the cv1 benchmark.
 */
final class LabTable {
  static final List<ColumnSpec> COLUMNS = List.of(
      ColumnSpec.of("USUBJID", "string"), ColumnSpec.of("LBTESTCD", "string"), ColumnSpec.of("LBORRES", "string"),
      ColumnSpec.of("AVAL", "double"), ColumnSpec.of("AVISITN", "int"), ColumnSpec.of("ADT", "date"),
      ColumnSpec.of("ADTM", "timestamp"), ColumnSpec.of("ANL01FL", "boolean"));

  private static final String[] TESTS = {"ALB", "ALP", "ALT", "AST", "BILI", "BUN", "CA", "CHOL", "CK", "CL",
      "CREAT", "GGT", "GLUC", "HCT", "HGB", "K", "LDH", "PLAT", "SODIUM", "WBC"};
  private static final int ROWS_PER_SUBJECT = 2_000;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final byte[] NO_BYTES = {};

  final int rows;
  final Strings usubjid;
  final Strings lbtestcd;
  final Strings lborres;
  final double[] aval;
  final boolean[] avalNull;
  final int[] avisitn;
  final boolean[] avisitnNull;
  final int[] adt;
  final boolean[] adtNull;
  final long[] adtm;
  final boolean[] adtmNull;
  final boolean[] anl01fl;
  final boolean[] anl01flNull;

  /** A string column: row {@code r} is {@code bytes[offsets[r] .. offsets[r + 1])}, or null if {@code nulls[r]}. */
  record Strings(byte[] bytes, int[] offsets, boolean[] nulls) {}

  LabTable(int rows, long seed) {
    this.rows = rows;
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] subjects = new byte[rows / ROWS_PER_SUBJECT + 1][];
    for (int s = 0; s < subjects.length; s++) {
      subjects[s] = utf8(String.format("CDISCPILOT01-01-%03d-%04d", 700 + s % 300, 1000 + s));
    }
    byte[][] tests = new byte[TESTS.length][];
    for (int t = 0; t < tests.length; t++) {
      tests[t] = utf8(TESTS[t]);
    }
    byte[][] results = results(random);
    usubjid = strings(rows, r -> subjects[r / ROWS_PER_SUBJECT], 0.0, random);
    lbtestcd = strings(rows, r -> tests[r % tests.length], 0.0, random);
    lborres = strings(rows, r -> results[random.nextInt(results.length)], 0.03, random);
    aval = new double[rows];
    avalNull = new boolean[rows];
    avisitn = new int[rows];
    avisitnNull = new boolean[rows];
    adt = new int[rows];
    adtNull = new boolean[rows];
    adtm = new long[rows];
    adtmNull = new boolean[rows];
    anl01fl = new boolean[rows];
    anl01flNull = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      avalNull[r] = lborres.nulls()[r];
      aval[r] = Math.round(random.nextDouble(0, 300) * 100) / 100.0;
      avisitn[r] = r / TESTS.length % 13;
      adt[r] = 16_000 + r / ROWS_PER_SUBJECT % 700 + avisitn[r] * 14;
      adtNull[r] = random.nextInt(200) == 0;
      adtm[r] = adt[r] * MICROS_PER_DAY + random.nextLong(MICROS_PER_DAY);
      adtmNull[r] = adtNull[r];
      anl01fl[r] = random.nextInt(10) != 0;
      anl01flNull[r] = !anl01fl[r] && random.nextBoolean();
    }
  }

  /** Lab results as reported: mostly numbers, some text. */
  private static byte[][] results(SplittableRandom random) {
    byte[][] results = new byte[1_000][];
    for (int i = 0; i < results.length; i++) {
      results[i] = utf8(switch (i % 50) {
        case 0 -> "NEGATIVE";
        case 1 -> "<0.1";
        default -> String.valueOf(Math.round(random.nextDouble() * 3_000) / 10.0);
      });
    }
    return results;
  }

  private interface RowText {
    byte[] at(int row);
  }

  private static Strings strings(int rows, RowText text, double nullShare, SplittableRandom random) {
    boolean[] nulls = new boolean[rows];
    int[] offsets = new int[rows + 1];
    byte[] bytes = new byte[rows * 8];
    for (int r = 0; r < rows; r++) {
      nulls[r] = random.nextDouble() < nullShare;
      byte[] value = nulls[r] ? NO_BYTES : text.at(r);
      if (offsets[r] + value.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
      }
      System.arraycopy(value, 0, bytes, offsets[r], value.length);
      offsets[r + 1] = offsets[r] + value.length;
    }
    return new Strings(Arrays.copyOf(bytes, offsets[rows]), offsets, nulls);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
