package io.datom.spark.landing;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * SAS values as Spark rows, in two steps: tasks emit plain values (a double, the day number, microseconds since the
 * Unix epoch, a string), and a projection turns day numbers into dates and microseconds into timestamps, so that no
 * {@code java.sql.Date} or time zone is ever involved.
 *
 * <ul>
 *   <li>numeric without a date or datetime format: double;
 *   <li>numeric with a date format: date, {@code 1960-01-01} plus the value in days (a fraction of a day is dropped);
 *   <li>numeric with a datetime format: timestamp, {@code 1960-01-01T00:00:00Z} plus the value in seconds, to the
 *       microsecond;
 *   <li>character: string, trailing blanks removed; a blank value is the empty string, as in R's haven.
 * </ul>
 *
 * A SAS missing value ({@code .}, {@code .A}–{@code .Z}, {@code ._}) is null.
 */
public final class SasRows {

  /** Days from 1960-01-01 (SAS's epoch) to 1970-01-01. */
  static final int EPOCH_DAYS = 3653;
  /** Seconds from 1960-01-01T00:00:00 to 1970-01-01T00:00:00. */
  static final long EPOCH_SECONDS = 315_619_200L;

  private SasRows() {}

  /** The schema of the rows tasks emit for {@code columns}. */
  public static StructType plainSchema(List<SasColumn> columns) {
    StructType schema = new StructType();
    for (SasColumn column : columns) {
      schema = schema.add(column.name(), plainType(column.kind()), true);
    }
    return schema;
  }

  /** The projection from the plain rows to the imported table's columns, in order. */
  public static Column[] projection(List<SasColumn> columns) {
    Column[] projected = new Column[columns.size()];
    for (int i = 0; i < projected.length; i++) {
      SasColumn sas = columns.get(i);
      Column plain = functions.col("`" + sas.name().replace("`", "``") + "`");
      projected[i] = switch (sas.kind()) {
        case DATE -> functions.expr("date_from_unix_date(`" + sas.name().replace("`", "``") + "`)").as(sas.name());
        case DATETIME -> functions.expr("timestamp_micros(`" + sas.name().replace("`", "``") + "`)").as(sas.name());
        case NUMBER, TEXT -> plain;
      };
    }
    return projected;
  }

  /** The plain row of one SAS row's {@code values}. */
  public static Row plainRow(List<SasColumn> columns, Object[] values) {
    Object[] plain = new Object[columns.size()];
    for (int i = 0; i < plain.length; i++) {
      plain[i] = plainValue(columns.get(i).kind(), values[i]);
    }
    return RowFactory.create(plain);
  }

  static Object plainValue(SasValueKind kind, Object value) {
    if (value == null) {
      return kind == SasValueKind.TEXT ? "" : null;
    }
    return switch (kind) {
      case NUMBER -> (Double) value;
      case DATE -> Math.toIntExact((long) Math.floor((Double) value) - EPOCH_DAYS);
      case DATETIME -> Math.round((Double) value * 1_000_000d) - EPOCH_SECONDS * 1_000_000L;
      case TEXT -> (String) value;
    };
  }

  private static DataType plainType(SasValueKind kind) {
    return switch (kind) {
      case NUMBER -> DataTypes.DoubleType;
      case DATE -> DataTypes.IntegerType;
      case DATETIME -> DataTypes.LongType;
      case TEXT -> DataTypes.StringType;
    };
  }
}
