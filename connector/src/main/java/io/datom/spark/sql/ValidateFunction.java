package io.datom.spark.sql;

import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.validate.ProjectValidation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * {@code datom_validate}: {@link ProjectValidation#validate} from SQL, in two forms.
 *
 * <ul>
 *   <li>{@code datom_validate(catalog [, fix])}: the project of a single-project {@code DatomCatalog}, e.g.
 *       {@code SELECT * FROM datom_validate('study', true)};
 *   <li>{@code datom_validate(store, repo [, fix])}: a project by its store path and git remote, without a catalog.
 * </ul>
 *
 * The second argument tells the forms apart: a boolean is {@code fix}, a string is {@code repo}. {@code fix} defaults
 * to {@code false}. Validation (and the repair) runs once, on the driver, when the query is analysed: the rows are the
 * report of that run, however often the result is then read.
 */
public final class ValidateFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_validate";

  private static final String FORMS = NAME + "('<catalog>' [, fix]) or " + NAME + "('<store>', '<repo>' [, fix])";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_(catalog [, fix]), _FUNC_(store, repo [, fix]) - Compares a datom project's store with its git data "
        + "repository and, if fix is true, re-mirrors the store from git. Returns one row per discrepancy (project, "
        + "commit, kind, table_name, store_key, repairable, status, detail), or one row with status 'ok'.";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(1, 3, FORMS);
    boolean byCatalog = args.size() == 1 || (args.size() == 2 && args.isBoolean(1));
    if (args.size() == 2 && !byCatalog && !args.isString(1)) {
      throw args.error("Argument 2 of " + NAME + " must be fix (true or false) after a catalog, or repo (a string) "
          + "after a store. Call it as " + FORMS + ".");
    }
    if (!byCatalog && args.string(1, "repo").matches("(?i)\\s*(true|false)\\s*")) {
      throw args.error("Argument 2 of " + NAME + " is the string '" + args.string(1, "repo").trim() + "': fix is a "
          + "boolean, written without quotes, e.g. " + NAME + "('study', true).");
    }
    Dataset<Row> report;
    try {
      report = byCatalog
          ? ProjectValidation.validate(spark, args.string(0, "catalog"), args.size() == 2 && args.bool(1, "fix"))
          : ProjectValidation.validate(spark, args.string(0, "store"), args.string(1, "repo"),
              args.size() == 3 && args.bool(2, "fix"));
    } catch (InvalidOptionsException badTarget) {
      throw FunctionErrors.analysis(NAME + ": " + badTarget.getMessage(), badTarget);
    }
    return report.queryExecution().analyzed();
  }
}
