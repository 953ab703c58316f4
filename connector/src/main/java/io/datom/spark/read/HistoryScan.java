package io.datom.spark.read;

import io.datom.core.DatomTable;
import io.datom.core.TableHistory;
import io.datom.core.VersionMetadata;
import io.datom.core.exceptions.VersionNotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/** The rows of a history table, built on the driver (a history is small): Spark plans it as a local table scan. */
public final class HistoryScan implements LocalScan {

  /** The columns of a table's history: see {@code HistoryTable}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("version", DataTypes.StringType, true)
          .add("data_sha", DataTypes.StringType, true)
          .add("parquet_sha", DataTypes.StringType, true)
          .add("timestamp", DataTypes.TimestampType, true)
          .add(
              "author",
              new StructType().add("name", DataTypes.StringType, false).add("email", DataTypes.StringType, false),
              true)
          .add("message", DataTypes.StringType, true)
          .add("nrow", DataTypes.LongType, true)
          .add("ncol", DataTypes.IntegerType, true);


  private final DatomTable table;
  private final TableHistory history;
  private final StructType columns;

  HistoryScan(DatomTable table, TableHistory history, StructType columns) {
    this.table = table;
    this.history = history;
    this.columns = columns;
  }

  @Override
  public StructType readSchema() {
    return columns;
  }

  @Override
  public String description() {
    return "datom history of " + table.name() + " [" + String.join(", ", columns.fieldNames()) + "]";
  }

  @Override
  public InternalRow[] rows() {
    return history.entries().stream().map(this::row).toArray(InternalRow[]::new);
  }

  private InternalRow row(TableHistory.Entry entry) {
    StructField[] fields = columns.fields();
    Object[] values = new Object[fields.length];
    Optional<VersionMetadata> metadata = needsMetadata() ? metadataOf(entry) : Optional.empty();
    for (int i = 0; i < fields.length; i++) {
      values[i] = value(fields[i].name(), entry, metadata);
    }
    return new GenericInternalRow(values);
  }

  private Object value(String column, TableHistory.Entry entry, Optional<VersionMetadata> metadata) {
    return switch (column) {
      case "version" -> utf8(entry.version());
      case "data_sha" -> utf8(entry.dataSha());
      case "parquet_sha" -> utf8(entry.parquetSha());
      case "timestamp" -> entry.timestamp().map(t -> ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(t)))
          .orElse(null);
      case "author" -> entry.author().map(HistoryScan::author).orElse(null);
      case "message" -> utf8(entry.commitMessage());
      case "nrow" -> metadata.map(VersionMetadata::nrow).filter(OptionalLong::isPresent)
          .map(n -> (Object) n.getAsLong()).orElse(null);
      case "ncol" -> metadata.map(VersionMetadata::ncol).filter(OptionalLong::isPresent)
          .map(n -> (Object) Math.toIntExact(n.getAsLong())).orElse(null);
      default -> throw new IllegalStateException("Unknown history column " + column);
    };
  }

  private boolean needsMetadata() {
    return columns.getFieldIndex("nrow").isDefined() || columns.getFieldIndex("ncol").isDefined();
  }

  private Optional<VersionMetadata> metadataOf(TableHistory.Entry entry) {
    try {
      return entry.version().map(table::metadata);
    } catch (VersionNotFoundException noSnapshot) {
      return Optional.empty(); // snapshots are mirrors; a history without one still lists the version
    }
  }

  private static InternalRow author(TableHistory.Author author) {
    return new GenericInternalRow(new Object[] {UTF8String.fromString(author.name()), UTF8String.fromString(author.email())});
  }

  private static UTF8String utf8(Optional<String> value) {
    return value.map(UTF8String::fromString).orElse(null);
  }
}
