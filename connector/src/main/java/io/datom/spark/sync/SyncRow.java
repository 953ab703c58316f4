package io.datom.spark.sync;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The outcome of one landing file in a sync, one result row.
 *
 * @param file the file's name
 * @param name the table name
 * @param format the extension as found
 * @param status {@code new}, {@code changed}, {@code unchanged} or {@code unsupported_format}
 * @param action what was done: core's write action ({@code full}, {@code metadata_only}, {@code none}) for an
 *     import, {@code skipped} for an unchanged file, {@code refused} for an unsupported format, {@code error} for an
 *     import that failed (see {@code error})
 * @param version the table's version after the sync ({@code metadata_sha}); for an unchanged file the current one;
 *     null when there is none
 * @param dataSha the table's {@code data_sha} after the sync; null when there is none
 * @param fileSha the sha256 of the file's bytes
 * @param rows the number of rows imported; null when nothing was imported
 * @param seconds the time spent on this file (its import; 0 for a file only hashed), in seconds
 * @param error why the file was not imported; null when it was, or needed not be
 */
public record SyncRow(String file, String name, String format, String status, String action, String version,
    String dataSha, String fileSha, Long rows, double seconds, String error) {

  /** The columns of a sync's result. */
  public static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("name", DataTypes.StringType, false)
      .add("format", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("action", DataTypes.StringType, false)
      .add("version", DataTypes.StringType, true)
      .add("data_sha", DataTypes.StringType, true)
      .add("original_file_sha", DataTypes.StringType, false)
      .add("rows", DataTypes.LongType, true)
      .add("seconds", DataTypes.DoubleType, false)
      .add("error", DataTypes.StringType, true);

  Row toRow() {
    return RowFactory.create(file, name, format, status, action, version, dataSha, fileSha, rows, seconds, error);
  }

  static List<Row> rows(List<SyncRow> outcomes) {
    return outcomes.stream().map(SyncRow::toRow).toList();
  }
}
