package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonDouble;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.internal.text.RStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Source lineage (format §9): the union of the parents' lineages, and R's validation of parents and lineage. */
public final class Lineage {

  private static final List<String> LINEAGE_FIELDS = List.of("project", "table", "version_sha");
  private static final String PARENTS_REMEDY =
      "\nℹ Declare parents with `datom_parent()` so each carries a resolved data_sha.";

  private Lineage() {}

  /**
   * R's {@code datom_lineage_union()}: drop absent or empty lineages, flatten one level, and keep the first entry for
   * each ({@code project}, {@code table}, {@code version_sha}) key, where a missing field counts as {@code ""}.
   * Entries are returned verbatim, extra fields included, in their first-seen order.
   *
   * @param lineages each a {@code source_lineage} value (a list of entry objects), or {@code null}
   */
  public static List<JsonObject> union(List<? extends JsonValue> lineages) {
    List<JsonObject> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonValue lineage : lineages) {
      if (!(lineage instanceof JsonArray entries)) {
        continue;
      }
      for (JsonValue entry : entries.elements()) {
        if (entry instanceof JsonObject object && seen.add(key(object))) {
          result.add(object);
        }
      }
    }
    return result;
  }

  /** The {@code source_lineage} of a table derived from {@code parents}: the union of their lineages. */
  public static List<JsonObject> unionOf(List<ParentEntry> parents) {
    return union(parents.stream().map(ParentEntry::sourceLineage).toList());
  }

  private static String key(JsonObject entry) {
    return String.join("\t", LINEAGE_FIELDS.stream().map(field -> {
      JsonValue value = entry.get(field).orElse(JsonString.of(""));
      return value instanceof JsonString s ? s.value() : JsonWriter.compact(value);
    }).toList());
  }

  /**
   * R's {@code .datom_validate_parents()}: every parent needs non-empty {@code source}, {@code table},
   * {@code version} and {@code data_sha}, and a non-empty {@code source_lineage} must itself be valid.
   *
   * @throws InvalidLineageException with R's message for the first problem
   */
  public static void validateParents(List<ParentEntry> parents) {
    for (int i = 0; i < parents.size(); i++) {
      int entry = i + 1;
      ParentEntry parent = parents.get(i);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("source", parent.source());
      fields.put("table", parent.table());
      fields.put("version", parent.version());
      fields.put("data_sha", parent.dataSha());
      List<String> missing = fields.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
          .toList();
      if (!missing.isEmpty()) {
        throw new InvalidLineageException("parents", entry, "Entry " + entry + " of `parents` is missing required "
            + fieldWord(missing) + ": " + quotedList(missing) + "." + PARENTS_REMEDY);
      }
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (field.getValue().isEmpty()) {
          throw new InvalidLineageException("parents", entry, "Entry " + entry + " of `parents`: field "
              + field.getKey() + " must be a non-empty string." + PARENTS_REMEDY);
        }
        RStrings.problem(field.getValue()).ifPresent(problem -> {
          throw new InvalidLineageException("parents", entry, "Entry " + entry + " of `parents`: field "
              + field.getKey() + " " + problem + "." + PARENTS_REMEDY);
        });
      }
      JsonValue lineage = parent.sourceLineage();
      if (lineage != null && length(lineage) > 0) {
        validateSourceLineage(lineage);
      }
    }
  }

  /**
   * R's {@code .datom_validate_source_lineage()}: {@code null} or a list of objects, each with non-empty string
   * {@code project}, {@code table} and {@code version_sha}; extra fields are allowed.
   *
   * @throws InvalidLineageException with R's message for the first problem
   */
  public static void validateSourceLineage(JsonValue lineage) {
    if (lineage == null || lineage == JsonNull.NULL) {
      return;
    }
    // R: !is.list(x) || (length(x) > 0 && !is.null(names(x))); an empty parsed {} is an empty named list and passes.
    boolean isList = lineage instanceof JsonObject || (lineage instanceof JsonArray array && !array.atomic());
    boolean named = lineage instanceof JsonObject object && !object.isEmpty();
    if (!isList || named) {
      throw new InvalidLineageException("source_lineage", 0,
          "`source_lineage` must be a list of entry lists, not a named list.");
    }
    List<JsonValue> entries = lineage instanceof JsonArray array ? array.elements() : List.of();
    for (int i = 0; i < entries.size(); i++) {
      int entry = i + 1;
      JsonValue value = entries.get(i);
      if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
        throw new InvalidLineageException("source_lineage", entry, "Entry " + entry
            + " of `source_lineage` must be a list, not <" + rClass(value) + ">.");
      }
      JsonObject object = value instanceof JsonObject o ? o : JsonObject.empty();
      List<String> missing = LINEAGE_FIELDS.stream().filter(f -> !object.has(f)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidLineageException("source_lineage", entry, "Entry " + entry
            + " of `source_lineage` is missing required " + fieldWord(missing) + ": " + quotedList(missing) + ".");
      }
      for (String field : LINEAGE_FIELDS) {
        if (JsonFields.nonEmptyString(object, field).isEmpty()) {
          throw new InvalidLineageException("source_lineage", entry, "Entry " + entry
              + " of `source_lineage`: field " + field + " must be a non-empty string.");
        }
      }
    }
  }

  private static int length(JsonValue value) {
    if (value instanceof JsonArray array) {
      return array.size();
    }
    if (value instanceof JsonObject object) {
      return object.size();
    }
    return value == JsonNull.NULL ? 0 : 1;
  }

  private static String fieldWord(List<String> missing) {
    return missing.size() == 1 ? "field" : "fields";
  }

  /** cli's rendering of a character vector: {@code "a"}, {@code "a" and "b"}, {@code "a", "b", and "c"}. */
  static String quotedList(List<String> values) {
    List<String> quoted = values.stream().map(Names::quoted).toList();
    if (quoted.size() <= 2) {
      return String.join(" and ", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
  }

  private static String rClass(JsonValue value) {
    if (value instanceof JsonString) {
      return "character";
    }
    if (value instanceof JsonInteger) {
      return "integer";
    }
    if (value instanceof JsonDouble) {
      return "numeric";
    }
    if (value instanceof JsonBoolean) {
      return "logical";
    }
    return value == JsonNull.NULL ? "NULL" : "logical";
  }
}
