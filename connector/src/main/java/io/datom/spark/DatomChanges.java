package io.datom.spark;

import io.datom.spark.schema.AlignedColumns;
import io.datom.spark.table.DatomSparkTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * What changed in a table between two of its versions, as facts added and retracted: the rows of the later version
 * that the earlier one does not have are {@code added}, the rows of the earlier version that the later one does not
 * have are {@code retracted}. Rows are compared whole, as multisets (a row held twice before and once after is
 * retracted once), since datom tables have no key: a changed row shows as its old form retracted and its new form
 * added.
 *
 * <pre>{@code
 * Dataset<Row> march = spark.read().format("datom").option("table", "lb").option("asOf", "2026-03-31").load(store);
 * Dataset<Row> april = spark.read().format("datom").option("table", "lb").load(store);
 * DatomChanges.between(march, april).groupBy("_change").count().show();
 * }</pre>
 *
 * Either side can be any read of a datom version (a version, an instant, the catalog's {@code VERSION AS OF}); the
 * comparison runs in Spark, so it scales with the cluster. Two reads of versions with the same {@code data_sha} are
 * known to be equal without reading them.
 */
public final class DatomChanges {

  /** The column telling whether a row was {@value #ADDED} or {@value #RETRACTED}. */
  public static final String CHANGE = "_change";
  /** A row of the later version that the earlier one lacks. */
  public static final String ADDED = "added";
  /** A row of the earlier version that the later one lacks. */
  public static final String RETRACTED = "retracted";

  private DatomChanges() {}

  /**
   * The changes from {@code before} to {@code after}: their columns (by name: those of {@code after}, then any that
   * only {@code before} has, null where a side lacks one) and {@value #CHANGE}, in no particular order. A column whose
   * type changed is compared as {@code after}'s type, a {@code before} value that type cannot hold as null.
   *
   * @throws IllegalArgumentException if a side already has a column named {@value #CHANGE}
   */
  public static Dataset<Row> between(Dataset<Row> before, Dataset<Row> after) {
    for (Dataset<Row> side : List.of(before, after)) {
      if (List.of(side.columns()).contains(CHANGE)) {
        throw new IllegalArgumentException("Cannot list changes of a DataFrame that already has a column named "
            + CHANGE + "; rename or drop it first.");
      }
    }
    Map<String, DataType> columns = AlignedColumns.of(after, before);
    Dataset<Row> old = AlignedColumns.aligned(before, columns);
    Dataset<Row> now = AlignedColumns.aligned(after, columns);
    if (sameContent(before, after)) {
      return withChange(now.limit(0), ADDED);
    }
    return withChange(old.exceptAll(now), RETRACTED).unionAll(withChange(now.exceptAll(old), ADDED));
  }

  private static Dataset<Row> withChange(Dataset<Row> rows, String change) {
    return rows.withColumn(CHANGE, functions.lit(change));
  }

  /** Whether both sides are plain reads of datom versions with the same {@code data_sha} and columns. */
  private static boolean sameContent(Dataset<Row> before, Dataset<Row> after) {
    Optional<DatomSparkTable> a = datomVersion(before.queryExecution().analyzed());
    Optional<DatomSparkTable> b = datomVersion(after.queryExecution().analyzed());
    return a.isPresent() && b.isPresent()
        && a.get().snapshot().dataSha().equals(b.get().snapshot().dataSha())
        && before.schema().equals(after.schema());
  }

  /** The datom version a plan reads as is, with nothing but an alias on top. */
  private static Optional<DatomSparkTable> datomVersion(LogicalPlan plan) {
    LogicalPlan node = plan;
    while (node instanceof SubqueryAlias alias) {
      node = alias.child();
    }
    return node instanceof DataSourceV2Relation relation && relation.table() instanceof DatomSparkTable datom
        ? Optional.of(datom)
        : Optional.empty();
  }
}
