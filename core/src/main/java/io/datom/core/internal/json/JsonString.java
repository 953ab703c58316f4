package io.datom.core.internal.json;

import java.util.Objects;

/** An R character value of length 1 (a JSON string). For a character NA use {@link JsonNa#CHARACTER}. */
public record JsonString(String value) implements JsonValue {

  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  /** Shorthand for {@code new JsonString(value)}. */
  public static JsonString of(String value) {
    return new JsonString(value);
  }

  /** The value as compact JSON. */
  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
