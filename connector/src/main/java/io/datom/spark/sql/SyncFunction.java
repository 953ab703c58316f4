package io.datom.spark.sql;

import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.sync.InvalidLandingFolderException;
import io.datom.spark.sync.SyncTargets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * {@code datom_sync}: a landing folder synced into a project ({@code io.datom.spark.DatomSync}), in two forms:
 *
 * <ul>
 *   <li>{@code datom_sync(catalog, landing)}: into the project of a single-project {@code DatomCatalog};
 *   <li>{@code datom_sync(store, repo, landing)}: into the project with that store and git remote.
 * </ul>
 *
 * The sync runs once, on the driver, when the query is analysed; the rows are its report, one per file.
 */
public final class SyncFunction implements DatomTableFunction {

  /** The function's SQL name. */
  public static final String NAME = "datom_sync";

  private static final String FORMS = NAME + "('<catalog>', '<landing>') or " + NAME
      + "('<store>', '<repo>', '<landing>')";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String usage() {
    return "_FUNC_(catalog, landing), _FUNC_(store, repo, landing) - Syncs a flat landing folder of raw files into a "
        + "datom project as R's datom_sync does: each file hashed, compared with the manifest, new and changed files "
        + "imported. Returns one row per file (file, name, format, status, action, version, data_sha, "
        + "original_file_sha, rows, seconds, error).";
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    args.requireCount(2, 3, FORMS);
    Dataset<Row> report;
    try {
      report = args.size() == 2
          ? SyncTargets.intoCatalog(spark, args.string(0, "catalog"), args.string(1, "landing"))
          : SyncTargets.intoStore(spark, args.string(0, "store"), SyncTargets.repoOnly(args.string(1, "repo")),
              args.string(2, "landing"));
    } catch (InvalidOptionsException | InvalidLandingFolderException badTarget) {
      throw FunctionErrors.analysis(NAME + ": " + badTarget.getMessage(), badTarget);
    }
    return report.queryExecution().analyzed();
  }
}
