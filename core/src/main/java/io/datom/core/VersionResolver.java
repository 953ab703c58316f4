package io.datom.core;

import io.datom.core.exceptions.AmbiguousVersionException;
import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.NoVersionAsOfException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.Shas;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Picks a version from a table's metadata and history by R's rules (format §7 step 3, §14.4). No I/O. */
final class VersionResolver {

  private VersionResolver() {}

  /**
   * The version {@code metadata.json} defines. Its {@code metadata_sha} is recomputed from the file, as R's change
   * detection does; the history entry of that version (which may not be the newest after a revert) supplies the
   * timestamp.
   */
  static Snapshot current(String table, TableMetadata current, VersionHistory history, String source) {
    String key = source + " " + ProjectLayout.storeMetadata(table);
    String dataSha = current.dataSha().filter(s -> !s.isEmpty())
        .orElseThrow(() -> new InvalidDatomFileException(key, "The current metadata of " + table + " (" + key
            + ") has no data_sha, so no version can be read. Re-run the table's last write."));
    Optional<HistoryEntry> entry = history.find(current.version());
    String timestamp = entry.flatMap(HistoryEntry::timestamp).or(current::createdAt)
        .orElseThrow(() -> new InvalidDatomFileException(key, "The current metadata of " + table + " (" + key
            + ") has no created_at and its version is not in the history."));
    return new Snapshot(table, current.version(), Shas.requireShaArgument(dataSha, "data_sha"),
        current.parquetSha().filter(s -> !s.isEmpty()), instant(timestamp, table, key),
        Optional.of(VersionMetadata.of(current)));
  }

  /** The one history entry whose version starts with {@code prefix}, case-sensitively. */
  static Snapshot byPrefix(String table, VersionHistory history, String prefix, String source) {
    List<HistoryEntry> matches = history.entries().stream()
        .filter(e -> e.version().filter(v -> v.startsWith(prefix)).isPresent())
        .toList();
    if (matches.isEmpty()) {
      throw new VersionNotFoundException(table, prefix);
    }
    if (matches.size() > 1) {
      throw new AmbiguousVersionException(table, prefix, matches.stream().map(e -> e.version().get()).toList());
    }
    return fromEntry(table, matches.get(0), source);
  }

  /**
   * The newest version whose history timestamp is at or before {@code asOf}: the latest such timestamp, and of
   * entries sharing it the one listed first (newest-first order).
   */
  static Snapshot asOf(String table, VersionHistory history, Instant asOf, String source) {
    String key = source + " " + ProjectLayout.storeHistory(table);
    HistoryEntry best = null;
    Instant bestAt = null;
    Instant firstAt = null;
    for (HistoryEntry entry : history.entries()) {
      Instant at = instant(timestampOf(entry, table, key), table, key);
      firstAt = firstAt == null || at.isBefore(firstAt) ? at : firstAt;
      if (!at.isAfter(asOf) && (bestAt == null || at.isAfter(bestAt))) {
        best = entry;
        bestAt = at;
      }
    }
    if (best == null) {
      throw new NoVersionAsOfException(table, asOf, firstAt);
    }
    return fromEntry(table, best, source);
  }

  private static Snapshot fromEntry(String table, HistoryEntry entry, String source) {
    String key = source + " " + ProjectLayout.storeHistory(table);
    String version = entry.version().orElseThrow();
    String dataSha = entry.dataSha().filter(s -> !s.isEmpty())
        .orElseThrow(() -> new InvalidDatomFileException(key, "Version " + version + " of " + table + " has no "
            + "data_sha in its history (" + key + "), so it cannot be read."));
    return new Snapshot(table, version, Shas.requireShaArgument(dataSha, "data_sha"),
        entry.parquetSha().filter(s -> !s.isEmpty()), instant(timestampOf(entry, table, key), table, key),
        Optional.empty());
  }

  private static String timestampOf(HistoryEntry entry, String table, String key) {
    return entry.timestamp().orElseThrow(() -> new InvalidDatomFileException(key, "A history entry of " + table
        + " (" + key + ", version " + entry.version().orElse("?") + ") has no timestamp."));
  }

  private static Instant instant(String timestamp, String table, String key) {
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw new InvalidDatomFileException(key, "Timestamp '" + timestamp + "' of " + table + " (" + key + ") is not "
          + "an ISO-8601 UTC instant such as 2026-01-02T03:04:05Z.", e);
    }
  }
}
