package io.datom.spark.write;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/**
 * Builds a datom write for Spark's DataSource V2 planner. {@code mode("overwrite")}, {@code overwrite(lit(true))} and
 * {@code INSERT OVERWRITE} truncate ({@link SupportsTruncate}), which makes the new version exactly the written rows;
 * a plain append makes it the current version's rows followed by the written rows. Tables created or replaced as a
 * whole ({@code create()}, {@code createOrReplace()}, {@code replace()}) always take exactly the written rows.
 */
public final class DatomWriteBuilder implements WriteBuilder, SupportsTruncate {

  private final WriteTarget target;
  private final LogicalWriteInfo info;
  private final boolean wholeTable;
  private boolean truncate;

  private DatomWriteBuilder(WriteTarget target, LogicalWriteInfo info, boolean wholeTable) {
    this.target = target;
    this.info = info;
    this.wholeTable = wholeTable;
  }

  /** A write into an existing table, or a table loaded for writing that has no version yet. */
  public static DatomWriteBuilder into(WriteTarget target, LogicalWriteInfo info) {
    return new DatomWriteBuilder(target, info, false);
  }

  /** A write that defines the whole table, as a created or replaced table's is. */
  public static DatomWriteBuilder wholeTable(WriteTarget target, LogicalWriteInfo info) {
    return new DatomWriteBuilder(target, info, true);
  }

  @Override
  public WriteBuilder truncate() {
    truncate = true;
    return this;
  }

  @Override
  public Write build() {
    boolean append = !truncate && !wholeTable && target.current().isPresent();
    DatomWriteConf conf = new DatomWriteConf(SparkSession.active(), info.options(), target.catalogOptions());
    return new DatomV1Write(target, append ? WriteMode.APPEND : WriteMode.OVERWRITE, conf);
  }
}
