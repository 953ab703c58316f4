package io.datom.core;

import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.TableHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small tables for write tests: the identity is a real datom-cv1 hash of the rows; the "parquet" is a small file of
 * bytes standing for them. Core never parses parquet (it only places, sizes and hashes the object), so the protocol
 * behaves exactly as with a real file, and {@code bytesVariant} models a re-serialisation of the same rows that comes
 * out byte-different.
 *
 * @param hash the rows' identity
 * @param file the object's bytes
 */
record TestContent(TableHash hash, Path file) {

  private static final List<ColumnSpec> COLUMNS = List.of(ColumnSpec.of("USUBJID", "string"), ColumnSpec.of("AGE", "int"));

  /** Rows {@code ("S1", ages[0]), ("S2", ages[1]), ...}, written as {@code dir/{name}.parquet}. */
  static TestContent of(Path dir, String name, int... ages) {
    return variant(dir, name, 0, ages);
  }

  /** As {@link #of(Path, String, int...)}, with bytes that differ per {@code bytesVariant} for the same rows. */
  static TestContent variant(Path dir, String name, int bytesVariant, int... ages) {
    List<List<?>> rows = new ArrayList<>();
    StringBuilder body = new StringBuilder("PAR1 variant " + bytesVariant);
    for (int i = 0; i < ages.length; i++) {
      rows.add(List.of("S" + (i + 1), ages[i]));
      body.append(" S").append(i + 1).append('=').append(ages[i]);
    }
    try {
      Files.createDirectories(dir);
      Path file = Files.writeString(dir.resolve(name + ".parquet"), body.append(" PAR1"), StandardCharsets.UTF_8);
      return new TestContent(TableHash.ofRows(COLUMNS, rows), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LocalParquetFile parquet() {
    return new LocalParquetFile(file);
  }

  WriteRequest.Builder request(String table) {
    return WriteRequest.builder(table, hash, parquet());
  }

  String dataSha() {
    return hash.dataSha();
  }
}
