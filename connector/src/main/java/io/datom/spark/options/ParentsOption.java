package io.datom.spark.options;

import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.format.Parent;
import io.datom.core.json.JsonArray;
import io.datom.core.json.JsonObject;
import io.datom.core.json.JsonParser;
import io.datom.core.json.JsonString;
import io.datom.core.json.JsonValue;
import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads option {@code parents}: a JSON array of parent objects as R's {@code datom_parent()} returns them
 * ({@code source}, {@code table}, {@code version}, {@code data_sha}, optional {@code source_lineage}); a single object
 * is accepted as a one-parent array.
 */
final class ParentsOption {

  private ParentsOption() {}

  /** The parents, unvalidated (core's {@code Lineage.validateParents} reports missing fields in R's words). */
  static List<Parent> parse(String text) {
    JsonValue json;
    try {
      json = JsonParser.parse(text, "option " + DatomWriteOptions.PARENTS);
    } catch (MalformedJsonException e) {
      throw invalid("is not valid JSON (" + e.getMessage() + ")");
    }
    List<JsonValue> entries = new ArrayList<>();
    if (json instanceof JsonObject single) {
      entries.add(single);
    } else if (json instanceof JsonArray array) {
      entries.addAll(array.elements());
    } else {
      throw invalid("must be a JSON array of parent objects");
    }
    List<Parent> parents = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof JsonObject parent)) {
        throw invalid("entry " + (i + 1) + " is not a JSON object");
      }
      parents.add(new Parent(text(parent, "source"), text(parent, "table"), text(parent, "version"),
          text(parent, "data_sha"), parent.get("source_lineage").orElse(null)));
    }
    return parents;
  }

  private static String text(JsonObject parent, String field) {
    return parent.get(field).map(v -> v instanceof JsonString s ? s.value() : null).orElse(null);
  }

  private static InvalidOptionsException invalid(String problem) {
    return new InvalidOptionsException("Option '" + DatomWriteOptions.PARENTS + "' " + problem + ". Give a JSON array "
        + "such as [{\"source\":\"STUDY_001\",\"table\":\"dm\",\"version\":\"<metadata_sha>\","
        + "\"data_sha\":\"<data_sha>\"}].", DatomWriteOptions.PARENTS);
  }
}
