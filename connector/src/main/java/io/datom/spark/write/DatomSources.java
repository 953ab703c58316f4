package io.datom.spark.write;

import io.datom.spark.read.VersionRead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.trees.TreeNode;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2ScanRelation;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The datom table versions a DataFrame was computed from: every datom read in its plan, in subqueries, and in the
 * plans of cached DataFrames it uses (whose physical plans Spark keeps as inner children). A version read twice counts
 * once, in the order first met. A source whose plan was cut off (a checkpoint, a DataFrame built from collected rows)
 * is invisible here; state such parents with option {@code parents}.
 */
final class DatomSources {

  private final Map<String, VersionRead> found = new LinkedHashMap<>();
  private final Set<TreeNode<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private DatomSources() {}

  /** The datom versions {@code data} reads. */
  static List<VersionRead> of(Dataset<?> data) {
    DatomSources sources = new DatomSources();
    sources.visit(data.queryExecution().analyzed());
    return new ArrayList<>(sources.found.values());
  }

  private void visit(TreeNode<?> node) {
    if (!visited.add(node)) {
      return;
    }
    if (node instanceof DataSourceV2Relation relation) {
      note(relation.table());
    } else if (node instanceof DataSourceV2ScanRelation scan) {
      note(scan.relation().table());
    } else if (node instanceof BatchScanExec scan) {
      note(scan.table());
    }
    visitAll(node.children());
    visitAll(node.innerChildren());
    if (node instanceof QueryPlan<?> plan) {
      visitAll(plan.subqueries());
    }
  }

  private void visitAll(Seq<?> nodes) {
    for (Object node : JavaConverters.seqAsJavaList(nodes)) {
      if (node instanceof TreeNode<?> tree) {
        visit(tree);
      }
    }
  }

  private void note(Table table) {
    if (table instanceof VersionRead datom) {
      String key = datom.store().location() + "\t" + datom.snapshot().table() + "\t" + datom.snapshot().version();
      found.putIfAbsent(key, datom);
    }
  }
}
