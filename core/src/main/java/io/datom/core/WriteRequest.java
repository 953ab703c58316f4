package io.datom.core;

import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.text.RStrings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of one table to write: R's {@code datom_write(conn, data, name, metadata=, message=, parents=)} with
 * the data already hashed by the engine. Immutable; engines build one through {@link TableWrite}.
 */
final class WriteRequest {

  private final String table;
  private final TableHash hash;
  private final ParquetObject data;
  private final String message;
  private final JsonObject custom;
  private final List<ParentEntry> parents;
  private final String originalFileSha;
  private final String originalFormat;
  private final BaseVersion base;

  private WriteRequest(Builder b) {
    this.table = b.table;
    this.hash = b.hash;
    this.data = b.data;
    this.message = b.message;
    this.custom = b.custom;
    this.parents = b.parents;
    this.originalFileSha = b.originalFileSha;
    this.originalFormat = b.originalFormat;
    this.base = b.base;
  }

  /**
   * A request to write {@code table} with the content {@code hash} describes, whose parquet bytes {@code data} can
   * place in the store if the version needs them.
   *
   * @param table the table name (checked against format §10 when written)
   * @param hash  the table's datom-cv1 identity, computed over exactly the rows in {@code data}, in their order
   * @param data  the parquet object
   */
  static Builder builder(String table, TableHash hash, ParquetObject data) {
    return new Builder(table, hash, data);
  }

  /** The table name. */
  String table() {
    return table;
  }

  /** The content's identity. */
  TableHash hash() {
    return hash;
  }

  /** The parquet object. */
  ParquetObject data() {
    return data;
  }

  /** The commit message and history {@code commit_message}: as given, else R's default {@code Update {table}}. */
  String message() {
    return message != null ? message : "Update " + table;
  }

  /** User metadata, recorded as {@code custom}. */
  Optional<JsonObject> custom() {
    return Optional.ofNullable(custom);
  }

  /** The parents, or empty when none were declared (an empty list is a declaration, written as {@code []}). */
  Optional<List<ParentEntry>> parents() {
    return Optional.ofNullable(parents);
  }

  /** Whether this is an imported table (R's {@code datom_sync}), with an original file. */
  boolean isImported() {
    return originalFileSha != null;
  }

  /** sha256 of the imported file's bytes; imported tables only. */
  Optional<String> originalFileSha() {
    return Optional.ofNullable(originalFileSha);
  }

  /** The imported file's extension as found, e.g. {@code csv}; imported tables only. */
  Optional<String> originalFormat() {
    return Optional.ofNullable(originalFormat);
  }

  /** The version this write was computed from, which must still be current when it commits; see {@link BaseVersion}. */
  Optional<BaseVersion> base() {
    return Optional.ofNullable(base);
  }

  /** Builds a {@link WriteRequest}. */
  static final class Builder {
    private final String table;
    private final TableHash hash;
    private final ParquetObject data;
    private String message;
    private JsonObject custom;
    private List<ParentEntry> parents;
    private String originalFileSha;
    private String originalFormat;
    private BaseVersion base;

    private Builder(String table, TableHash hash, ParquetObject data) {
      this.table = Objects.requireNonNull(table, "table");
      this.hash = Objects.requireNonNull(hash, "hash");
      this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * The commit message; default {@code Update {table}}.
     *
     * @throws io.datom.core.exceptions.InvalidMetadataException if R cannot hold it ({@link RStrings})
     */
    Builder message(String message) {
      this.message = RStrings.require("message", "The commit message", Objects.requireNonNull(message, "message"));
      return this;
    }

    /** User metadata (R's {@code metadata=}): no nulls, and only values that survive a JSON round trip. */
    Builder customMetadata(JsonObject custom) {
      this.custom = Objects.requireNonNull(custom, "custom");
      return this;
    }

    /**
     * The tables this one was derived from (R's {@code parents=}). The version records them lean and its
     * {@code source_lineage} becomes the union of theirs (format §9).
     */
    Builder parents(List<ParentEntry> parents) {
      this.parents = List.copyOf(parents);
      return this;
    }

    /**
     * Marks the table as imported from a file (R's {@code datom_sync}): {@code table_type} {@code imported}, the
     * file's sha and format recorded in the metadata, history and manifest, and the self-lineage of format §8.
     *
     * @param originalFileSha sha256 hex of the source file's bytes
     * @param originalFormat  the file's extension exactly as found, e.g. {@code csv} or {@code CSV}
     */
    Builder imported(String originalFileSha, String originalFormat) {
      this.originalFileSha = Objects.requireNonNull(originalFileSha, "originalFileSha");
      this.originalFormat = Objects.requireNonNull(originalFormat, "originalFormat");
      return this;
    }

    /**
     * Makes the write conditional on {@code base} still being the table's current version when it commits, as an
     * append computed from the current version's rows must be; without it the write lands on whatever is current.
     */
    Builder basedOn(BaseVersion base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /** The request. */
    WriteRequest build() {
      return new WriteRequest(this);
    }
  }
}
