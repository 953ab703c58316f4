package io.datom.spark.table;

import io.datom.spark.options.KnownOptions;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.write.WriteMode;
import io.datom.spark.write.WriteTarget;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/**
 * Builds a datom write for Spark's DataSource V2 planner. {@code mode("overwrite")}, {@code overwrite(lit(true))} and
 * {@code INSERT OVERWRITE} truncate ({@link SupportsTruncate}), which makes the new version exactly the written rows;
 * a plain append makes it the current version's rows followed by the written rows. Tables created or replaced as a
 * whole ({@code create()}, {@code createOrReplace()}, {@code replace()}) always take exactly the written rows; a
 * created one must still have no version when the write commits.
 */
public final class DatomWriteBuilder implements WriteBuilder, SupportsTruncate {

  private final WriteTarget target;
  private final LogicalWriteInfo info;
  private final WriteMode untruncated;
  private boolean truncate;

  private DatomWriteBuilder(WriteTarget target, LogicalWriteInfo info, WriteMode untruncated) {
    this.target = target;
    this.info = info;
    this.untruncated = untruncated;
  }

  /** An append unless truncated; a damaged table's append meets the damage. */
  public static DatomWriteBuilder appendingTo(WriteTarget target, LogicalWriteInfo info) {
    return new DatomWriteBuilder(target, info, WriteMode.APPEND);
  }

  /** A write creating the table whole; it must still have no version when the write commits, unless truncated. */
  public static DatomWriteBuilder creating(WriteTarget target, LogicalWriteInfo info) {
    return new DatomWriteBuilder(target, info, WriteMode.CREATE);
  }

  /** A write that defines the whole table, replacing what is current ({@code replace()}, {@code createOrReplace()}). */
  public static DatomWriteBuilder replacing(WriteTarget target, LogicalWriteInfo info) {
    return new DatomWriteBuilder(target, info, WriteMode.OVERWRITE);
  }

  @Override
  public WriteBuilder truncate() {
    truncate = true;
    return this;
  }

  @Override
  public Write build() {
    KnownOptions.requireWriteOptions(info.options());
    // Spark builds the write while it plans, so a refused repo URL (WriteSettings checks it first) never reaches an
    // executed plan's string.
    WriteSettings conf = WriteSettings.parse(SparkSession.active(), info.options(), target.catalogOptions());
    return new DatomV1Write(target, truncate ? WriteMode.OVERWRITE : untruncated, conf);
  }
}
