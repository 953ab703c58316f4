package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** One table's entry in the manifest's {@code tables} (format §3.3). A parsed entry keeps every field it had. */
public final class ManifestEntry {

  private final JsonObject json;

  private ManifestEntry(JsonObject json) {
    this.json = json;
  }

  /**
   * A new entry in R's field order. R replaces the whole entry on each write, so a derived overwrite drops an earlier
   * {@code original_file_sha}.
   *
   * @param lastUpdated     UTC write time, see {@link RTimestamps#utc}
   * @param sizeBytes       {@code size_bytes} of the table's local {@code metadata.json}, or 0
   * @param versionCount    number of history entries after the write
   * @param originalFileSha imported tables only, else {@code null}
   * @param originalFormat  imported tables only: the file extension as found, e.g. {@code CSV}; else {@code null}
   */
  public static ManifestEntry of(String currentVersion, String currentDataSha, String lastUpdated, double sizeBytes,
      int versionCount, String originalFileSha, String originalFormat) {
    return new ManifestEntry(JsonObject.builder()
        .put("current_version", Objects.requireNonNull(currentVersion, "currentVersion"))
        .put("current_data_sha", Objects.requireNonNull(currentDataSha, "currentDataSha"))
        .put("last_updated", Objects.requireNonNull(lastUpdated, "lastUpdated"))
        .put("size_bytes", sizeBytes)
        .put("version_count", versionCount)
        .putIfPresent("original_file_sha", originalFileSha)
        .putIfPresent("original_format", originalFormat)
        .build());
  }

  /** An entry read from a file, kept as is. */
  public static ManifestEntry fromJson(JsonObject json) {
    return new ManifestEntry(json);
  }

  /** The entry's JSON object. */
  public JsonObject json() {
    return json;
  }

  /** {@code current_version}, the table's current {@code metadata_sha}. */
  public Optional<String> currentVersion() {
    return JsonFields.string(json, "current_version");
  }

  /** {@code current_data_sha}. */
  public Optional<String> currentDataSha() {
    return JsonFields.string(json, "current_data_sha");
  }

  /** {@code last_updated}. */
  public Optional<String> lastUpdated() {
    return JsonFields.string(json, "last_updated");
  }

  /** {@code size_bytes}. */
  public OptionalDouble sizeBytes() {
    return JsonFields.number(json, "size_bytes");
  }

  /** {@code version_count}. */
  public OptionalDouble versionCount() {
    return JsonFields.number(json, "version_count");
  }

  /** {@code original_file_sha}, imported tables only. */
  public Optional<String> originalFileSha() {
    return JsonFields.string(json, "original_file_sha");
  }

  /** {@code original_format}, imported tables only. */
  public Optional<String> originalFormat() {
    return JsonFields.string(json, "original_format");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestEntry other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestEntry" + json;
  }
}
