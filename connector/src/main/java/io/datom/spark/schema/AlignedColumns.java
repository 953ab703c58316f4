package io.datom.spark.schema;

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
 * Two states of a table brought to the same columns so they can be compared row for row: columns are matched by
 * name, the first side's first; a column several sides have takes the first side's type, and a side that lacks a
 * column gets nulls.
 */
public final class AlignedColumns {

  private AlignedColumns() {}

  /** The columns of the sides by name and type, the first side's first. */
  @SafeVarargs
  public static Map<String, DataType> of(Dataset<Row>... sides) {
    Map<String, DataType> columns = new LinkedHashMap<>();
    for (Dataset<Row> side : sides) {
      for (StructField field : side.schema().fields()) {
        columns.putIfAbsent(field.name(), field.dataType());
      }
    }
    return columns;
  }

  /** {@code side} with exactly {@code columns}, in order: its own converted to the type, missing ones null. */
  public static Dataset<Row> aligned(Dataset<Row> side, Map<String, DataType> columns) {
    Map<String, DataType> own = of(side);
    List<Column> select = new ArrayList<>();
    columns.forEach((name, type) -> select.add(converted(side, name, own.get(name), type).as(name)));
    return side.select(select.toArray(Column[]::new));
  }

  /** A column name as SQL quotes it, so that dots and backticks in names are taken literally. */
  public static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * {@code side}'s column {@code name}, of type {@code ownType} (null if the side lacks it), as {@code type}; a value
   * the type cannot hold becomes null. That is {@code try_cast}: a plain cast fails on such a value under ANSI mode
   * (Spark 4's default), which would fail the whole comparison. Written in SQL because Spark 3.5's {@code Column} has
   * no {@code try_cast}.
   */
  private static Column converted(Dataset<Row> side, String name, DataType ownType, DataType type) {
    if (ownType == null) {
      return functions.lit(null).cast(type);
    }
    if (ownType.equals(type)) {
      return side.col(quoted(name));
    }
    return functions.expr("try_cast(" + quoted(name) + " AS " + type.sql() + ")");
  }
}
