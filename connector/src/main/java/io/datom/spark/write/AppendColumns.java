package io.datom.spark.write;

import io.datom.spark.exceptions.SchemaMismatchException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Lines the rows of an append up with the table's columns: the same names (compared exactly) with the same types,
 * taken in the table's column order whatever the DataFrame's order is.
 */
final class AppendColumns {

  private AppendColumns() {}

  /**
   * {@code data}'s columns in the order of {@code table}'s.
   *
   * @throws SchemaMismatchException if the names or the types differ
   */
  static Dataset<Row> align(Dataset<Row> data, StructType table, String tableName) {
    StructType written = data.schema();
    Set<String> tableNames = Set.of(table.fieldNames());
    Set<String> writtenNames = Set.of(written.fieldNames());
    if (table.size() != written.size() || !tableNames.equals(writtenNames)) {
      throw mismatch(tableName, table, written, "the column names differ");
    }
    for (StructField field : table.fields()) {
      DataType writtenType = written.apply(field.name()).dataType();
      if (!writtenType.sameType(field.dataType())) {
        throw mismatch(tableName, table, written, "column " + field.name() + " is " + field.dataType().simpleString()
            + " in the table but " + writtenType.simpleString() + " in the DataFrame");
      }
    }
    Column[] ordered = Arrays.stream(table.fieldNames()).map(name -> functions.col("`" + name.replace("`", "``") + "`"))
        .toArray(Column[]::new);
    return Arrays.equals(table.fieldNames(), written.fieldNames()) ? data : data.select(ordered);
  }

  private static SchemaMismatchException mismatch(String tableName, StructType table, StructType written,
      String problem) {
    return new SchemaMismatchException(tableName, describe(table), describe(written), problem);
  }

  private static List<String> describe(StructType schema) {
    return Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().simpleString())
        .collect(Collectors.toList());
  }
}
