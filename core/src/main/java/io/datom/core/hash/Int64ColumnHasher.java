package io.datom.core.hash;

/**
 * The datom-cv1 {@code i64} encoder (format §5.3): each value as a raw two's-complement int64, little-endian, with no
 * canonicalisation; {@link #addNa()} writes bit64's {@code NA_integer64_}, which is INT64_MIN. An INT64_MIN value is
 * therefore indistinguishable from NA here; {@link TypedColumnHasher} refuses it for bigint columns.
 */
final class Int64ColumnHasher extends ColumnHasher {
  private final DigestSink sink;
  private final long headerSize;

  Int64ColumnHasher(String name, int bufferSize) {
    super(name);
    this.sink = startDigest(Cv1Tag.I64, name, bufferSize);
    this.headerSize = sink.size();
  }

  /** An {@code i64} column, as R's {@code bit64::integer64} vectors hash. */
  public static Int64ColumnHasher create(String column) {
    return new Int64ColumnHasher(column, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /** Adds the next value, bit for bit. */
  public void add(long value) {
    sink.putLong(value);
  }

  /** Adds NA (SQL NULL), written as INT64_MIN. */
  public void addNa() {
    sink.putLong(Long.MIN_VALUE);
  }

  /** Every value takes eight bytes, so the rows are counted by the bytes written. */
  @Override
  public long rowCount() {
    return (sink.size() - headerSize) / Long.BYTES;
  }

  /** Starts a run of values (see {@link DigestSink#reserveLongs}): returns how many of {@code wanted} fit now. */
  int reserve(int wanted) {
    return sink.reserveLongs(wanted);
  }

  /** Sets the {@code index}-th value of the reserved run; INT64_MIN is NA. */
  void set(int index, long value) {
    sink.setLong(index, value);
  }

  /** Adds the first {@code count} values of the reserved run. */
  void commit(int count) {
    sink.commitLongs(count);
  }

  @Override
  String finishDigest() {
    return sink.finishHex();
  }
}
