package io.datom.spark.sql;

import io.datom.core.exceptions.DatomException;
import io.datom.spark.datoms.Datoms;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * {@code datom_datoms(table, key_columns, from_version [, to_version])}: {@link Datoms#between}, the cells that
 * changed between two versions of a catalog table as datoms {@code [key… a v v_type tx added]}.
 */
public final class DatomsFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_datoms";

  private static final String FORM = NAME + "('<catalog>.<table>', '<key, columns>', '<from_version>' [, "
      + "'<to_version>'])";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_(table, key_columns, from_version [, to_version]) - The cells that changed from version "
        + "from_version of a datom table to to_version (default: the current one), as datoms: the key columns, a "
        + "(column), v (value as text), v_type, tx (struct of version, timestamp, author, message) and added (true: "
        + "asserted, false: retracted). key_columns is a comma-separated string such as 'USUBJID, LBSEQ'; "
        + "from_version NULL means before the first version.";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(3, 4, FORM);
    try {
      return Datoms.between(spark, args.string(0, "table"), keyColumns(args),
          args.optionalString(2, "from_version"), args.optionalString(3, "to_version")).queryExecution().analyzed();
    } catch (DatomException refused) {
      // As an AnalysisException, as Spark raises for its own functions; any other exception it reports as a bug.
      throw FunctionErrors.analysis(NAME + ": " + refused.getMessage(), refused);
    }
  }

  /** Argument 2, {@code 'USUBJID, LBSEQ'}, as column names. */
  static List<String> keyColumns(FunctionArguments args) {
    return Arrays.stream(args.string(1, "key_columns").split(",", -1)).map(String::trim).toList();
  }
}
