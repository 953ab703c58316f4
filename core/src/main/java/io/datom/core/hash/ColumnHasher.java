package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column being hashed with datom-cv1: values go in row order, one by one or in runs, and {@link #finish()} gives
 * the column's {@link ColumnHash}. The subclass decides which values it takes:
 *
 * <ul>
 *   <li>{@link TypedColumnHasher}: the values of a non-string {@link ColumnType}, with that type's refusals;
 *   <li>{@link StringColumnHasher}: strings, in two phases (null mask, then values);
 *   <li>{@link NumericColumnHasher} and {@link Int64ColumnHasher}: the R-side {@link Cv1Tag} encoders themselves.
 * </ul>
 *
 * <p>A hasher is for one thread and one column; it must not be used after {@link #finish()}. Nothing is materialised:
 * encoded bytes go to SHA-256 through a fixed buffer.
 */
public abstract sealed class ColumnHasher
    permits NumericColumnHasher, Int64ColumnHasher, StringColumnHasher, TypedColumnHasher {

  private final String name;
  private boolean finished;

  ColumnHasher(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The column name, hashed verbatim as UTF-8. */
  public final String name() {
    return name;
  }

  /** How many rows have been fed so far. */
  public abstract long rowCount();

  /**
   * The reason this column cannot be hashed, found while its values were fed (e.g. an int column holding
   * -2147483648), naming the first offending value; empty while every value is hashable.
   */
  public Optional<Offender> refusal() {
    return Optional.empty();
  }

  /**
   * Ends the column and returns its digest.
   *
   * @throws UnhashableColumnsException if {@link #refusal()} is present
   * @throws IllegalStateException if the hasher was already finished, or (two-phase columns) is incomplete
   */
  public final ColumnHash finish() {
    if (finished) {
      throw new IllegalStateException("Column " + name + " has already been finished");
    }
    Optional<Offender> refusal = refusal();
    if (refusal.isPresent()) {
      throw new UnhashableColumnsException(List.of(refusal.get()));
    }
    String sha = finishDigest();
    finished = true;
    return new ColumnHash(name, sha);
  }

  /** Completes the digest of {@code tag || name || 0x00 || payload} and returns it as hex. */
  abstract String finishDigest();

  /** Starts a sink with the column digest's prefix: the tag's ASCII label, the UTF-8 name and a 0x00 byte. */
  static DigestSink startDigest(Cv1Tag tag, String name, int bufferSize) {
    DigestSink sink = new DigestSink(bufferSize);
    sink.putBytes(tag.labelBytes());
    sink.putBytes(name.getBytes(StandardCharsets.UTF_8));
    sink.putByte((byte) 0);
    return sink;
  }
}
