package io.datom.core;

import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import java.util.Optional;

/**
 * One table as a commit of the data repository holds it.
 *
 * @param table       the table
 * @param current     its {@code metadata.json}, or empty if the table does not exist yet
 * @param historyFile its {@code version_history.json}, or empty if the file is missing
 */
record TableState(String table, Optional<TableMetadata> current, Optional<VersionHistory> historyFile) {

  /** The history; R treats a missing file as an empty one. */
  VersionHistory history() {
    return historyFile.orElse(VersionHistory.empty());
  }
}
