package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.VersionHistory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that a project is consistent the way readers need it: mirror equal to git, every version readable. */
final class ProjectAssertions {

  private ProjectAssertions() {}

  /**
   * The store mirror equals git, versions in every history are unique, and every version's parquet object exists and
   * passes the read side's integrity check.
   */
  static void assertConsistent(TestProject project, List<String> tables) {
    ValidationReport report = ProjectValidator.validate(project.options().build(), false);
    assertTrue(report.valid(), "store mirror differs from git: " + report.found());
    DatomProject reader = DatomProject.open(project.store);
    for (String table : tables) {
      VersionHistory history = history(project, table);
      Set<String> versions = new HashSet<>();
      DatomTable readable = reader.table(table);
      for (HistoryEntry entry : history.entries()) {
        String version = entry.version().orElseThrow();
        assertTrue(versions.add(version), "version " + version + " recorded twice in " + table);
        ParquetIntegrity.verify(project.store, readable.snapshot(VersionSpec.version(version)));
      }
      assertEquals(history.entries(), readable.versionHistory().entries(), "the store's history of " + table);
    }
  }

  static VersionHistory history(TestProject project, String table) {
    return VersionHistory.parse(project.gitFile(table + "/version_history.json").orElseThrow(), "git");
  }
}
