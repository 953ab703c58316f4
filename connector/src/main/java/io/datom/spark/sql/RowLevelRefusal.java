package io.datom.spark.sql;

import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.table.DamagedDatomTable;
import io.datom.spark.table.DatomSparkTable;
import io.datom.spark.table.HistoryTable;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.EliminateSubqueryAliases;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.MergeIntoTable;
import org.apache.spark.sql.catalyst.plans.logical.UpdateTable;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;

/**
 * Refuses {@code UPDATE} and {@code MERGE INTO} a datom table with datom's message. A datom table accepts any schema
 * (an overwrite may change the columns), and for such a table Spark neither aligns an {@code UPDATE}'s assignments nor
 * resolves a {@code MERGE}, so it never asks the table about the operation: without this rule the user meets "UPDATE
 * TABLE is not supported temporarily", or an unresolved-column error naming columns that exist. {@code DELETE} and
 * {@code TRUNCATE} are refused by the table itself ({@link DatomSparkTable#newRowLevelOperationBuilder}), with or
 * without this extension.
 */
public final class RowLevelRefusal extends Rule<LogicalPlan> {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (plan instanceof UpdateTable update) {
      datomTable(update.table()).ifPresent(table -> {
        throw refusal("UPDATE", table);
      });
    } else if (plan instanceof MergeIntoTable merge) {
      datomTable(merge.targetTable()).ifPresent(table -> {
        throw refusal("MERGE", table);
      });
    }
    return plan;
  }

  private static Optional<Table> datomTable(LogicalPlan target) {
    return EliminateSubqueryAliases.apply(target) instanceof DataSourceV2Relation relation
        && (relation.table() instanceof DatomSparkTable || relation.table() instanceof DamagedDatomTable
            || relation.table() instanceof HistoryTable)
        ? Optional.of(relation.table())
        : Optional.empty();
  }

  private static UnsupportedDatomOperationException refusal(String operation, Table table) {
    if (table instanceof HistoryTable history) {
      return UnsupportedDatomOperationException.historyReadOnly(history.name().substring(0, history.name().length() - ".history".length()));
    }
    String name = table instanceof DatomSparkTable version ? version.snapshot().table() : table.name();
    return UnsupportedDatomOperationException.rowLevel(operation, name);
  }
}
