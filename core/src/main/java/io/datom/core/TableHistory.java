package io.datom.core;

import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.VersionHistory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's version history, newest first, as R's {@code datom_history} shows it ({@code version_history.json},
 * format §5). An immutable view.
 */
public final class TableHistory {

  private final List<Entry> entries;

  private TableHistory(VersionHistory history) {
    this.entries = history.entries().stream().map(Entry::new).toList();
  }

  static TableHistory of(VersionHistory history) {
    return new TableHistory(Objects.requireNonNull(history, "history"));
  }

  /** The entries, newest first. */
  public List<Entry> entries() {
    return entries;
  }

  /** The number of versions. */
  public int size() {
    return entries.size();
  }

  /** One version in the history. Fields R did not record are empty. */
  public static final class Entry {
    private final HistoryEntry entry;

    private Entry(HistoryEntry entry) {
      this.entry = entry;
    }

    /** The version's {@code metadata_sha}. */
    public Optional<String> version() {
      return entry.version();
    }

    /** The version's {@code data_sha}. */
    public Optional<String> dataSha() {
      return entry.dataSha();
    }

    /** The SHA-256 of the stored parquet object. */
    public Optional<String> parquetSha() {
      return entry.parquetSha();
    }

    /** When the version was written, as recorded (ISO-8601 UTC). */
    public Optional<String> timestamp() {
      return entry.timestamp();
    }

    /** When the version was written, parsed. */
    public Optional<Instant> instant() {
      return entry.timestamp().map(Instant::parse);
    }

    /** Who wrote it. */
    public Optional<Author> author() {
      return entry.author().map(author -> new Author(author.name(), author.email()));
    }

    /** The commit message. */
    public Optional<String> commitMessage() {
      return entry.commitMessage();
    }

    /** For an imported table, the sha256 of the imported file. */
    public Optional<String> originalFileSha() {
      return entry.originalFileSha();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry that && entry.equals(that.entry);
    }

    @Override
    public int hashCode() {
      return entry.hashCode();
    }

    @Override
    public String toString() {
      return entry.toString();
    }
  }

  /**
   * Who wrote a version (git's {@code user.name} and {@code user.email}).
   *
   * @param name  the name
   * @param email the e-mail
   */
  public record Author(String name, String email) {}
}
