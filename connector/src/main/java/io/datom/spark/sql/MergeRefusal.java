package io.datom.spark.sql;

import io.datom.spark.UnsupportedDatomOperationException;
import io.datom.spark.read.DatomSparkTable;
import io.datom.spark.read.HistoryTable;
import io.datom.spark.write.DamagedDatomTable;
import org.apache.spark.sql.catalyst.analysis.EliminateSubqueryAliases;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.MergeIntoTable;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;

/**
 * Refuses {@code MERGE INTO} a datom table with datom's message. A datom table accepts any schema (an overwrite may
 * change the columns), and Spark does not resolve a {@code MERGE} into such a table, so without this rule the user
 * meets an unresolved-column error that names columns which do exist. {@code UPDATE} and {@code DELETE} are refused by
 * the table itself ({@link DatomSparkTable#newRowLevelOperationBuilder}), with or without this extension.
 */
public final class MergeRefusal extends Rule<LogicalPlan> {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (plan instanceof MergeIntoTable merge
        && EliminateSubqueryAliases.apply(merge.targetTable()) instanceof DataSourceV2Relation relation) {
      Table table = relation.table();
      if (table instanceof DatomSparkTable version) {
        throw UnsupportedDatomOperationException.rowLevel("MERGE", version.snapshot().table());
      }
      if (table instanceof DamagedDatomTable damaged) {
        throw UnsupportedDatomOperationException.rowLevel("MERGE", damaged.name());
      }
      if (table instanceof HistoryTable history) {
        throw HistoryTable.readOnly(history.name().substring(0, history.name().length() - ".history".length()));
      }
    }
    return plan;
  }
}
