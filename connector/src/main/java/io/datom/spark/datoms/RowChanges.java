package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.lit;

import io.datom.spark.schema.AlignedColumns;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * Whole rows added and retracted between two states, compared as multisets (no key): the rows of {@code after} that
 * {@code before} lacks with {@code added = true}, those {@code before} has and {@code after} lacks with
 * {@code added = false}. Columns are matched by name (those of {@code after}, then those only {@code before} has,
 * null on the side that lacks one); a column whose type changed is compared as {@code after}'s type. The same
 * comparison as {@code io.datom.spark.DatomChanges}, with a boolean {@code added} in place of its {@code _change}.
 */
final class RowChanges {

  static final String ADDED = "added";

  private RowChanges() {}

  /** The changes; {@code before} may be null (the state before the first version: every row is added). */
  static Dataset<Row> between(Snapshot before, Snapshot after) {
    for (Snapshot side : before.isEmpty() ? List.of(after) : List.of(before, after)) {
      for (String column : side.rows().columns()) {
        if (column.equalsIgnoreCase(ADDED)) {
          throw new ReservedColumnException(column, side.label());
        }
      }
    }
    Map<String, DataType> columns = AlignedColumns.of(after.rows());
    if (!before.isEmpty()) {
      AlignedColumns.of(before.rows()).forEach(columns::putIfAbsent);
    }
    Dataset<Row> now = AlignedColumns.aligned(after.rows(), columns);
    if (before.isEmpty()) {
      return now.withColumn(ADDED, lit(true));
    }
    Dataset<Row> old = AlignedColumns.aligned(before.rows(), columns);
    return old.exceptAll(now).withColumn(ADDED, lit(false)).unionAll(now.exceptAll(old).withColumn(ADDED, lit(true)));
  }
}
