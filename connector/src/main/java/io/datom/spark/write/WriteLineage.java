package io.datom.spark.write;

import io.datom.core.DatomProject;
import io.datom.core.Parent;
import io.datom.core.store.StoreLocation;
import io.datom.spark.read.VersionRead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;

/**
 * The parents a version records (format §9): the ones stated in option {@code parents}, then every datom version the
 * DataFrame was read from ({@link DatomSources}), each as R's {@code datom_parent()} describes it, with its own
 * {@code source_lineage}. Earlier versions of the table being written are its history, not its parents, and are left
 * out: rewriting a table from itself would otherwise mint a new version on every run.
 */
final class WriteLineage {

  private WriteLineage() {}

  /**
   * The parents of a write of {@code table} into the store at {@code target}; empty when there are none and none were
   * declared (the version then has neither {@code parents} nor {@code source_lineage}, as in R).
   */
  static Optional<List<Parent>> parents(Dataset<?> data, Optional<List<Parent>> declared, StoreLocation target,
      String table) {
    List<Parent> parents = new ArrayList<>(declared.orElse(List.of()));
    Set<String> seen = new HashSet<>();
    parents.forEach(p -> seen.add(key(p)));
    for (VersionRead source : DatomSources.of(data)) {
      String sourceTable = source.snapshot().table();
      if (source.store().location().equals(target) && sourceTable.equals(table)) {
        continue;
      }
      Parent parent = DatomProject.open(source.store()).table(sourceTable).parent(source.snapshot().version());
      if (seen.add(key(parent))) {
        parents.add(parent);
      }
    }
    return parents.isEmpty() && declared.isEmpty() ? Optional.empty() : Optional.of(parents);
  }

  private static String key(Parent parent) {
    return parent.source() + "\t" + parent.table() + "\t" + parent.version();
  }
}
