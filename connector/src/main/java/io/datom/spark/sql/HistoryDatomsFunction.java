package io.datom.spark.sql;

import io.datom.core.exceptions.DatomException;
import io.datom.spark.datoms.Datoms;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * {@code datom_history(table, key_columns [, from_version [, to_version]])}: {@link Datoms#history}, the datoms of
 * every step of a catalog table's history, each with the version that made it as {@code tx}.
 */
public final class HistoryDatomsFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_history";

  private static final String FORM = NAME + "('<catalog>.<table>', '<key, columns>' [, '<from_version>' [, "
      + "'<to_version>']])";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_(table, key_columns [, from_version [, to_version]]) - The datoms of every version of a datom "
        + "table after from_version (default or NULL: from before the first version, whose facts are asserted) up "
        + "to to_version (default or NULL: the current one), each with the version that made the change as tx. The "
        + "columns are those of datom_datoms.";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(2, 4, FORM);
    try {
      return Datoms.history(spark, args.string(0, "table"), DatomsFunction.keyColumns(args),
          args.optionalString(2, "from_version"), args.optionalString(3, "to_version")).queryExecution().analyzed();
    } catch (DatomException refused) {
      // As an AnalysisException, as Spark raises for its own functions; any other exception it reports as a bug.
      throw FunctionErrors.analysis(NAME + ": " + refused.getMessage(), refused);
    }
  }
}
