package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A table's {@code version_history.json} (format §3.2): a JSON array of entries, newest first. */
public final class VersionHistory {

  private static final VersionHistory EMPTY = new VersionHistory(List.of());

  private final List<HistoryEntry> entries;

  private VersionHistory(List<HistoryEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No versions; what R uses when the file does not exist. */
  public static VersionHistory empty() {
    return EMPTY;
  }

  /**
   * Reads a history file.
   *
   * @throws io.datom.core.exceptions.MalformedJsonException if the text is not JSON
   * @throws InvalidDatomFileException if it is not an array of objects
   */
  public static VersionHistory parse(String text, String source) {
    JsonValue value = JsonParser.parse(text, source);
    if (!(value instanceof JsonArray array)) {
      throw new InvalidDatomFileException(source, "Invalid version_history.json " + source
          + ": expected a JSON array of version entries.");
    }
    List<HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject object)) {
        throw new InvalidDatomFileException(source, "Invalid version_history.json " + source + ": entry "
            + (i + 1) + " is not a JSON object.");
      }
      entries.add(HistoryEntry.fromJson(object));
    }
    return new VersionHistory(entries);
  }

  /** The entries, newest first. */
  public List<HistoryEntry> entries() {
    return entries;
  }

  /** Number of entries, which R records as the manifest's {@code version_count}. */
  public int size() {
    return entries.size();
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entry whose {@code version} equals {@code version} exactly. */
  public Optional<HistoryEntry> find(String version) {
    return entries.stream().filter(e -> e.version().filter(version::equals).isPresent()).findFirst();
  }

  /** Whether an entry has exactly this {@code version}. */
  public boolean contains(String version) {
    return find(version).isPresent();
  }

  /**
   * This history with {@code entry} first, unless an entry already has the same version: then R's dedup guard keeps
   * the history unchanged (format §3.2), so versions stay unique.
   */
  public VersionHistory prepend(HistoryEntry entry) {
    String version = entry.version().orElseThrow(() -> new IllegalArgumentException("entry has no version"));
    if (contains(version)) {
      return this;
    }
    List<HistoryEntry> updated = new ArrayList<>(entries.size() + 1);
    updated.add(entry);
    updated.addAll(entries);
    return new VersionHistory(updated);
  }

  /** The history as a JSON array. */
  public JsonArray json() {
    return JsonArray.list(entries.stream().map(HistoryEntry::json).toList());
  }

  /** jsonlite's pretty form, without a trailing newline. */
  public String toJson() {
    return JsonWriter.pretty(json());
  }

  /** The git file {@code {table}/version_history.json}: the pretty form and a final LF. */
  public String toGitFile() {
    return toJson() + "\n";
  }

  /**
   * What R uploads to {@code {table}/.metadata/version_history.json}: the git file parsed and written again, without
   * the backend's trailing byte.
   */
  public String toStoreJson() {
    return StoreCopies.reparsed(json(), "version_history.json");
  }
}
