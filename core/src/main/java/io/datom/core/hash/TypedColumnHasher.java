package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Hashes a column of a non-string {@link ColumnType} as R would see it after {@code arrow::read_parquet} (format
 * §14.1). Each kind takes its values through exactly one method, plus {@link #addNull()} for SQL NULL:
 *
 * <table>
 *   <caption>Kind, method, cv1 tag</caption>
 *   <tr><th>Kind</th><th>Method</th><th>Tag and value</th></tr>
 *   <tr><td>BOOLEAN</td><td>{@link #addBoolean}</td><td>{@code num}: 0 / 1</td></tr>
 *   <tr><td>BYTE, SHORT, INT</td><td>{@link #addInt}</td><td>{@code num}; an INT column refuses -2147483648</td></tr>
 *   <tr><td>LONG</td><td>{@link #addLong}</td><td>{@code num} if every value fits R's integer, else {@code i64};
 *       refuses INT64_MIN</td></tr>
 *   <tr><td>FLOAT</td><td>{@link #addFloat}</td><td>{@code num}: exact widening</td></tr>
 *   <tr><td>DOUBLE</td><td>{@link #addDouble}</td><td>{@code num}</td></tr>
 *   <tr><td>DECIMAL</td><td>{@link #addDecimal} or {@link #addUnscaledDecimal}</td><td>{@code num}: the correctly
 *       rounded double; refuses values of more than 15 significant digits</td></tr>
 *   <tr><td>DATE</td><td>{@link #addEpochDay}</td><td>{@code date}</td></tr>
 *   <tr><td>TIMESTAMP, TIMESTAMP_NTZ</td><td>{@link #addEpochMicros}</td><td>{@code time}:
 *       {@code micros / 1e6}</td></tr>
 * </table>
 *
 * <p>Each method has a run form ({@link #addBooleans}, {@link #addInts}, ...) taking an array slice and optional null
 * flags, which gives the same digest several times faster. Calling a method of another kind is a programming error
 * ({@link IllegalStateException}). String columns use {@link StringColumnHasher}. A refused value does not stop the
 * feed: the refusal (naming the first offending value) is reported by {@link #refusal()} and raised by
 * {@link #finish()}, so a table can report all its offenders at once.
 */
public abstract sealed class TypedColumnHasher extends ColumnHasher
    permits NumericBackedColumnHasher, BigintColumnHasher {

  private final ColumnSpec spec;
  private Offender refusal;

  TypedColumnHasher(ColumnSpec spec) {
    super(spec.name());
    this.spec = spec;
  }

  /**
   * A hasher for {@code spec}'s column.
   *
   * @throws IllegalArgumentException for a string column (use {@link StringColumnHasher}) or an unsupported type
   *     (check the schema first with {@link TableHasher#forColumns})
   */
  public static TypedColumnHasher forColumn(ColumnSpec spec) {
    return forColumn(spec, DigestSink.DEFAULT_BUFFER_SIZE);
  }

  static TypedColumnHasher forColumn(ColumnSpec spec, int bufferSize) {
    Objects.requireNonNull(spec, "spec");
    ColumnType type = spec.type();
    return switch (type.kind()) {
      case BOOLEAN -> new BooleanColumnHasher(spec, bufferSize);
      case BYTE, SHORT, INT -> new IntegerColumnHasher(spec, bufferSize);
      case LONG -> new BigintColumnHasher(spec, bufferSize);
      case FLOAT -> new FloatColumnHasher(spec, bufferSize);
      case DOUBLE -> new DoubleColumnHasher(spec, bufferSize);
      case DECIMAL -> new DecimalColumnHasher(spec, bufferSize);
      case DATE -> new DateColumnHasher(spec, bufferSize);
      case TIMESTAMP, TIMESTAMP_NTZ -> new TimestampColumnHasher(spec, bufferSize);
      case STRING -> throw new IllegalArgumentException(
          "Column " + spec.name() + " is a string column: hash it with StringColumnHasher");
      case UNSUPPORTED -> throw new IllegalArgumentException(
          "Column " + spec.name() + " (" + type.typeName() + ") is not hashable: " + type.recourse().orElseThrow());
    };
  }

  /** The column being hashed. */
  public final ColumnSpec spec() {
    return spec;
  }

  /** Adds SQL NULL. */
  public abstract void addNull();

  /** Adds a BOOLEAN value. */
  public void addBoolean(boolean value) {
    throw wrongMethod("addBoolean");
  }

  /** Adds a BYTE, SHORT or INT value. */
  public void addInt(int value) {
    throw wrongMethod("addInt");
  }

  /** Adds a LONG (bigint) value. */
  public void addLong(long value) {
    throw wrongMethod("addLong");
  }

  /** Adds a FLOAT value. */
  public void addFloat(float value) {
    throw wrongMethod("addFloat");
  }

  /** Adds a DOUBLE value. */
  public void addDouble(double value) {
    throw wrongMethod("addDouble");
  }

  /** Adds a DECIMAL value; its own scale need not be the column's. */
  public void addDecimal(BigDecimal value) {
    throw wrongMethod("addDecimal");
  }

  /** Adds a DECIMAL value given as its unscaled long: the value is {@code unscaled × 10^-scale} of the column. */
  public void addUnscaledDecimal(long unscaled) {
    throw wrongMethod("addUnscaledDecimal");
  }

  /** Adds a DATE value: days since 1970-01-01. */
  public void addEpochDay(int epochDay) {
    throw wrongMethod("addEpochDay");
  }

  /** Adds a TIMESTAMP or TIMESTAMP_NTZ value: microseconds since 1970-01-01T00:00:00 (UTC for TIMESTAMP). */
  public void addEpochMicros(long micros) {
    throw wrongMethod("addEpochMicros");
  }

  /**
   * Adds a run of BOOLEAN values, {@code values[offset]} to {@code values[offset + length - 1]}. The value at index
   * {@code i} is null if {@code nulls} is given and {@code nulls[i]} is true, and is then ignored. Gives the digest of
   * adding the values one by one, several times faster: prefer runs wherever an engine holds values in arrays.
   */
  public void addBooleans(boolean[] values, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addBooleans");
  }

  /** Adds a run of BYTE, SHORT or INT values; see {@link #addBooleans} for the arguments. */
  public void addInts(int[] values, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addInts");
  }

  /** Adds a run of LONG (bigint) values; see {@link #addBooleans} for the arguments. */
  public void addLongs(long[] values, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addLongs");
  }

  /** Adds a run of FLOAT values; see {@link #addBooleans} for the arguments. */
  public void addFloats(float[] values, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addFloats");
  }

  /** Adds a run of DOUBLE values; see {@link #addBooleans} for the arguments. */
  public void addDoubles(double[] values, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addDoubles");
  }

  /** Adds a run of DECIMAL values as unscaled longs; see {@link #addBooleans} for the arguments. */
  public void addUnscaledDecimals(long[] unscaled, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addUnscaledDecimals");
  }

  /** Adds a run of DATE values as days since 1970-01-01; see {@link #addBooleans} for the arguments. */
  public void addEpochDays(int[] epochDays, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addEpochDays");
  }

  /** Adds a run of TIMESTAMP or TIMESTAMP_NTZ values in microseconds; see {@link #addBooleans} for the arguments. */
  public void addEpochMicros(long[] micros, boolean[] nulls, int offset, int length) {
    throw wrongMethod("addEpochMicros");
  }

  @Override
  public final Optional<Offender> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** Records why the column cannot be hashed, unless an earlier value already did. */
  final void refuse(String recourse) {
    if (refusal == null) {
      refusal = new Offender(spec.name(), spec.type().typeName(), recourse);
    }
  }

  /**
   * The null flags a run loop should test: {@code nulls}, or {@code null} if the run has none, which turns the loop's
   * test of each row's flag into a loop-invariant one that the JIT can take out of the loop.
   */
  static boolean[] nullsIn(boolean[] nulls, int offset, int length) {
    return NullFlags.orNullIfNone(nulls, offset, offset + length);
  }

  /** Checks that a run lies within its arrays. */
  static void checkRun(int valuesLength, boolean[] nulls, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, valuesLength);
    if (nulls != null) {
      Objects.checkFromIndexSize(offset, length, nulls.length);
    }
  }

  private IllegalStateException wrongMethod(String method) {
    return new IllegalStateException("Column " + spec.name() + " is " + spec.type().typeName() + "; " + method
        + " does not apply to it (see TypedColumnHasher for the method of each type)");
  }
}
