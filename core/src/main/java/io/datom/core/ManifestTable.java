package io.datom.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a project's manifest records for one table (format §3.3): its current version and, for a table imported from
 * a file by a sync, that file's sha and format. A sync compares a landing folder's files with these entries.
 *
 * @param name the table name
 * @param currentVersion the current {@code metadata_sha}, if recorded
 * @param currentDataSha the current {@code data_sha}, if recorded
 * @param originalFileSha the sha256 of the file the current version was imported from; empty for a derived table
 * @param originalFormat that file's extension as found; empty for a derived table
 */
public record ManifestTable(String name, Optional<String> currentVersion, Optional<String> currentDataSha,
    Optional<String> originalFileSha, Optional<String> originalFormat) {

  public ManifestTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currentVersion, "currentVersion");
    Objects.requireNonNull(currentDataSha, "currentDataSha");
    Objects.requireNonNull(originalFileSha, "originalFileSha");
    Objects.requireNonNull(originalFormat, "originalFormat");
  }
}
