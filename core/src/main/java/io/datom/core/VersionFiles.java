package io.datom.core;

import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ManifestEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.internal.repo.CommitIdentity;
import java.util.List;

/**
 * Writes a new version's three files into the clone (format §6 step 8): the table's {@code metadata.json}, its
 * {@code version_history.json} with the new entry first unless the version is already there (R's dedup guard), and
 * the manifest with the table's entry replaced.
 */
final class VersionFiles {

  private final ProjectCheckout checkout;
  private final Author author;

  VersionFiles(ProjectCheckout checkout, CommitIdentity author) {
    this.checkout = checkout;
    this.author = new Author(author.name(), author.email());
  }

  /** The repository paths a write of {@code table} commits: exactly these three. */
  static List<String> paths(String table) {
    return List.of(ProjectLayout.metadataFile(table), ProjectLayout.historyFile(table), ProjectLayout.MANIFEST_FILE);
  }

  /**
   * @param metadata the new version's metadata, whose {@code created_at} is {@code now}
   * @param history  the table's history as the write found it
   * @param manifest the manifest as the write found it
   * @param now      the write time, UTC
   */
  void write(WriteRequest request, TableMetadata metadata, VersionHistory history, Manifest manifest, String now) {
    String table = request.table();
    String dataSha = metadata.dataSha().orElseThrow();
    VersionHistory updated = history.prepend(HistoryEntry.of(metadata.version(), dataSha, now, author,
        request.message(), metadata.parquetSha().orElse(null), request.originalFileSha().orElse(null)));
    ManifestEntry entry = ManifestEntry.of(metadata.version(), dataSha, now, metadata.sizeBytes().orElse(0),
        updated.size(), request.originalFileSha().orElse(null), request.originalFormat().orElse(null));
    checkout.writeFile(ProjectLayout.metadataFile(table), metadata.toGitFile());
    checkout.writeFile(ProjectLayout.historyFile(table), updated.toGitFile());
    checkout.writeFile(ProjectLayout.MANIFEST_FILE, manifest.withTable(table, entry, now).toGitFile());
  }
}
