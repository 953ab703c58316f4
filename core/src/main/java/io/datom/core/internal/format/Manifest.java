package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonDouble;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonNa;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The project catalogue {@code .datom/manifest.json}, mirrored to the store's {@code .metadata/manifest.json}
 * (format §3.3). The parsed tree is kept whole, so unknown fields and key positions survive an update.
 */
public final class Manifest {

  private static final String TABLES = "tables";
  private static final String SOURCE = "manifest.json";

  private final JsonObject json;

  private Manifest(JsonObject json) {
    this.json = json;
  }

  /**
   * The manifest {@code datom_init_repo} writes: no tables and an all-integer zero summary.
   *
   * @param updatedAt R writes the local wall-clock time with a {@code Z}, see {@link RTimestamps#localMislabelledAsUtc}
   */
  public static Manifest init(String projectName, String updatedAt) {
    return new Manifest(JsonObject.builder()
        .put("project_name", Objects.requireNonNull(projectName, "projectName"))
        .put("updated_at", Objects.requireNonNull(updatedAt, "updatedAt"))
        .put(TABLES, JsonObject.empty())
        .put("summary", JsonObject.builder()
            .put("total_tables", 0)
            .put("total_size_bytes", 0)
            .put("total_versions", 0)
            .build())
        .build());
  }

  /**
   * What R starts from when {@code .datom/manifest.json} is missing: {@code project_name}, then empty
   * {@code tables} and {@code summary}. A {@link #withTable} then appends {@code updated_at} at the end.
   */
  public static Manifest absent(String projectName) {
    return new Manifest(JsonObject.builder()
        .put("project_name", Objects.requireNonNull(projectName, "projectName"))
        .put(TABLES, JsonArray.list())
        .put("summary", JsonArray.list())
        .build());
  }

  /**
   * Reads a manifest file.
   *
   * @throws io.datom.core.exceptions.MalformedJsonException if the text is not a JSON object
   */
  public static Manifest parse(String text, String source) {
    return new Manifest(JsonParser.parseObject(text, source));
  }

  /** The whole manifest object. */
  public JsonObject json() {
    return json;
  }

  /** {@code project_name}. */
  public Optional<String> projectName() {
    return JsonFields.string(json, "project_name");
  }

  /** {@code updated_at}. */
  public Optional<String> updatedAt() {
    return JsonFields.string(json, "updated_at");
  }

  /** The names of the tables, in manifest order. */
  public List<String> tableNames() {
    return tables().keys();
  }

  /** The entry of table {@code name}. */
  public Optional<ManifestEntry> table(String name) {
    return tables().get(name).filter(JsonObject.class::isInstance)
        .map(v -> ManifestEntry.fromJson((JsonObject) v));
  }

  /** {@code summary} as stored. */
  public Optional<JsonObject> summary() {
    return JsonFields.object(json, "summary");
  }

  /**
   * The manifest after a write of table {@code name}, as R's {@code .datom_update_manifest_entry}: the table's whole
   * entry is replaced (a new table is appended), {@code updated_at} is set, and {@code summary} is recomputed, each
   * keeping its position in the object or else appended.
   *
   * @param updatedAt UTC write time, see {@link RTimestamps#utc}
   * @throws InvalidDatomFileException if {@code tables} or one of its entries is not an object
   */
  public Manifest withTable(String name, ManifestEntry entry, String updatedAt) {
    JsonObject tables = tables().with(name, entry.json());
    JsonObject updated = json.with(TABLES, tables)
        .with("updated_at", JsonString.of(updatedAt))
        .with("summary", summaryOf(tables));
    return new Manifest(updated);
  }

  /** jsonlite's pretty form, without a trailing newline. */
  public String toJson() {
    return JsonWriter.pretty(json);
  }

  /** The git file {@code .datom/manifest.json}: the pretty form and a final LF. */
  public String toGitFile() {
    return toJson() + "\n";
  }

  /** What R uploads to {@code .metadata/manifest.json}: the git file parsed and written again, no trailing byte. */
  public String toStoreJson() {
    return StoreCopies.reparsed(json, SOURCE);
  }

  private JsonObject tables() {
    JsonValue tables = json.get(TABLES).orElse(JsonObject.empty());
    if (tables instanceof JsonObject object) {
      return object;
    }
    if (tables instanceof JsonArray array && array.isEmpty()) {
      return JsonObject.empty();
    }
    throw new InvalidDatomFileException(SOURCE, "Invalid manifest.json: `tables` must be an object keyed by table"
        + " name. Restore .datom/manifest.json from git history.");
  }

  /** R's summary: an integer count, a double sum of sizes and an integer sum of version counts. */
  private static JsonObject summaryOf(JsonObject tables) {
    double totalSize = 0;
    double totalVersions = 0;
    for (JsonObject.Member member : tables.members()) {
      if (!(member.value() instanceof JsonObject entry)) {
        throw new InvalidDatomFileException(SOURCE, "Invalid manifest.json: the entry of table '" + member.key()
            + "' is not an object. Restore .datom/manifest.json from git history.");
      }
      totalSize += asNumeric(entry.get("size_bytes").orElse(JsonNull.NULL));
      // as.integer() truncates toward zero; an NA stays NA through the sum.
      double versions = asNumeric(entry.get("version_count").orElse(JsonNull.NULL));
      totalVersions += Double.isNaN(versions) ? Double.NaN : (long) versions;
    }
    boolean versionsFitInteger = Math.abs(totalVersions) <= Integer.MAX_VALUE; // false for NA, as R's overflow
    return JsonObject.builder()
        .put("total_tables", tables.size())
        .put("total_size_bytes", Double.isNaN(totalSize) ? JsonNa.DOUBLE : JsonDouble.of(totalSize))
        .put("total_versions", versionsFitInteger ? JsonInteger.of((int) totalVersions) : JsonNa.INTEGER)
        .build();
  }

  /** R's {@code as.numeric(x %||% 0)} for a manifest field: NULL counts 0, an unparsable string is NA. */
  private static double asNumeric(JsonValue value) {
    if (value == JsonNull.NULL) {
      return 0;
    }
    if (value instanceof JsonInteger i) {
      return i.value();
    }
    if (value instanceof JsonDouble d) {
      return d.value();
    }
    if (value instanceof JsonBoolean b) {
      return b.value() ? 1 : 0;
    }
    if (value instanceof JsonString s) {
      try {
        return Double.parseDouble(s.value().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    throw new InvalidDatomFileException(SOURCE, "Invalid manifest.json: size_bytes and version_count must be numbers;"
        + " found " + value + ". Restore .datom/manifest.json from git history.");
  }
}
