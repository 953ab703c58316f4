package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The datom-cv1 {@code chr} encoder for string columns (format §5.3). The payload is one mask byte per row
 * ({@code 01} for null) for <em>all</em> rows, then every value's UTF-8 bytes each followed by {@code 00} (a null
 * gives just the {@code 00}), with no Unicode normalisation. Because the whole mask precedes the first value, the
 * column is fed in two explicit phases, so a caller can produce them in two passes or from two sources:
 *
 * <pre>{@code
 * StringColumnHasher usubjid = new StringColumnHasher("USUBJID");
 * for (row : rows) usubjid.mask(row.isNull(i));      // phase 1: the null mask, in row order
 * usubjid.endMask();
 * for (row : rows) usubjid.addValue(row.get(i));     // phase 2: the values, in the same order
 * ColumnHash hash = usubjid.finish();
 * }</pre>
 *
 * <p>The value phase must see as many rows, and as many nulls, as the mask did; {@link #finish()} checks both. A
 * value containing U+0000 (which R cannot hold) makes the column refused. {@link #hash(String, List)} does both
 * phases for a column already in memory.
 */
public final class StringColumnHasher extends ColumnHasher {
  private enum Phase { MASK, VALUES }

  private final DigestSink sink;
  private Phase phase = Phase.MASK;
  private long maskRows;
  private long maskNulls;
  private long valueRows;
  private long valueNulls;
  private long firstNulRow = -1;

  /** Starts hashing the string column {@code name}, in its mask phase. */
  public StringColumnHasher(String name) {
    this(name, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  StringColumnHasher(String name, int bufferSize) {
    super(name);
    this.sink = startDigest(Cv1Tag.CHR, name, bufferSize);
  }

  /**
   * Hashes a string column held in memory, {@code null} elements being SQL NULL.
   *
   * @throws UnhashableColumnsException if a value contains U+0000
   */
  public static ColumnHash hash(String name, List<String> values) {
    StringColumnHasher hasher = new StringColumnHasher(name);
    for (String value : values) {
      hasher.mask(value == null);
    }
    hasher.endMask();
    for (String value : values) {
      hasher.addValue(value);
    }
    return hasher.finish();
  }

  /** Mask phase: the next row is null if {@code isNull}, else it holds a value (possibly empty). */
  public void mask(boolean isNull) {
    requirePhase(Phase.MASK, "mask");
    sink.putByte(isNull ? (byte) 1 : (byte) 0);
    maskRows++;
    if (isNull) {
      maskNulls++;
    }
  }

  /** Mask phase: the next row is null. */
  public void maskNull() {
    mask(true);
  }

  /** Mask phase: the next row holds a value. */
  public void maskPresent() {
    mask(false);
  }

  /** Ends the mask phase; the row count is now fixed and values are expected. */
  public void endMask() {
    requirePhase(Phase.MASK, "endMask");
    phase = Phase.VALUES;
  }

  /** Value phase: the next row's value, or null for SQL NULL. */
  public void addValue(String value) {
    if (value == null) {
      addNull();
      return;
    }
    nextValueRow("addValue");
    noteNul(sink.putUtf8CheckingNul(value));
    sink.putByte((byte) 0);
  }

  /**
   * Value phase: the next row's value as UTF-8 bytes, so engines that hold strings as bytes (Spark's
   * {@code UTF8String}, Arrow, Parquet) need not build a {@code String}. The bytes are hashed as given.
   */
  public void addValue(byte[] utf8, int offset, int length) {
    nextValueRow("addValue");
    noteNul(sink.putUtf8CheckingNul(utf8, offset, length));
    sink.putByte((byte) 0);
  }

  /** Value phase: the next row is null; the mask must say so too. */
  public void addNull() {
    nextValueRow("addNull");
    valueNulls++;
    sink.putByte((byte) 0);
  }

  /** Rows in the mask: the column's row count. */
  @Override
  public long rowCount() {
    return maskRows;
  }

  @Override
  public Optional<Offender> refusal() {
    if (firstNulRow < 0) {
      return Optional.empty();
    }
    return Optional.of(new Offender(name(), ColumnType.STRING.typeName(),
        "It holds a value containing U+0000 (row " + firstNulRow + "), which R cannot represent. Remove or replace "
            + "the NUL characters before writing."));
  }

  @Override
  String finishDigest() {
    if (phase != Phase.VALUES || valueRows != maskRows || valueNulls != maskNulls) {
      throw new IllegalStateException("String column " + name() + " is incomplete: its mask has " + maskRows
          + " rows (" + maskNulls + " null) but " + valueRows + " values (" + valueNulls + " null) were added"
          + (phase == Phase.MASK ? " and the mask was never ended" : ""));
    }
    return sink.finishHex();
  }

  private void nextValueRow(String method) {
    requirePhase(Phase.VALUES, method);
    if (valueRows == maskRows) {
      throw new IllegalStateException(
          "String column " + name() + " has " + maskRows + " rows in its mask; " + method + " got one more");
    }
    valueRows++;
  }

  private void noteNul(boolean containsNul) {
    if (containsNul && firstNulRow < 0) {
      firstNulRow = valueRows;
    }
  }

  private void requirePhase(Phase expected, String method) {
    if (phase != expected) {
      throw new IllegalStateException(method + " belongs to the " + expected.name().toLowerCase(Locale.ROOT)
          + " phase, but string column " + name() + " is in its " + phase.name().toLowerCase(Locale.ROOT)
          + " phase (call endMask() once, between the mask and the values)");
    }
  }
}
