package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.UnhashableColumnsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableHashTest {
  private static final ColumnHash A =
      new ColumnHash("a", "17582ff8e71aabc171eede1f17b069dd91d11904b94cb4379d5d87bf59773cc4");
  private static final ColumnHash B =
      new ColumnHash("b", "91d7fdeb2e7e8eeca39ae4e8cdb8327645d4b399172619b966def7933958bad5");

  @Test
  void dataShaHashesDimensionsAsDoublesThenTheHexDigests() {
    TableHash hash = TableHash.ofColumnHashes(3, List.of(A, B));

    byte[] dimensions = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(3).putDouble(2).array();
    assertEquals(Sha256.hashHex("datom-cv1".getBytes(StandardCharsets.US_ASCII), dimensions,
        (A.sha() + B.sha()).getBytes(StandardCharsets.US_ASCII)), hash.dataSha());
    assertEquals(3, hash.nrow());
    assertEquals(2, hash.ncol());
    assertEquals(List.of("a", "b"), hash.colnames());
    assertEquals(List.of(A, B), hash.columnHashes());
  }

  @Test
  void isAnImmutableValue() {
    TableHash hash = TableHash.ofColumnHashes(1, Arrays.asList(A, B));

    assertThrows(UnsupportedOperationException.class, () -> hash.columnHashes().add(A));
    assertEquals(hash, TableHash.ofColumnHashes(1, List.of(A, B)));
    assertEquals(hash.hashCode(), TableHash.ofColumnHashes(1, List.of(A, B)).hashCode());
    assertTrue(hash.toString().contains(hash.dataSha()));
  }

  @Test
  void anEmptyTableHasNoHash() {
    assertThrows(UnhashableColumnsException.class, () -> TableHash.ofColumnHashes(0, List.of(A)));
    assertThrows(UnhashableColumnsException.class, () -> TableHash.ofColumnHashes(2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> TableHash.ofColumnHashes(-1, List.of(A)));
  }

  @Test
  void columnDigestsMustBeSha256Hex() {
    assertThrows(IllegalArgumentException.class, () -> new ColumnHash("a", "ABC"));
    assertThrows(IllegalArgumentException.class, () -> new ColumnHash("a", A.sha().toUpperCase()));
  }

  @Test
  void timestampNtzRowsAreLocalDateTimesReadAsUtc() {
    TableHash ntz = TableHash.ofRows(List.of(ColumnSpec.of("t", "timestamp_ntz")),
        List.of(List.of(LocalDateTime.parse("2026-01-02T03:04:05.123456"))));
    TableHash instant = TableHash.ofRows(List.of(ColumnSpec.of("t", "timestamp")),
        List.of(List.of(Instant.parse("2026-01-02T03:04:05.123456Z"))));

    assertEquals(instant, ntz);
  }

  @Test
  void rowsMustMatchTheColumns() {
    List<ColumnSpec> columns = List.of(ColumnSpec.of("n", "int"), ColumnSpec.of("s", "string"));

    IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
        () -> TableHash.ofRows(columns, List.of(List.of(1))));
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> TableHash.ofRows(columns, List.of(List.of(1L, "a"))));
    IllegalArgumentException wrongString = assertThrows(IllegalArgumentException.class,
        () -> TableHash.ofRows(columns, List.of(List.of(1, 'a'))));

    assertEquals("Row 1 has 1 values for 2 columns", wrongLength.getMessage());
    assertEquals("Row 1 of column n holds a Long; this column takes Integer values", wrongType.getMessage());
    assertEquals("Row 1 of column s holds a Character; this column takes String values", wrongString.getMessage());
  }
}
