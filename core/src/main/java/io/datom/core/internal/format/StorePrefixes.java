package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * R's {@code .datom_normalize_prefix}: a prefix read from a file is "none" when it is null, missing, an empty
 * container ({@code {}} is what a NULL prefix becomes after a JSON round trip), the empty string or NA; otherwise it
 * is the first element as a string. The prefix is not otherwise changed.
 */
final class StorePrefixes {

  private StorePrefixes() {}

  /** The prefix of a parsed JSON value, or empty for none. */
  static Optional<String> fromJson(JsonValue value) {
    if (value == null || value == JsonNull.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonArray array) {
      return array.isEmpty() ? Optional.empty() : fromJson(array.get(0));
    }
    if (value instanceof JsonObject object) {
      return object.isEmpty() ? Optional.empty() : fromJson(object.members().get(0).value());
    }
    String text;
    if (value instanceof JsonString s) {
      text = s.value();
    } else if (value instanceof JsonBoolean b) {
      text = b.value() ? "TRUE" : "FALSE";
    } else {
      text = JsonWriter.compact(value);
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** The prefix of a value read by SnakeYAML, or empty for none. */
  static Optional<String> fromYaml(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Collection<?> list) {
      return list.isEmpty() ? Optional.empty() : fromYaml(list.iterator().next());
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty() ? Optional.empty() : fromYaml(map.values().iterator().next());
    }
    String text = value instanceof Boolean b ? (b ? "TRUE" : "FALSE") : value.toString();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
