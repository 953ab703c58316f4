package io.datom.core;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.internal.format.Lineage;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version of another table that a written table was derived from, as R's {@code datom_parent()} returns it: the
 * parent's project, table, full version and {@code data_sha}, and the parent's own {@code source_lineage}, kept
 * verbatim (format §9). Get one from {@link DatomTable#parent(String)}, or read stated ones with
 * {@link #listFromJson}.
 */
public final class Parent {

  private final ParentEntry entry;

  private Parent(ParentEntry entry) {
    this.entry = entry;
  }

  static Parent of(ParentEntry entry) {
    return new Parent(Objects.requireNonNull(entry, "entry"));
  }

  /** A parent without source lineage; fields may be null until {@link #requireValid} checks them. */
  public static Parent of(String source, String table, String version, String dataSha) {
    return new Parent(new ParentEntry(source, table, version, dataSha));
  }

  /**
   * The parents stated in {@code json}: a JSON array of objects as R's {@code datom_parent()} returns them
   * ({@code source}, {@code table}, {@code version}, {@code data_sha}, optional {@code source_lineage}); a single
   * object is read as a one-parent array. Fields that are missing or not strings are null: {@link #requireValid} reports
   * them in R's words.
   *
   * @param source what the text is, for the message when it is not JSON
   * @throws io.datom.core.exceptions.MalformedJsonException if {@code json} is not JSON
   * @throws InvalidLineageException if it is neither an object nor an array ({@link InvalidLineageException#entry()}
   *     0), or an entry of the array is not an object (its 1-based number)
   */
  public static List<Parent> listFromJson(String json, String source) {
    JsonValue value = JsonParser.parse(json, source);
    List<JsonValue> entries = new ArrayList<>();
    if (value instanceof JsonObject single) {
      entries.add(single);
    } else if (value instanceof JsonArray array) {
      entries.addAll(array.elements());
    } else {
      throw new InvalidLineageException("parents", 0, "`parents` must be a JSON array of parent objects.");
    }
    List<Parent> parents = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof JsonObject parent)) {
        throw new InvalidLineageException("parents", i + 1,
            "Entry " + (i + 1) + " of `parents` is not a JSON object.");
      }
      parents.add(new Parent(new ParentEntry(text(parent, "source"), text(parent, "table"), text(parent, "version"),
          text(parent, "data_sha"), parent.get("source_lineage").orElse(null))));
    }
    return parents;
  }

  /**
   * Checks stated parents as R's {@code datom_write} does: every field present, a non-empty string R can hold, and
   * any {@code source_lineage} well formed.
   *
   * @throws InvalidLineageException naming the first malformed entry and field, in R's words
   */
  public static void requireValid(List<Parent> parents) {
    Lineage.validateParents(parents.stream().map(Parent::entry).toList());
  }

  private static String text(JsonObject parent, String field) {
    return parent.get(field).map(v -> v instanceof JsonString s ? s.value() : null).orElse(null);
  }

  /** The parent's project name. */
  public String source() {
    return entry.source();
  }

  /** The parent table. */
  public String table() {
    return entry.table();
  }

  /** The parent's full {@code metadata_sha}. */
  public String version() {
    return entry.version();
  }

  /** The parent's {@code data_sha}. */
  public String dataSha() {
    return entry.dataSha();
  }

  ParentEntry entry() {
    return entry;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Parent that && entry.equals(that.entry);
  }

  @Override
  public int hashCode() {
    return entry.hashCode();
  }

  @Override
  public String toString() {
    return "Parent[" + source() + "/" + table() + "@" + version() + "]";
  }
}
