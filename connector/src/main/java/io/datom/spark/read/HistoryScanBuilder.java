package io.datom.spark.read;

import io.datom.core.DatomTable;
import io.datom.core.TableHistory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/** Builds a history scan of only the columns a query needs, so that metadata snapshots are read only when asked. */
public final class HistoryScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {

  private final DatomTable table;
  private final TableHistory history;
  private StructType columns = HistoryScan.SCHEMA;

  public HistoryScanBuilder(DatomTable table, TableHistory history) {
    this.table = table;
    this.history = history;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    columns = requiredSchema;
  }

  @Override
  public Scan build() {
    return new HistoryScan(table, history, columns);
  }
}
