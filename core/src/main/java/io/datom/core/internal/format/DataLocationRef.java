package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.store.StoreLocation;
import java.util.Optional;

/**
 * A project's {@code ref.json} in the governance repository and store (format §3.5): where the project's data
 * currently lives. datom only reads it (the companion {@code datomanager} writes it); {@link #of} exists for tools and
 * tests.
 */
public final class DataLocationRef {

  /** The region R assumes when {@code current.region} is absent. */
  public static final String DEFAULT_REGION = "us-east-1";

  private final JsonObject json;
  private final JsonObject current;

  private DataLocationRef(JsonObject json, JsonObject current) {
    this.json = json;
    this.current = current;
  }

  /**
   * R's {@code .datom_create_ref}: {@code current} holds {@code type}, {@code root}, {@code prefix} and
   * {@code region} with null values dropped, and {@code previous} is empty.
   */
  public static DataLocationRef of(StoreLocation location) {
    JsonObject current = JsonObject.builder()
        .put("type", location.type())
        .put("root", location.root())
        .putIfPresent("prefix", location.prefix())
        .putIfPresent("region", location.region())
        .build();
    return new DataLocationRef(JsonObject.builder().put("current", current).put("previous", JsonArray.list()).build(),
        current);
  }

  /**
   * Reads {@code ref.json}.
   *
   * @param source the gov store key or clone path, for messages
   * @throws io.datom.core.exceptions.MalformedJsonException if the text is not a JSON object
   * @throws InvalidDatomFileException if {@code current.root} is missing, with R's message
   */
  public static DataLocationRef parse(String text, String source) {
    JsonObject json = JsonParser.parseObject(text, source);
    Optional<JsonObject> current = JsonFields.object(json, "current");
    if (current.isEmpty() || !current.get().has("root")) {
      throw new InvalidDatomFileException(source,
          "Invalid ref.json: missing current.root.\n✖ Source: " + Names.quoted(source));
    }
    return new DataLocationRef(json, current.get());
  }

  /** The whole object. */
  public JsonObject json() {
    return json;
  }

  /** {@code current.type}; R does not read it. */
  public Optional<String> type() {
    return JsonFields.string(current, "type");
  }

  /** {@code current.root}: the data bucket, or the local path. */
  public String root() {
    JsonValue root = current.get("root").orElseThrow();
    return JsonFields.asString(root).orElseGet(() -> JsonWriter.compact(root));
  }

  /** {@code current.prefix}, normalised: null, missing, {@code {}} and {@code ""} mean none. */
  public Optional<String> prefix() {
    return StorePrefixes.fromJson(current.get("prefix").orElse(null));
  }

  /** {@code current.region}, or {@link #DEFAULT_REGION}. */
  public String region() {
    return JsonFields.string(current, "region").orElse(DEFAULT_REGION);
  }

  /**
   * The current location. The type defaults to S3 when absent, as R builds an S3 store from a ref when it has only
   * credentials.
   */
  public StoreLocation location() {
    String type = type().orElse(StoreLocation.S3);
    String region = StoreLocation.S3.equals(type) ? region() : null;
    return new StoreLocation(type, root(), prefix().orElse(null), region);
  }

  /**
   * Whether {@code store} is the same namespace by R's rule: identical roots and identical normalised prefixes (the
   * prefix is not otherwise changed: {@code trial/} and {@code trial} differ).
   */
  public boolean sameNamespaceAs(StoreLocation store) {
    return root().equals(store.root()) && prefix().equals(StorePrefixes.fromYaml(store.prefix()));
  }

  /**
   * The warning R gives when {@code previous} is not empty, built from its first entry's {@code root} and
   * {@code sunset_at} (the code reads {@code sunset_at}; the design document says {@code sunset_date}).
   */
  public Optional<String> migrationWarning() {
    Optional<JsonValue> first = json.get("previous").flatMap(DataLocationRef::firstElement);
    return first.map(entry -> {
      JsonObject previous = entry instanceof JsonObject o ? o : JsonObject.empty();
      String oldRoot = JsonFields.string(previous, "root").orElse("unknown");
      String sunset = JsonFields.string(previous, "sunset_at").orElse("unknown");
      return "Data was migrated from " + Names.quoted(oldRoot) + ".\nℹ Previous location sunsets at: "
          + Names.quoted(sunset) + ".\nℹ Update your store credentials if needed.";
    });
  }

  private static Optional<JsonValue> firstElement(JsonValue value) {
    if (value instanceof JsonArray array && !array.isEmpty()) {
      return Optional.of(array.get(0));
    }
    if (value instanceof JsonObject object && !object.isEmpty()) {
      return Optional.of(object.members().get(0).value());
    }
    if (value instanceof JsonString) {
      return Optional.of(value);
    }
    return Optional.empty();
  }

  /** jsonlite's pretty form, without a trailing newline. */
  public String toJson() {
    return JsonWriter.pretty(json);
  }
}
