package io.datom.core.hash;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * The datom-cv1 encoder of the R kinds stored as doubles (format §5.3): {@code num}, {@code date} (days since
 * 1970-01-01), {@code time} (epoch seconds) and {@code drtn} (a duration with R {@code difftime} units). Each value
 * is written as an IEEE double, little-endian, with every NaN folded to {@code 00 00 00 00 00 00 f8 7f} and -0.0 as
 * +0.0; {@link #addNa()} writes R's {@code NA_real_}, which stays distinct from NaN.
 */
final class NumericColumnHasher extends ColumnHasher {

  /** The units R's {@code difftime} allows. */
  public static final Set<String> DURATION_UNITS = Set.of("secs", "mins", "hours", "days", "weeks");

  private final Cv1Tag tag;
  private final String units;
  private final DigestSink sink;
  private final long headerSize;

  NumericColumnHasher(Cv1Tag tag, String name, String units, int bufferSize) {
    super(name);
    this.tag = tag;
    this.units = units;
    this.sink = startDigest(tag, name, bufferSize);
    this.headerSize = sink.size();
  }

  /** A {@code num} column: R logical, integer and double vectors (booleans as 0/1, integers exactly). */
  public static NumericColumnHasher num(String column) {
    return new NumericColumnHasher(Cv1Tag.NUM, column, null, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /** A {@code date} column: feed days since 1970-01-01. */
  public static NumericColumnHasher date(String column) {
    return new NumericColumnHasher(Cv1Tag.DATE, column, null, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /** A {@code time} column: feed seconds since 1970-01-01T00:00:00Z (see {@link #epochSeconds(long)}). */
  public static NumericColumnHasher time(String column) {
    return new NumericColumnHasher(Cv1Tag.TIME, column, null, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /**
   * A {@code drtn} column (R {@code difftime}, {@code hms}, data.table {@code ITime}): feed the values in
   * {@code units}. The units are part of the identity: 60 {@code secs} and 1 {@code mins} hash differently.
   *
   * @param units one of {@link #DURATION_UNITS}; {@code hms} and {@code ITime} are always {@code secs}
   */
  public static NumericColumnHasher duration(String column, String units) {
    Objects.requireNonNull(units, "units");
    if (!DURATION_UNITS.contains(units)) {
      throw new IllegalArgumentException(
          "difftime units must be one of " + DURATION_UNITS + ", not '" + units + "' (column " + column + ")");
    }
    return new NumericColumnHasher(Cv1Tag.DRTN, column, units, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  /**
   * Epoch microseconds as R's POSIXct seconds after {@code arrow::read_parquet}: one IEEE division,
   * {@code (double) micros / 1e6}, never a multiplication by 1e-6 (which rounds differently).
   */
  public static double epochSeconds(long micros) {
    return ExactDoubles.of(micros) / 1_000_000.0;
  }

  /** The R kind this column hashes as. */
  public Cv1Tag tag() {
    return tag;
  }

  /** Adds the next value. */
  public void add(double value) {
    sink.putLong(DigestSink.numBits(value));
  }

  /** Adds R's {@code NA} (SQL NULL). */
  public void addNa() {
    sink.putLong(DigestSink.NA_REAL_BITS);
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

  /** Sets the {@code index}-th value of the reserved run. */
  void set(int index, double value) {
    sink.setLong(index, DigestSink.numBits(value));
  }

  /**
   * Sets the {@code index}-th value of the reserved run to a value that is neither NaN nor -0.0 (the double of an
   * integer, a date or a timestamp), skipping the folding {@link #set} does.
   */
  void setOrdinary(int index, double value) {
    sink.setLong(index, Double.doubleToRawLongBits(value));
  }

  /** Sets the {@code index}-th value of the reserved run to NA. */
  void setNa(int index) {
    sink.setLong(index, DigestSink.NA_REAL_BITS);
  }

  /**
   * Sets the {@code index}-th value of the reserved run to the double whose bits are {@code bits}, or to NA if
   * {@code isNull}. It selects without a branch: nulls fall at random, and a branch would be mispredicted on them.
   */
  void setBitsOrNa(int index, long bits, boolean isNull) {
    long na = -(long) (isNull ? 1 : 0);
    sink.setLong(index, (DigestSink.NA_REAL_BITS & na) | (bits & ~na));
  }

  /** Adds the first {@code count} values of the reserved run. */
  void commit(int count) {
    sink.commitLongs(count);
  }

  @Override
  String finishDigest() {
    if (units != null) {
      sink.putByte((byte) 0);
      sink.putBytes(units.getBytes(StandardCharsets.UTF_8));
    }
    return sink.finishHex();
  }
}
