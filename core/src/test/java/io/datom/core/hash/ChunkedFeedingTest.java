package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The digest depends on the values and their order only: not on how the buffer splits them, on whether rows are fed
 * across columns or column by column, or on where the two phases of a string column come from.
 */
class ChunkedFeedingTest {
  private static final int ROWS = 20_000;
  private static final List<ColumnSpec> COLUMNS = List.of(
      ColumnSpec.of("USUBJID", "string"), ColumnSpec.of("AVAL", "double"), ColumnSpec.of("AVISITN", "int"),
      ColumnSpec.of("ADT", "date"), ColumnSpec.of("ADTM", "timestamp"), ColumnSpec.of("N", "bigint"),
      ColumnSpec.of("AMT", "decimal(9,2)"), ColumnSpec.of("FLAG", "boolean"));
  private static final String[] WORDS =
      {"", "a", "01-701-1015", "naïve", "日本語", "😀", "a much longer value here"};

  private static List<List<Object>> rows;
  private static TableHash reference;

  @BeforeAll
  static void makeTable() {
    Random random = new Random(7);
    rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      boolean nulls = random.nextInt(10) == 0;
      rows.add(Arrays.asList(
          nulls ? null : WORDS[random.nextInt(WORDS.length)] + r,
          nulls ? null : random.nextInt(50) == 0 ? Double.NaN : random.nextGaussian(),
          nulls ? null : random.nextInt(20),
          nulls ? null : LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000),
          nulls ? null : Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1_000L),
          nulls ? null : r == ROWS - 1 ? Long.MAX_VALUE : (long) random.nextInt(),
          nulls ? null : BigDecimal.valueOf(random.nextInt(), 2),
          nulls ? null : random.nextBoolean()));
    }
    reference = TableHash.ofRows(COLUMNS, rows);
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 9, 13, 64, 100, 4096})
  void anyBufferSizeGivesTheSameHashRowByRow(int bufferSize) {
    TableHasher table = TableHasher.forColumns(COLUMNS, bufferSize);
    StringColumnHasher usubjid = table.stringColumn(0);
    for (List<Object> row : rows) {
      usubjid.mask(row.get(0) == null);
      for (int c = 1; c < COLUMNS.size(); c++) {
        feed(table.column(c), row.get(c));
      }
    }
    usubjid.endMask();
    for (List<Object> row : rows) {
      usubjid.addValue((String) row.get(0));
    }

    assertEquals(reference, table.finish());
  }

  @Test
  void stringValuesMayComeInPartitionsFromAnotherSourceAsUtf8() {
    StringColumnHasher usubjid = new StringColumnHasher("USUBJID", 32);
    Random partitions = new Random(11);
    int row = 0;
    while (row < ROWS) {
      int end = Math.min(ROWS, row + partitions.nextInt(3_000));
      for (; row < end; row++) {
        usubjid.mask(rows.get(row).get(0) == null);
      }
    }
    usubjid.endMask();
    byte[] packed = new byte[ROWS * 64];
    int[] offsets = new int[ROWS + 1];
    for (int r = 0; r < ROWS; r++) {
      String value = (String) rows.get(r).get(0);
      byte[] utf8 = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(utf8, 0, packed, offsets[r], utf8.length);
      offsets[r + 1] = offsets[r] + utf8.length;
    }
    for (int r = 0; r < ROWS; r++) {
      if (rows.get(r).get(0) == null) {
        usubjid.addNull();
      } else {
        usubjid.addValue(packed, offsets[r], offsets[r + 1] - offsets[r]);
      }
    }

    assertEquals(reference.columnHashes().get(0), usubjid.finish());
  }

  @Test
  void theDigestIsTheDigestOfTheWholePayload() {
    ExpectedDigest aval = ExpectedDigest.column("num", "AVAL");
    ExpectedDigest usubjid = ExpectedDigest.column("chr", "USUBJID");
    for (List<Object> row : rows) {
      Double value = (Double) row.get(1);
      aval.longBits(value == null ? DigestSink.NA_REAL_BITS
          : value.isNaN() ? DigestSink.CANONICAL_NAN_BITS : Double.doubleToRawLongBits(value));
      usubjid.bytes(row.get(0) == null ? 1 : 0);
    }
    for (List<Object> row : rows) {
      usubjid.utf8(row.get(0) == null ? "" : (String) row.get(0)).bytes(0);
    }

    assertEquals(usubjid.sha(), reference.columnHashes().get(0).sha());
    assertEquals(aval.sha(), reference.columnHashes().get(1).sha());
  }

  private static void feed(TypedColumnHasher column, Object value) {
    if (value == null) {
      column.addNull();
      return;
    }
    switch (column.spec().type().kind()) {
      case DOUBLE -> column.addDouble((Double) value);
      case INT -> column.addInt((Integer) value);
      case DATE -> column.addEpochDay((int) ((LocalDate) value).toEpochDay());
      case TIMESTAMP -> column.addEpochMicros(((Instant) value).getEpochSecond() * 1_000_000L
          + ((Instant) value).getNano() / 1_000);
      case LONG -> column.addLong((Long) value);
      case DECIMAL -> column.addUnscaledDecimal(((BigDecimal) value).unscaledValue().longValueExact());
      case BOOLEAN -> column.addBoolean((Boolean) value);
      default -> throw new IllegalArgumentException(column.spec().toString());
    }
  }
}
