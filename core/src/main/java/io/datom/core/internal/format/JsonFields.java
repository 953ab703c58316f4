package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonDouble;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.util.Optional;
import java.util.OptionalDouble;

/** Typed reads of fields the way R sees them: an atomic vector of length 1 is the same value as its element. */
final class JsonFields {

  private JsonFields() {}

  /** The field's value if it is one string (R {@code is.character(x) && length(x) == 1}). */
  static Optional<String> string(JsonObject object, String key) {
    return object.get(key).flatMap(JsonFields::asString);
  }

  static Optional<String> asString(JsonValue value) {
    JsonValue scalar = unboxed(value);
    return scalar instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The field's value if it is one non-empty string, the shape R requires of identifiers. */
  static Optional<String> nonEmptyString(JsonObject object, String key) {
    return string(object, key).filter(s -> !s.isEmpty());
  }

  /** The field's value if it is one number, integer or double. */
  static OptionalDouble number(JsonObject object, String key) {
    JsonValue scalar = object.get(key).map(JsonFields::unboxed).orElse(null);
    if (scalar instanceof JsonInteger i) {
      return OptionalDouble.of(i.value());
    }
    if (scalar instanceof JsonDouble d) {
      return OptionalDouble.of(d.value());
    }
    return OptionalDouble.empty();
  }

  /** The field's value if it is an object. */
  static Optional<JsonObject> object(JsonObject object, String key) {
    return object.get(key).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }

  /** The field's value if it is an array (list or vector). */
  static Optional<JsonArray> array(JsonObject object, String key) {
    return object.get(key).filter(JsonArray.class::isInstance).map(JsonArray.class::cast);
  }

  private static JsonValue unboxed(JsonValue value) {
    if (value instanceof JsonArray array && array.atomic() && array.size() == 1) {
      return array.get(0);
    }
    return value;
  }
}
