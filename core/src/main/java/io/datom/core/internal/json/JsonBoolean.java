package io.datom.core.internal.json;

/**
 * An R logical value of length 1, written {@code true} or {@code false}. For a logical NA use {@link JsonNa#LOGICAL}.
 */
public record JsonBoolean(boolean value) implements JsonValue {

  public static final JsonBoolean TRUE = new JsonBoolean(true);
  public static final JsonBoolean FALSE = new JsonBoolean(false);

  /** The shared instance for {@code value}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The value as compact JSON. */
  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
