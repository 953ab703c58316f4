package io.datom.spark.landing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.spark.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SAS readers against files written by other tools ({@code sas-samples/}, see its README), compared value by
 * value with what pandas reads from them, and the transport reader against files written by {@link XptWriter}.
 */
class SasReadersTest {

  /** pandas' value for an IBM zero (see sas-samples/README.md); the true value is 0. */
  private static final double PANDAS_IBM_ZERO = 5.397605346934028e-79;

  @Test
  void xptMatchesPandasOnAnFdaStyleFile() throws IOException {
    List<SasColumn> columns = assertMatchesPandas("adtte.xpt", SasFormat.XPT);
    assertEquals(26, columns.size());
    assertEquals(new SasColumn("STUDYID", false, 12, ""), columns.get(0));
  }

  @Test
  void xptDatesAndDatetimesKeepTheirFormats() throws IOException {
    List<SasColumn> columns = assertMatchesPandas("dfdates.xpt", SasFormat.XPT);
    assertEquals(SasValueKind.DATE, columns.get(0).kind());
    assertEquals(SasValueKind.DATETIME, columns.get(1).kind());
    List<Object[]> rows = readAll("dfdates.xpt", SasFormat.XPT);
    // 20908 days after 1960-01-01; the datetime 1806451200 s after 1960-01-01T00:00:00.
    assertEquals(LocalDate.of(2017, 3, 30), LocalDate.ofEpochDay((Integer) SasRows.plainValue(SasValueKind.DATE,
        rows.get(0)[0])));
    assertEquals(LocalDate.of(2017, 3, 30).toEpochDay() * 86_400_000_000L,
        SasRows.plainValue(SasValueKind.DATETIME, rows.get(0)[1]));
  }

  @Test
  void sas7bdatMatchesPandas() throws IOException {
    List<SasColumn> columns = assertMatchesPandas("mixed_data_one.sas7bdat", SasFormat.SAS7BDAT);
    assertEquals(15, columns.size());
    assertEquals(SasValueKind.TEXT, columns.get(2).kind());
  }

