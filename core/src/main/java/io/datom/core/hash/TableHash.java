package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The datom-cv1 identity of a table (format §5.1): {@code data_sha} with the {@code nrow}, {@code ncol} and
 * {@code column_hashes} it was derived from,
 *
 * <pre>
 * data_sha = sha256_hex("datom-cv1" || f64le(nrow) || f64le(ncol) || col_hex_1 || ... || col_hex_n)
 * </pre>
 *
 * where the column digests are concatenated as hex text. Immutable.
 */
public final class TableHash {
  private static final byte[] ALGORITHM = "datom-cv1".getBytes(StandardCharsets.US_ASCII);

  private final String dataSha;
  private final long nrow;
  private final List<ColumnHash> columnHashes;

  private TableHash(String dataSha, long nrow, List<ColumnHash> columnHashes) {
    this.dataSha = dataSha;
    this.nrow = nrow;
    this.columnHashes = columnHashes;
  }

  /**
   * Combines column digests into the table's hash, e.g. to re-derive {@code data_sha} from a metadata file's
   * {@code column_hashes} and {@code nrow}.
   *
   * @throws UnhashableColumnsException if {@code nrow} is 0 or there are no columns
   */
  public static TableHash ofColumnHashes(long nrow, List<ColumnHash> columnHashes) {
    List<ColumnHash> columns = List.copyOf(Objects.requireNonNull(columnHashes, "columnHashes"));
    if (nrow < 0) {
      throw new IllegalArgumentException("A table cannot have " + nrow + " rows");
    }
    if (nrow == 0 || columns.isEmpty()) {
      throw UnhashableColumnsException.emptyTable();
    }
    ByteBuffer dimensions = ByteBuffer.allocate(2 * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    dimensions.putDouble(nrow).putDouble(columns.size());
    StringBuilder hexes = new StringBuilder(64 * columns.size());
    columns.forEach(column -> hexes.append(column.sha()));
    byte[] columnDigests = hexes.toString().getBytes(StandardCharsets.US_ASCII);
    String dataSha = Sha256.hashHex(ALGORITHM, dimensions.array(), columnDigests);
    return new TableHash(dataSha, nrow, columns);
  }

  /**
   * Hashes a small table held in memory as rows of Java values, {@code null} being SQL NULL. The Java type of each
   * value follows its column's kind: BOOLEAN {@link Boolean}, BYTE {@link Byte}, SHORT {@link Short}, INT
   * {@link Integer}, LONG {@link Long}, FLOAT {@link Float}, DOUBLE {@link Double}, DECIMAL
   * {@link java.math.BigDecimal}, STRING {@link String}, DATE {@link java.time.LocalDate}, TIMESTAMP
   * {@link java.time.Instant}, TIMESTAMP_NTZ {@link java.time.LocalDateTime}.
   *
   * @throws UnhashableColumnsException naming every column that cannot be hashed
   * @throws IllegalArgumentException if a row has the wrong length or a value the wrong Java type
   */
  public static TableHash ofRows(List<ColumnSpec> columns, List<? extends List<?>> rows) {
    return JavaValueRows.hash(columns, rows);
  }

  /** {@code data_sha}: 64 lowercase hex characters. */
  public String dataSha() {
    return dataSha;
  }

  /** The number of rows hashed. */
  public long nrow() {
    return nrow;
  }

  /** The number of columns hashed. */
  public int ncol() {
    return columnHashes.size();
  }

  /** {@code column_hashes}: every column's name and digest, in column order. */
  public List<ColumnHash> columnHashes() {
    return columnHashes;
  }

  /** The column names, in order. */
  public List<String> colnames() {
    return columnHashes.stream().map(ColumnHash::name).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableHash that
        && dataSha.equals(that.dataSha)
        && nrow == that.nrow
        && columnHashes.equals(that.columnHashes);
  }

  @Override
  public int hashCode() {
    return dataSha.hashCode();
  }

  @Override
  public String toString() {
    return "TableHash[dataSha=" + dataSha + ", nrow=" + nrow + ", ncol=" + ncol() + "]";
  }
}
