package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.store.StoreLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * The data repository's pointer to its governance, {@code .datom/governance.json}, mirrored to the store's
 * {@code .metadata/governance.json} (format §3.4). Its presence is the signal that governance is attached. It never
 * holds credentials.
 */
public final class GovernanceConfig {

  private final JsonObject json;

  private GovernanceConfig(JsonObject json) {
    this.json = json;
  }

  /**
   * The file {@code datom_repo_attach_governance} writes. Null fields are dropped; {@code region} is kept for S3
   * only.
   *
   * @param govStorage the governance store; for a local store pass the normalised absolute root
   * @param attachedAt UTC time, see {@link RTimestamps#utc}
   */
  public static GovernanceConfig of(String govRepoUrl, StoreLocation govStorage, String attachedAt) {
    if (govRepoUrl == null || govRepoUrl.isEmpty()) {
      throw new IllegalArgumentException("`gov_repo_url` must be a non-empty character string.");
    }
    JsonObject storage = JsonObject.builder()
        .put("type", govStorage.type())
        .put("root", govStorage.root())
        .putIfPresent("prefix", govStorage.prefix())
        .putIfPresent("region", StoreLocation.S3.equals(govStorage.type()) ? govStorage.region() : null)
        .build();
    return new GovernanceConfig(JsonObject.builder()
        .put("gov_repo_url", govRepoUrl)
        .put("gov_storage", storage)
        .put("attached_at", Objects.requireNonNull(attachedAt, "attachedAt"))
        .build());
  }

  /**
   * Reads and validates the file as R does: {@code gov_repo_url} a non-empty string, {@code gov_storage} present,
   * its {@code type} {@code s3} or {@code local} and its {@code root} a non-empty string.
   *
   * @param source the file or store key, for messages
   * @throws io.datom.core.exceptions.MalformedJsonException if the text is not a JSON object
   * @throws InvalidDatomFileException with R's message for the first rule broken
   */
  public static GovernanceConfig parse(String text, String source) {
    JsonObject json = JsonParser.parseObject(text, source);
    if (JsonFields.nonEmptyString(json, "gov_repo_url").isEmpty()) {
      throw invalid(source, "\"gov_repo_url\" must be a non-empty string in " + source + ".");
    }
    JsonObject storage = JsonFields.object(json, "gov_storage").orElseThrow(() ->
        invalid(source, "\"gov_storage\" is missing in " + source + "."));
    Optional<String> type = JsonFields.string(storage, "type");
    if (type.isEmpty() || !(type.get().equals(StoreLocation.S3) || type.get().equals(StoreLocation.LOCAL))) {
      throw invalid(source, "\"gov_storage$type\" must be \"s3\" or \"local\" in " + source + ".");
    }
    if (JsonFields.nonEmptyString(storage, "root").isEmpty()) {
      throw invalid(source, "\"gov_storage$root\" must be a non-empty string in " + source + ".");
    }
    return new GovernanceConfig(json);
  }

  private static InvalidDatomFileException invalid(String source, String message) {
    return new InvalidDatomFileException(source, message);
  }

  /** The whole object. */
  public JsonObject json() {
    return json;
  }

  /** {@code gov_repo_url}. */
  public String govRepoUrl() {
    return JsonFields.string(json, "gov_repo_url").orElseThrow();
  }

  /** {@code gov_storage} as a location; the prefix exactly as recorded. */
  public StoreLocation govStorage() {
    JsonObject storage = JsonFields.object(json, "gov_storage").orElseThrow();
    return new StoreLocation(JsonFields.string(storage, "type").orElseThrow(),
        JsonFields.string(storage, "root").orElseThrow(), JsonFields.string(storage, "prefix").orElse(null),
        JsonFields.string(storage, "region").orElse(null));
  }

  /** {@code attached_at}. */
  public Optional<String> attachedAt() {
    return JsonFields.string(json, "attached_at");
  }

  /** jsonlite's pretty form, without a trailing newline: the store mirror before the backend's trailing byte. */
  public String toJson() {
    return JsonWriter.pretty(json);
  }

  /** The git file {@code .datom/governance.json}: the pretty form and a final LF. */
  public String toGitFile() {
    return toJson() + "\n";
  }
}
