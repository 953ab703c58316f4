package io.datom.spark.sql;

import io.datom.core.exceptions.DatomException;
import io.datom.spark.datoms.Datoms;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * {@code datom_changes(table, from_version [, to_version])}: {@link Datoms#rowChanges}, whole rows added and retracted
 * between two versions of a catalog table, with a boolean {@code added}.
 */
public final class ChangesFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_changes";

  private static final String FORM = NAME + "('<catalog>.<table>', '<from_version>' [, '<to_version>'])";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_(table, from_version [, to_version]) - The rows a datom table's version to_version (default: the "
        + "current one) has and from_version lacks (added = true), and those from_version has and to_version lacks "
        + "(added = false), compared whole, as multisets. table is a catalog identifier such as 'study.lb'; versions "
        + "are full shas or unique prefixes; from_version NULL means before the first version.";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(2, 3, FORM);
    try {
      return Datoms.rowChanges(spark, args.string(0, "table"), args.optionalString(1, "from_version"),
          args.optionalString(2, "to_version")).queryExecution().analyzed();
    } catch (DatomException refused) {
      // As an AnalysisException, as Spark raises for its own functions; any other exception it reports as a bug.
      throw FunctionErrors.analysis(NAME + ": " + refused.getMessage(), refused);
    }
  }
}
