package io.datom.core;

import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.TableMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a project's store mirror agrees with its data repository, and repairs it: R's
 * {@code datom_validate(conn, fix =)}. Beyond R's existence checks, contents are compared too, so a store that
 * shows an older current version is caught.
 */
public final class ProjectValidator {

  private static final String PARQUET = ".parquet";

  private ProjectValidator() {}

  /**
   * Compares the store with the remote's latest commit: per table, the current {@code metadata.json}, its snapshot,
   * the history and every parquet object the history refers to; and the manifest. With {@code fix}, re-mirrors every
   * table and the manifest from git (the same mirror a write ends with) and checks again.
   *
   * @throws io.datom.core.exceptions.StoreMismatchException if the store is not the project's
   * @throws io.datom.core.exceptions.MirrorIncompleteException if writers kept pushing while the repair ran
   */
  public static ValidationReport validate(WriterOptions options, boolean fix) {
    try (ProjectCheckout checkout = ProjectCheckout.clone(options)) {
      String head = checkout.repo().headSha().orElseThrow();
      MirrorCheck check = new MirrorCheck(checkout.store());
      List<Discrepancy> found = discrepancies(checkout, check);
      List<String> unreferenced = unreferencedObjects(checkout);
      if (!fix || found.stream().noneMatch(d -> d.kind().repairable())) {
        return new ValidationReport(checkout.projectName(), head, found, false, found, unreferenced);
      }
      String mirrored = new StoreMirror(checkout).repairAll(head, "project '" + checkout.projectName() + "'");
      return new ValidationReport(checkout.projectName(), mirrored, found, true, discrepancies(checkout, check),
          unreferenced);
    }
  }

  /** Parquet objects directly in a table's folder that neither the table's history nor its current version names. */
  private static List<String> unreferencedObjects(ProjectCheckout checkout) {
    List<String> unreferenced = new ArrayList<>();
    for (String table : checkout.tables()) {
      TableState state = checkout.readTable(table);
      Set<String> referenced = new HashSet<>();
      state.history().entries().forEach(entry -> entry.dataSha().ifPresent(referenced::add));
      state.current().flatMap(TableMetadata::dataSha).ifPresent(referenced::add);
      for (String key : checkout.store().list(table + "/")) {
        String name = key.substring(table.length() + 1);
        if (!name.contains("/") && name.endsWith(PARQUET)
            && !referenced.contains(name.substring(0, name.length() - PARQUET.length()))) {
          unreferenced.add(key);
        }
      }
    }
    Collections.sort(unreferenced);
    return unreferenced;
  }

  /** Where {@code check}'s store disagrees with the clone's current commit: manifest, tables, objects. */
  static List<Discrepancy> discrepancies(ProjectCheckout checkout, MirrorCheck check) {
    List<Discrepancy> found = new ArrayList<>();
    Manifest manifest = checkout.readManifest();
    check.manifest(manifest).ifPresent(found::add);
    for (String table : checkout.tables()) {
      TableState state = checkout.readTable(table);
      found.addAll(check.table(state));
      found.addAll(check.parquet(state));
    }
    return found;
  }
}
