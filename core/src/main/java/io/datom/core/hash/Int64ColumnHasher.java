package io.datom.core.hash;

/**
 * The datom-cv1 {@code i64} encoder (format §5.3): each value as a raw two's-complement int64, little-endian, with no
 * canonicalisation; {@link #addNa()} writes bit64's {@code NA_integer64_}, which is INT64_MIN. An INT64_MIN value is
 * therefore indistinguishable from NA here; {@link TypedColumnHasher} refuses it for bigint columns.
 */
public final class Int64ColumnHasher extends ColumnHasher {
  private final DigestSink sink;
  private long rows;

  Int64ColumnHasher(String name, int bufferSize) {
    super(name);
    this.sink = startDigest(Cv1Tag.I64, name, bufferSize);
  }

  /** An {@code i64} column, as R's {@code bit64::integer64} vectors hash. */
  public static Int64ColumnHasher create(String column) {
    return new Int64ColumnHasher(column, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /** Adds the next value, bit for bit. */
  public void add(long value) {
    sink.putLong(value);
    rows++;
  }

  /** Adds NA (SQL NULL), written as INT64_MIN. */
  public void addNa() {
    sink.putLong(Long.MIN_VALUE);
    rows++;
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  String finishDigest() {
    return sink.finishHex();
  }
}
