package io.datom.examples.bench.history;

import io.datom.core.LocalParquetFile;
import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.TableHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1,000-row table version, different per seed: its datom-cv1 hash, computed by core from the rows, and an object
 * standing for its parquet file (about 60 KB; core never parses it, it only hashes, sizes and stores it).
 *
 * @param hash   the rows' identity
 * @param object the stand-in object
 */
record ThousandRows(TableHash hash, LocalParquetFile object) {

  static final int ROWS = 1_000;
  private static final List<ColumnSpec> COLUMNS = List.of(ColumnSpec.of("USUBJID", "string"),
      ColumnSpec.of("LBTESTCD", "string"), ColumnSpec.of("VISITNUM", "int"), ColumnSpec.of("AVAL", "double"),
      ColumnSpec.of("ADT", "date"));
  private static final String[] TESTS = {"ALT", "AST", "BILI", "CREAT", "GLUC", "HGB", "K", "NA", "PLT", "WBC"};

  /** The rows of {@code seed}, their stand-in object written as {@code dir/rows-{seed}.parquet}. */
  static ThousandRows of(Path dir, long seed) throws IOException {
    List<List<?>> rows = new ArrayList<>(ROWS);
    StringBuilder text = new StringBuilder("PAR1");
    for (int i = 0; i < ROWS; i++) {
      String subject = "CDISCPILOT01-01-701-" + (1000 + i / 10);
      String test = TESTS[i % TESTS.length];
      int visit = (int) (seed % 12) + 1;
      double value = ((seed * 7919 + i * 104729L) % 100_000) / 100.0;
      LocalDate date = LocalDate.of(2026, 1, 1).plusDays(seed % 365);
      rows.add(List.of(subject, test, visit, value, date));
      text.append(subject).append(',').append(test).append(',').append(visit).append(',').append(value)
          .append(',').append(date).append('\n');
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("rows-" + seed + ".parquet");
    Files.writeString(file, text.append("PAR1"), StandardCharsets.UTF_8);
    return new ThousandRows(TableHash.ofRows(COLUMNS, rows), new LocalParquetFile(file));
  }
}
