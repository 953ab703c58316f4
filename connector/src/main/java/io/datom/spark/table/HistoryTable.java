package io.datom.spark.table;

import io.datom.core.DatomTable;
import io.datom.core.TableHistory;
import io.datom.core.VersionSpec;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.options.DatomReadOptions;
import io.datom.spark.read.HistoryScan;
import io.datom.spark.read.HistoryScanBuilder;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A table's version history as a Spark table, newest first: {@code SELECT * FROM study.lb.history}, or
 * {@code format("datom").option("table", "lb.history")}. Columns:
 *
 * <ul>
 *   <li>{@code version} string: the {@code metadata_sha}
 *   <li>{@code data_sha} string
 *   <li>{@code parquet_sha} string, null for versions written before cv1
 *   <li>{@code timestamp} timestamp: when the version was written
 *   <li>{@code author} struct&lt;name, email&gt;, null where R recorded {@code "unknown"}
 *   <li>{@code message} string: the commit message
 *   <li>{@code nrow} bigint and {@code ncol} int, from each version's metadata snapshot; null when the store has no
 *       snapshot for the version
 * </ul>
 *
 * The history is read once, when the table is loaded (one store read); {@code nrow} and {@code ncol} cost one more
 * read per version and are read only by queries that select them.
 *
 * <p>A history is read-only: it grows by writing its table. A write to it is refused with datom's message (it
 * declares the write capabilities only so that Spark hands the write to it, rather than failing on column checks).
 */
public final class HistoryTable implements SupportsRead, SupportsWrite {

  /** The history table's schema. */
  public static final StructType SCHEMA = HistoryScan.SCHEMA;

  private final DatomTable table;
  private final TableHistory history;

  private HistoryTable(DatomTable table, TableHistory history) {
    this.table = table;
    this.history = history;
  }

  /**
   * The history of {@code table}, read now. Time travel does not apply to a history, which lists every version.
   *
   * @throws InvalidOptionsException when {@code spec} selects a version
   */
  public static HistoryTable of(DatomTable table, VersionSpec spec) {
    if (!(spec instanceof VersionSpec.Current)) {
      throw new InvalidOptionsException(
          "Cannot time-travel " + table.name() + ".history (" + spec + "): the history already lists every "
              + "version. Drop VERSION AS OF / TIMESTAMP AS OF, or the '" + DatomReadOptions.VERSION + "' and '"
              + DatomReadOptions.AS_OF + "' options.",
          DatomReadOptions.VERSION,
          DatomReadOptions.AS_OF);
    }
    return new HistoryTable(table, table.history());
  }

  @Override
  public String name() {
    return table.name() + ".history";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ, TableCapability.V1_BATCH_WRITE, TableCapability.TRUNCATE,
        TableCapability.ACCEPT_ANY_SCHEMA);
  }

  /** Refuses the write: a history is read-only. */
  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    throw UnsupportedDatomOperationException.historyReadOnly(table.name());
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new HistoryScanBuilder(table, history);
  }
}
