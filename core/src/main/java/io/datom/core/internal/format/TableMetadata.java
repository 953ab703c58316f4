package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.hash.ColumnHash;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonDouble;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A table's {@code metadata.json} (format §3.1): git {@code {table}/metadata.json}, store
 * {@code {table}/.metadata/metadata.json} and the snapshot {@code {table}/.metadata/{metadata_sha}.json}.
 *
 * <p>The JSON tree is the source of truth, so a parsed file keeps unknown top-level fields, which R hashes as part of
 * the identity, and its key order. {@link #version()} is the {@code metadata_sha} R computes for the same tree.
 *
 * <p>Build new metadata with {@link #builder()}, which writes the fields in R's order and omits absent optional
 * fields (never {@code null}). Write it with {@link #toJson()} (store, without trailing newline) or
 * {@link #toGitFile()}.
 */
public final class TableMetadata {

  /** The only hash algorithm: datom-cv1 (format §5). */
  public static final String HASH_ALGO = "datom-cv1";
  /** {@code table_type} of a table written by {@code datom_write}. */
  public static final String DERIVED = "derived";
  /** {@code table_type} of a table written by {@code datom_sync}. */
  public static final String IMPORTED = "imported";

  private static final String PARQUET_SHA = "parquet_sha";

  private final JsonObject json;
  private final String version;

  private TableMetadata(JsonObject json) {
    this.json = json;
    this.version = MetadataSha.of(json);
  }

  /** A builder for the metadata of a new write. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a stored {@code metadata.json} or snapshot.
   *
   * @param source the file or store key, for error messages
   * @throws io.datom.core.exceptions.MalformedJsonException if the text is not a JSON object
   */
  public static TableMetadata parse(String text, String source) {
    return fromJson(JsonParser.parseObject(text, source));
  }

  /**
   * Metadata from an already parsed tree. A {@code colnames} array of two or more strings is read back as the
   * character vector R wrote, so that it is written inline again; its hash is unchanged. A one-element array stays
   * an array, because R would hash it as an array (format §2.4).
   */
  public static TableMetadata fromJson(JsonObject json) {
    Optional<JsonArray> colnames = JsonFields.array(json, "colnames")
        .filter(a -> !a.atomic() && a.size() >= 2 && a.elements().stream().allMatch(JsonString.class::isInstance));
    return new TableMetadata(colnames.map(a -> json.with("colnames", JsonArray.vector(a.elements()))).orElse(json));
  }

  /** The whole metadata object. */
  public JsonObject json() {
    return json;
  }

  /** The {@code metadata_sha}: the table version this metadata defines (format §4). */
  public String version() {
    return version;
  }

  /** {@code data_sha}, the content hash and storage address of the data. */
  public Optional<String> dataSha() {
    return JsonFields.string(json, "data_sha");
  }

  /** {@code hash_algo}, {@code datom-cv1} for every current table. */
  public Optional<String> hashAlgo() {
    return JsonFields.string(json, "hash_algo");
  }

  /** {@code parquet_sha}, the sha256 of the stored parquet bytes; absent for pre-cv1 tables. */
  public Optional<String> parquetSha() {
    return JsonFields.string(json, PARQUET_SHA);
  }

  /** {@code table_type}: {@link #DERIVED} or {@link #IMPORTED}. */
  public Optional<String> tableType() {
    return JsonFields.string(json, "table_type");
  }

  /** {@code nrow}. */
  public OptionalLong nrow() {
    return asLong(JsonFields.number(json, "nrow"));
  }

  /** {@code ncol}. */
  public OptionalLong ncol() {
    return asLong(JsonFields.number(json, "ncol"));
  }

  /** {@code colnames} in column order; a bare string is one column. Empty if absent. */
  public List<String> colnames() {
    return json.get("colnames").map(TableMetadata::strings).orElse(List.of());
  }

  /** {@code column_hashes} in column order; empty if absent (pre-cv1). */
  public List<ColumnHash> columnHashes() {
    List<ColumnHash> hashes = new ArrayList<>();
    for (JsonObject entry : objects("column_hashes")) {
      String name = JsonFields.string(entry, "name").orElse("");
      String sha = JsonFields.string(entry, "sha").orElse("");
      try {
        hashes.add(new ColumnHash(name, sha));
      } catch (IllegalArgumentException e) {
        throw new InvalidMetadataException("column_hashes",
            "Entry for column '" + name + "' of `column_hashes` has no valid sha: '" + sha + "'.");
      }
    }
    return hashes;
  }

  /** {@code created_at}, UTC {@code YYYY-MM-DDTHH:MM:SSZ}. */
  public Optional<String> createdAt() {
    return JsonFields.string(json, "created_at");
  }

  /** {@code datom_version}, the version of the package that wrote the metadata. */
  public Optional<String> datomVersion() {
    return JsonFields.string(json, "datom_version");
  }

  /** {@code original_file_sha}, imported tables only. */
  public Optional<String> originalFileSha() {
    return JsonFields.string(json, "original_file_sha");
  }

  /**
   * {@code parents}, each as recorded (without lineage; a field missing from the file is {@code null}); empty when the
   * table has no {@code parents} field.
   */
  public Optional<List<ParentEntry>> parents() {
    if (!json.has("parents")) {
      return Optional.empty();
    }
    List<ParentEntry> parents = new ArrayList<>();
    for (JsonObject entry : objects("parents")) {
      parents.add(new ParentEntry(JsonFields.string(entry, "source").orElse(null),
          JsonFields.string(entry, "table").orElse(null), JsonFields.string(entry, "version").orElse(null),
          JsonFields.string(entry, "data_sha").orElse(null)));
    }
    return Optional.of(parents);
  }

  /** {@code source_lineage} entries, verbatim; empty when the table has no lineage field. */
  public Optional<List<JsonObject>> sourceLineage() {
    return json.has("source_lineage") ? Optional.of(objects("source_lineage")) : Optional.empty();
  }

  /** {@code size_bytes}, the size of the parquet object. */
  public OptionalDouble sizeBytes() {
    return JsonFields.number(json, "size_bytes");
  }

  /** {@code custom}, the user's metadata. */
  public Optional<JsonObject> custom() {
    return JsonFields.object(json, "custom");
  }

  /**
   * This metadata with {@code parquet_sha} set, as R's {@code meta$parquet_sha <- x}: an existing field keeps its
   * position, a new one goes right after {@code hash_algo} (where R's builder reserves it), and {@code null} removes
   * the field. The version does not change: {@code parquet_sha} is volatile.
   */
  public TableMetadata withParquetSha(String parquetSha) {
    if (parquetSha == null) {
      return new TableMetadata(json.without(PARQUET_SHA));
    }
    if (json.has(PARQUET_SHA)) {
      return new TableMetadata(json.with(PARQUET_SHA, JsonString.of(parquetSha)));
    }
    List<JsonObject.Member> members = new ArrayList<>(json.members());
    int hashAlgo = json.keys().indexOf("hash_algo");
    members.add(hashAlgo + 1, new JsonObject.Member(PARQUET_SHA, JsonString.of(parquetSha)));
    return new TableMetadata(JsonObject.of(members));
  }

  /** jsonlite's pretty form without a trailing newline: the store's bytes before the backend's trailing byte. */
  public String toJson() {
    return JsonWriter.pretty(json);
  }

  /** The git file {@code {table}/metadata.json}: the pretty form and a final LF. */
  public String toGitFile() {
    return toJson() + "\n";
  }

  /** A {@code column_hashes} entry as R writes it: {@code {"name": ..., "sha": ...}}. */
  private static JsonValue columnHashJson(ColumnHash hash) {
    return JsonObject.builder().put("name", hash.name()).put("sha", hash.sha()).build();
  }

  private List<JsonObject> objects(String key) {
    return JsonFields.array(json, key).map(a -> a.elements().stream()
        .filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()).orElse(List.of());
  }

  private static List<String> strings(JsonValue value) {
    if (value instanceof JsonString s) {
      return List.of(s.value());
    }
    if (value instanceof JsonArray array) {
      return array.elements().stream().filter(JsonString.class::isInstance)
          .map(e -> ((JsonString) e).value()).toList();
    }
    return List.of();
  }

  private static OptionalLong asLong(OptionalDouble value) {
    return value.isPresent() ? OptionalLong.of((long) value.getAsDouble()) : OptionalLong.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableMetadata other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "TableMetadata[" + version + "]";
  }

  /**
   * Builds new metadata in R's field order (format §3.1). Required: {@code data_sha}, {@code table_type},
   * {@code nrow}, {@code colnames}, {@code column_hashes}, {@code created_at} and {@code datom_version}.
   */
  public static final class Builder {
    private String dataSha;
    private String parquetSha;
    private String tableType;
    private Long nrow;
    private List<String> colnames;
    private List<ColumnHash> columnHashes;
    private String createdAt;
    private String datomVersion;
    private String originalFileSha;
    private List<ParentEntry> parents;
    private List<JsonObject> sourceLineage;
    private Double sizeBytes;
    private JsonObject custom;

    private Builder() {}

    /** The datom-cv1 content hash. */
    public Builder dataSha(String dataSha) {
      this.dataSha = dataSha;
      return this;
    }

    /** The stored parquet's sha256; leave unset to omit the field. */
    public Builder parquetSha(String parquetSha) {
      this.parquetSha = parquetSha;
      return this;
    }

    /** {@link TableMetadata#DERIVED} or {@link TableMetadata#IMPORTED}. */
    public Builder tableType(String tableType) {
      this.tableType = tableType;
      return this;
    }

    /**
     * Number of rows. Written as an R integer; a count beyond 2147483647, which R cannot hold, is written as a double.
     */
    public Builder nrow(long nrow) {
      this.nrow = nrow;
      return this;
    }

    /** Column names in order; {@code ncol} is their count. One column is written as a bare string, as R does. */
    public Builder colnames(List<String> colnames) {
      this.colnames = List.copyOf(colnames);
      return this;
    }

    /** Per-column digests in column order. */
    public Builder columnHashes(List<ColumnHash> columnHashes) {
      this.columnHashes = List.copyOf(columnHashes);
      return this;
    }

    /** UTC write time, {@code YYYY-MM-DDTHH:MM:SSZ} (see {@link RTimestamps#utc}). */
    public Builder createdAt(String createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** The writer's version string, e.g. {@code 0.1.1}. */
    public Builder datomVersion(String datomVersion) {
      this.datomVersion = datomVersion;
      return this;
    }

    /** sha256 of the imported file's bytes; imported tables only. */
    public Builder originalFileSha(String originalFileSha) {
      this.originalFileSha = originalFileSha;
      return this;
    }

    /** The parents, recorded lean; an empty list is written as {@code []}. Leave unset for no field. */
    public Builder parents(List<ParentEntry> parents) {
      this.parents = List.copyOf(parents);
      return this;
    }

    /** Lineage entries, verbatim; an empty list is written as {@code []} and hashed. Leave unset for no field. */
    public Builder sourceLineage(List<JsonObject> sourceLineage) {
      this.sourceLineage = List.copyOf(sourceLineage);
      return this;
    }

    /** Size of the freshly serialised parquet, in bytes. */
    public Builder sizeBytes(double sizeBytes) {
      this.sizeBytes = sizeBytes;
      return this;
    }

    /**
     * User metadata. It may not contain nulls or NAs, nor values that R would read back differently (a negative
     * zero), anywhere (format §4.4).
     */
    public Builder custom(JsonObject custom) {
      this.custom = custom;
      return this;
    }

    /**
     * The metadata.
     *
     * @throws InvalidMetadataException if {@code table_type} is not {@code derived} or {@code imported}, or
     *                                  {@code custom} would not survive a JSON round trip
     * @throws io.datom.core.exceptions.InvalidLineageException if a parent is malformed
     */
    public TableMetadata build() {
      Objects.requireNonNull(dataSha, "dataSha");
      Objects.requireNonNull(tableType, "tableType");
      Objects.requireNonNull(nrow, "nrow");
      Objects.requireNonNull(colnames, "colnames");
      Objects.requireNonNull(columnHashes, "columnHashes");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(datomVersion, "datomVersion");
      if (!DERIVED.equals(tableType) && !IMPORTED.equals(tableType)) {
        throw new InvalidMetadataException("table_type", "`table_type` must be \"imported\" or \"derived\".");
      }
      if (custom != null) {
        CustomMetadataCheck.requireStable(custom);
      }
      if (parents != null) {
        Lineage.validateParents(parents);
      }
      JsonObject.Builder b = JsonObject.builder()
          .put("data_sha", dataSha)
          .put("hash_algo", HASH_ALGO)
          .putIfPresent(PARQUET_SHA, parquetSha)
          .put("table_type", tableType)
          .put("nrow", count(nrow))
          .put("ncol", colnames.size())
          .put("colnames", JsonArray.strings(colnames))
          .put("column_hashes", JsonArray.list(columnHashes.stream().map(TableMetadata::columnHashJson).toList()))
          .put("created_at", createdAt)
          .put("datom_version", datomVersion)
          .putIfPresent("original_file_sha", originalFileSha);
      if (parents != null) {
        b.put("parents", JsonArray.list(parents.stream().map(ParentEntry::toJson).toList()));
      }
      if (sourceLineage != null) {
        b.put("source_lineage", JsonArray.list(sourceLineage));
      }
      if (sizeBytes != null) {
        b.put("size_bytes", sizeBytes.doubleValue());
      }
      if (custom != null) {
        b.put("custom", custom);
      }
      return new TableMetadata(b.build());
    }

    private static JsonValue count(long n) {
      return n <= Integer.MAX_VALUE ? JsonInteger.of((int) n) : JsonDouble.of(n);
    }
  }
}
