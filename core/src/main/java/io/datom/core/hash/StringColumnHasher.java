package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.util.List;
import java.util.Objects;
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
 * <p>Engines that hold a column as arrays should feed it in runs ({@link #mask(boolean[], int, int)},
 * {@link #addValues}): same digest, several times faster. The value phase must see as many rows, and as many nulls,
 * as the mask did; {@link #finish()} checks both. A value containing U+0000 (which R cannot hold) makes the column
 * refused. {@link #hash(String, List)} does both phases for a column already in memory.
 */
public final class StringColumnHasher extends ColumnHasher {
  private final DigestSink sink;
  private boolean inValuePhase;
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
    if (inValuePhase) {
      throw outOfPhase("mask");
    }
    sink.putByte(isNull ? (byte) 1 : (byte) 0);
    maskRows++;
    maskNulls += isNull ? 1 : 0;
  }

  /** Mask phase: the next row is null. */
  public void maskNull() {
    mask(true);
  }

  /** Mask phase: the next row holds a value. */
  public void maskPresent() {
    mask(false);
  }

  /**
   * Mask phase: a run of {@code length} rows, row {@code i} null if {@code nulls} is given and {@code nulls[i]} is
   * true (rows {@code offset} to {@code offset + length - 1}). Same digest as one call per row, faster.
   */
  public void mask(boolean[] nulls, int offset, int length) {
    if (inValuePhase) {
      throw outOfPhase("mask");
    }
    if (nulls == null) {
      sink.putZeros(length);
    } else {
      Objects.checkFromIndexSize(offset, length, nulls.length);
      maskNulls += sink.putFlags(nulls, offset, length);
    }
    maskRows += length;
  }

  /** Ends the mask phase; the row count is now fixed and values are expected. */
  public void endMask() {
    if (inValuePhase) {
      throw outOfPhase("endMask");
    }
    inValuePhase = true;
  }

  /** Value phase: the next row's value, or null for SQL NULL. */
  public void addValue(String value) {
    if (value == null) {
      addNull();
      return;
    }
    long row = takeValueRows("addValue", 1);
    sink.putNulTerminated(value);
    noteNul(value.indexOf('\0') >= 0, row);
  }

  /**
   * Value phase: the next row's value as UTF-8 bytes, so engines that hold strings as bytes (Spark's
   * {@code UTF8String}, Arrow, Parquet) need not build a {@code String}. The bytes are hashed as given.
   */
  public void addValue(byte[] utf8, int offset, int length) {
    long row = takeValueRows("addValue", 1);
    sink.putNulTerminated(utf8, offset, length);
    // The sink's flag never turns back; if it was already set, an earlier row was noted then.
    noteNul(sink.textHeldNul(), row);
  }

  /**
   * Value phase: rows {@code from} to {@code to - 1} of a column packed as UTF-8 the way Arrow and Parquet hold it:
   * row {@code r} is {@code utf8[offsets[r] .. offsets[r + 1])}, or null if {@code nulls} is given and
   * {@code nulls[r]} is true. Same digest as one {@link #addValue(byte[], int, int)} or {@link #addNull()} per row,
   * several times faster.
   */
  public void addValues(byte[] utf8, int[] offsets, boolean[] nulls, int from, int to) {
    Objects.checkFromToIndex(from, to, offsets.length - 1);
    if (nulls != null) {
      Objects.checkFromToIndex(from, to, nulls.length);
    }
    long firstRow = takeValueRows("addValues", to - from);
    // A run without nulls takes a path that does not read each row's flag.
    valueNulls += sink.putNulTerminated(utf8, offsets, NullFlags.orNullIfNone(nulls, from, to), from, to);
    if (firstNulRow < 0 && sink.textHeldNul()) {
      // Rare, so the row is only looked for now.
      firstNulRow = firstRow + NulBytes.firstRow(utf8, offsets, nulls, from, to) - from;
    }
  }

  /** Value phase: the next row is null; the mask must say so too. */
  public void addNull() {
    takeValueRows("addNull", 1);
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
        "The value at row " + firstNulRow + " contains U+0000, which R cannot represent. Remove or replace "
            + "the NUL characters before writing."));
  }

  @Override
  String finishDigest() {
    if (!inValuePhase || valueRows != maskRows || valueNulls != maskNulls) {
      throw new IllegalStateException("String column " + name() + " is incomplete: its mask has " + maskRows
          + " rows (" + maskNulls + " null) but " + valueRows + " values (" + valueNulls + " null) were added"
          + (inValuePhase ? "" : " and the mask was never ended"));
    }
    return sink.finishHex();
  }

  /** Counts {@code count} more values in, returning the 1-based row number of the first. */
  private long takeValueRows(String method, int count) {
    if (!inValuePhase || count > maskRows - valueRows) {
      throw inValuePhase
          ? new IllegalStateException("String column " + name() + " has " + maskRows + " rows in its mask; " + method
              + " would take it to " + (valueRows + count))
          : outOfPhase(method);
    }
    long first = valueRows + 1;
    valueRows += count;
    return first;
  }

  private void noteNul(boolean containsNul, long row) {
    if (containsNul && firstNulRow < 0) {
      firstNulRow = row;
    }
  }

  private IllegalStateException outOfPhase(String method) {
    return new IllegalStateException(method + " belongs to the " + (inValuePhase ? "mask" : "value")
        + " phase, but string column " + name() + " is in its " + (inValuePhase ? "value" : "mask")
        + " phase (call endMask() once, between the mask and the values)");
  }
}
