package io.datom.spark.task;

import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.hash.ColumnHash;
import java.util.Optional;

/**
 * What a hash task sends back for one column: its digest, or why it cannot be hashed.
 *
 * @param ordinal the column's position
 * @param name the column name
 * @param rows how many rows were hashed
 * @param sha the column digest, or {@code null} if the column was refused
 * @param type the column's type name, for a refusal
 * @param recourse why the column was refused and what to do, or {@code null}
 */
public record ColumnOutcome(int ordinal, String name, long rows, String sha, String type, String recourse)
    implements HashTask.Outcome {

  /** The column's entry of {@code column_hashes}. */
  public ColumnHash hash() {
    return new ColumnHash(name, sha);
  }

  /** The refusal, if the column holds a value the hash cannot represent. */
  public Optional<Offender> refusal() {
    return recourse == null ? Optional.empty() : Optional.of(new Offender(name, type, recourse));
  }
}
