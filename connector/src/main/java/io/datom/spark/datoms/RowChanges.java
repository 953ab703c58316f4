package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

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
    Map<String, DataType> columns = columns(after.rows());
    if (!before.isEmpty()) {
      columns(before.rows()).forEach(columns::putIfAbsent);
    }
    Dataset<Row> now = aligned(after.rows(), columns);
    if (before.isEmpty()) {
      return now.withColumn(ADDED, lit(true));
    }
    Dataset<Row> old = aligned(before.rows(), columns);
    return old.exceptAll(now).withColumn(ADDED, lit(false)).unionAll(now.exceptAll(old).withColumn(ADDED, lit(true)));
  }

  private static Map<String, DataType> columns(Dataset<Row> side) {
    Map<String, DataType> columns = new LinkedHashMap<>();
    for (StructField field : side.schema().fields()) {
      columns.putIfAbsent(field.name(), field.dataType());
    }
    return columns;
  }

  /** {@code side} with exactly {@code columns}, in order: its own converted to the type, missing ones null. */
  private static Dataset<Row> aligned(Dataset<Row> side, Map<String, DataType> columns) {
    Map<String, DataType> own = columns(side);
    List<Column> select = new ArrayList<>();
    columns.forEach((name, type) -> select.add(converted(side, name, own.get(name), type).as(name)));
    return side.select(select.toArray(Column[]::new));
  }

  /** As {@code try_cast}, so that a value the type cannot hold is null rather than an error under ANSI mode. */
  private static Column converted(Dataset<Row> side, String name, DataType ownType, DataType type) {
    if (ownType == null) {
      return lit(null).cast(type);
    }
    if (ownType.equals(type)) {
      return side.col(CellDiff.quoted(name));
    }
    return functions.expr("try_cast(" + CellDiff.quoted(name) + " AS " + type.sql() + ")");
  }
}
