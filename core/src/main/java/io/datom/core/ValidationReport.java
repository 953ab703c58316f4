package io.datom.core;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link ProjectValidator#validate}: R's {@code datom_validate} result, with the disagreements spelled
 * out.
 *
 * @param projectName   the project
 * @param commit        the data-repository commit the store was compared with (after a repair, the one mirrored)
 * @param found         every disagreement found before any repair
 * @param fixed         whether a repair was run (only when asked for and something repairable was found)
 * @param remaining     the disagreements left afterwards: equal to {@code found} without a repair, and after one only
 *                      those re-mirroring cannot fix (missing parquet objects)
 * @param unreferencedObjects store keys of parquet objects in a table's folder that no version of the table refers to:
 *                      left by writes that were refused or died before their push. Listed for the owner to judge,
 *                      never deleted (a write in flight may be about to refer to one); they do not make the project
 *                      invalid
 */
public record ValidationReport(String projectName, String commit, List<Discrepancy> found, boolean fixed,
    List<Discrepancy> remaining, List<String> unreferencedObjects) {

  public ValidationReport {
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(commit, "commit");
    found = List.copyOf(found);
    remaining = List.copyOf(remaining);
    unreferencedObjects = List.copyOf(unreferencedObjects);
  }

  /** A report without unreferenced objects. */
  public ValidationReport(
      String projectName, String commit, List<Discrepancy> found, boolean fixed, List<Discrepancy> remaining) {
    this(projectName, commit, found, fixed, remaining, List.of());
  }

  /** Whether git and the store agreed when checked (R's {@code valid}). */
  public boolean valid() {
    return found.isEmpty();
  }

  /** Whether git and the store agree now. */
  public boolean consistent() {
    return remaining.isEmpty();
  }
}
