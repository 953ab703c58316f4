package io.datom.spark.sql;

import io.datom.core.WriteResult;
import io.datom.spark.write.DatomWrites;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code datom_last_write()}: the outcome of the session's last completed datom write, as one row (none before the
 * first): {@code table_name}, {@code action} (R's {@code full}, {@code metadata_only} or {@code none}),
 * {@code version} (its {@code metadata_sha}), {@code data_sha}, {@code nrow}, {@code commit_sha}, {@code uploaded}.
 * The SQL form of {@link DatomWrites#lastResult(SparkSession)}, for Python and Spark Connect clients.
 */
public final class LastWriteFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_last_write";

  private static final StructType SCHEMA = new StructType()
      .add("table_name", DataTypes.StringType, false)
      .add("action", DataTypes.StringType, false)
      .add("version", DataTypes.StringType, false)
      .add("data_sha", DataTypes.StringType, false)
      .add("nrow", DataTypes.LongType, false)
      .add("commit_sha", DataTypes.StringType, false)
      .add("uploaded", DataTypes.BooleanType, false);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_() - The outcome of this session's last completed datom write: one row (table_name, action, "
        + "version, data_sha, nrow, commit_sha, uploaded), or none before the first write.";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(0, 0, NAME + "()");
    Optional<WriteResult> last = DatomWrites.lastResult(spark);
    List<Row> rows = last.map(result -> List.of(RowFactory.create(result.table(), result.action().rName(),
        result.metadataSha(), result.dataSha(), result.nrow(), result.commitSha(), result.uploaded())))
        .orElse(List.of());
    return spark.createDataFrame(rows, SCHEMA).queryExecution().analyzed();
  }
}