  @Test
  void sas7bdatDatesAreProlepticGregorianAsPandasReadsThem() throws IOException {
    List<String[]> expected = expected("date_format_date.sas7bdat");
    List<Object[]> rows = readAll("date_format_date.sas7bdat", SasFormat.SAS7BDAT);
    List<SasColumn> columns = columns("date_format_date.sas7bdat", SasFormat.SAS7BDAT);
    assertEquals(expected.size() - 1, rows.size());
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        assertEquals(SasValueKind.DATE, columns.get(c).kind(), columns.get(c).format());
        Object days = SasRows.plainValue(SasValueKind.DATE, rows.get(r)[c]);
        String want = expected.get(r + 1)[c];
        if (want.equals("\\N") || want.equals("NaT")) {
          assertNull(days);
        } else {
          assertEquals(want.substring(0, 10), LocalDate.ofEpochDay((Integer) days).toString(), "row " + r);
        }
      }
    }
  }

  @Test
  void ibmFloatsConvertExactlyAndRoundTrip() {
    assertEquals(1.0, IbmFloat.toDouble(0x4110_0000_0000_0000L));
    assertEquals(-118.625, IbmFloat.toDouble(0xC276_A000_0000_0000L));
    assertEquals(0.0, IbmFloat.toDouble(0L));
    for (double v : new double[] {1.0, -2.5, 0.1, 1.0 / 3, 123456789.0, 1e-20, 6.02e23, 20908.0}) {
      double back = IbmFloat.toDouble(IbmFloat.fromDouble(v));
      // An IBM double has 56 fraction bits of which up to 3 lead with zeros: every double with 53 bits survives.
      assertEquals(v, back, "round trip of " + v);
    }
    byte[] missing = {'.', 0, 0, 0, 0, 0, 0, 0};
    byte[] missingA = {'A', 0, 0, 0, 0, 0, 0, 0};
    assertEquals(true, IbmFloat.isMissing(missing, 0, 8));
    assertEquals(true, IbmFloat.isMissing(missingA, 0, 8));
    assertEquals(false, IbmFloat.isMissing(new byte[] {0x41, 0x10, 0, 0, 0, 0, 0, 0}, 0, 8));
  }

  @Test
  void xptPaddingIsDroppedButBlankRowsInsideAreKept() throws IOException {
    List<XptWriter.Var> vars = List.of(new XptWriter.Var("C", false, 4, ""));
    // 6 rows of 4 bytes = 24 bytes, padded with 56 blanks: 14 blank pseudo-rows that are not rows.
    List<Object[]> rows = List.of(new Object[] {"a"}, new Object[] {""}, new Object[] {""}, new Object[] {"bb"},
        new Object[] {"ccc"}, new Object[] {"d"});
    List<Object[]> read = read(XptWriter.write("T", vars, rows), SasFormat.XPT);
    assertEquals(6, read.size());
    assertEquals("", read.get(1)[0]);
    assertEquals("d", read.get(5)[0]);
  }

  @Test
  void xptWithManyRowsAcrossRecordsReadsEveryValue() throws IOException {
    List<XptWriter.Var> vars = List.of(new XptWriter.Var("ID", true, 8, ""), new XptWriter.Var("NAME", false, 13,
        ""), new XptWriter.Var("DT", true, 8, "DATE9."));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {i % 7 == 0 ? null : i * 0.5, "n" + i + "é", (double) (i - 500)});
    }
    List<Object[]> read = read(XptWriter.write("BIG", vars, rows), SasFormat.XPT);
    assertEquals(rows.size(), read.size());
    for (int i = 0; i < rows.size(); i++) {
      assertArrayEquals(rows.get(i), read.get(i), "row " + i);
    }
  }

  @Test
  void notATransportFileIsRefusedByName() {
    byte[] bytes = "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!".getBytes(StandardCharsets.ISO_8859_1);
    byte[] record = new byte[80];
    System.arraycopy(bytes, 0, record, 0, bytes.length);
    SasFormatException e = assertThrows(SasFormatException.class,
        () -> XptFile.open(new ByteArrayInputStream(record), "v8.xpt"));
    assertEquals(true, e.getMessage().contains("v8.xpt") && e.getMessage().contains("version 8"));
    assertThrows(SasFormatException.class,
        () -> XptFile.open(new ByteArrayInputStream(new byte[160]), "zeros.xpt"));
  }

  private static List<SasColumn> assertMatchesPandas(String file, SasFormat format) throws IOException {
    List<String[]> expected = expected(file);
    List<SasColumn> columns = columns(file, format);
    assertArrayEquals(expected.get(0), columns.stream().map(SasColumn::name).toArray(String[]::new));
    List<Object[]> rows = readAll(file, format);
    assertEquals(expected.size() - 1, rows.size(), "rows of " + file);
    for (int r = 0; r < rows.size(); r++) {
      String[] want = expected.get(r + 1);
      for (int c = 0; c < columns.size(); c++) {
        Object got = rows.get(r)[c];
        String cell = file + " row " + r + " column " + columns.get(c).name();
        if (columns.get(c).numeric()) {
          if (want[c].equals("\\N")) {
            assertNull(got, cell);
          } else {
            double value = Double.parseDouble(want[c]);
            assertEquals(value == PANDAS_IBM_ZERO ? 0.0 : value, (Double) got, 0.0, cell);
          }
        } else {
          assertEquals(want[c], got, cell);
        }
      }
    }
    return columns;
  }

  private static List<String[]> expected(String file) throws IOException {
    String name = file.substring(0, file.lastIndexOf('.')) + ".expected.tsv";
    return Files.readAllLines(sample(name), StandardCharsets.UTF_8).stream().map(l -> l.split("\t", -1)).toList();
  }

  private static List<SasColumn> columns(String file, SasFormat format) throws IOException {
    try (SasFile sas = format.open(Files.newInputStream(sample(file)), file)) {
      return sas.columns();
    }
  }

  private static List<Object[]> readAll(String file, SasFormat format) throws IOException {
    return read(Files.newInputStream(sample(file)), file, format);
  }

  private static List<Object[]> read(byte[] bytes, SasFormat format) throws IOException {
    return read(new ByteArrayInputStream(bytes), "generated." + format.name().toLowerCase(), format);
  }

  private static List<Object[]> read(InputStream in, String name, SasFormat format) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (SasFile sas = format.open(in, name)) {
      for (Object[] row = sas.next(); row != null; row = sas.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  static Path sample(String name) {
    return Fixtures.resource("sas-samples/" + name);
  }
}
