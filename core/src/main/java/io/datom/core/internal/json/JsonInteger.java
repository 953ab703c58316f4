package io.datom.core.internal.json;

/**
 * An R integer of length 1, written as plain decimal digits. A parsed JSON integer literal becomes one when its
 * magnitude is at most 2147483647 (format §2.3).
 *
 * @param value any {@code int} except {@link Integer#MIN_VALUE}, which is R's {@code NA_integer_}
 *              (use {@link JsonNa#INTEGER})
 */
public record JsonInteger(int value) implements JsonValue {

  public JsonInteger {
    if (value == Integer.MIN_VALUE) {
      throw new IllegalArgumentException(
          "-2147483648 is R's NA_integer_ and cannot be an R integer value; use JsonNa.INTEGER or a JsonDouble");
    }
  }

  /** Shorthand for {@code new JsonInteger(value)}. */
  public static JsonInteger of(int value) {
    return new JsonInteger(value);
  }

  /** The value as compact JSON. */
  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
