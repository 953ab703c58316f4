package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonString;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code version_history.json} (format §3.2). A parsed entry keeps every field it had; readers are
 * lenient like R's, so every accessor is optional.
 */
public final class HistoryEntry {

  /** What R records when the git identity cannot be read. */
  public static final String UNKNOWN_AUTHOR = "unknown";

  private final JsonObject json;

  private HistoryEntry(JsonObject json) {
    this.json = json;
  }

  /**
   * A new entry in R's field order.
   *
   * @param version         the {@code metadata_sha}
   * @param timestamp       the metadata's {@code created_at}
   * @param author          the git identity, or {@code null} for {@code "unknown"}
   * @param commitMessage   the commit message of the write
   * @param parquetSha      recorded when the metadata has one, else {@code null}
   * @param originalFileSha imported tables only, else {@code null}
   */
  public static HistoryEntry of(String version, String dataSha, String timestamp, Author author,
      String commitMessage, String parquetSha, String originalFileSha) {
    return new HistoryEntry(JsonObject.builder()
        .put("version", Objects.requireNonNull(version, "version"))
        .put("data_sha", Objects.requireNonNull(dataSha, "dataSha"))
        .put("timestamp", Objects.requireNonNull(timestamp, "timestamp"))
        .put("author", author == null ? JsonString.of(UNKNOWN_AUTHOR) : author.toJson())
        .put("commit_message", Objects.requireNonNull(commitMessage, "commitMessage"))
        .putIfPresent("parquet_sha", parquetSha)
        .putIfPresent("original_file_sha", originalFileSha)
        .build());
  }

  /** An entry read from a file, kept as is. */
  public static HistoryEntry fromJson(JsonObject json) {
    return new HistoryEntry(json);
  }

  /** The entry's JSON object. */
  public JsonObject json() {
    return json;
  }

  /** {@code version}, the entry's {@code metadata_sha}. */
  public Optional<String> version() {
    return JsonFields.string(json, "version");
  }

  /** {@code data_sha}. */
  public Optional<String> dataSha() {
    return JsonFields.string(json, "data_sha");
  }

  /** {@code timestamp}: the metadata's {@code created_at}, not the commit time. */
  public Optional<String> timestamp() {
    return JsonFields.string(json, "timestamp");
  }

  /** The author; empty when R recorded {@code "unknown"} (or any other non-object value). */
  public Optional<Author> author() {
    return JsonFields.object(json, "author").flatMap(a -> JsonFields.string(a, "name")
        .flatMap(name -> JsonFields.string(a, "email").map(email -> new Author(name, email))));
  }

  /** {@code commit_message}. */
  public Optional<String> commitMessage() {
    return JsonFields.string(json, "commit_message");
  }

  /** {@code parquet_sha}, absent for pre-cv1 versions. */
  public Optional<String> parquetSha() {
    return JsonFields.string(json, "parquet_sha");
  }

  /** {@code original_file_sha}, imported tables only. */
  public Optional<String> originalFileSha() {
    return JsonFields.string(json, "original_file_sha");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryEntry other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "HistoryEntry" + json;
  }
}
