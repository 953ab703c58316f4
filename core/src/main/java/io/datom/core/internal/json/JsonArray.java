package io.datom.core.internal.json;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A JSON array, either an R <b>atomic vector</b> or an R <b>list</b>; the two serialise differently (format §2.2):
 *
 * <ul>
 *   <li>an atomic vector of length 1 is written as its single element, without brackets ({@code auto_unbox}); other
 *       lengths are written inline in the pretty form, {@code ["a", "b"]};
 *   <li>a list is always written as an array, one element per line in the pretty form. Every array the parser reads
 *       is a list.
 * </ul>
 *
 * @param elements the elements, in order
 * @param atomic   {@code true} for an atomic vector (elements must all be scalars), {@code false} for a list
 */
public record JsonArray(List<JsonValue> elements, boolean atomic) implements JsonValue {

  public JsonArray {
    elements = List.copyOf(elements);
    if (atomic) {
      for (JsonValue element : elements) {
        if (!element.isScalar()) {
          throw new IllegalArgumentException(
              "An atomic vector holds only scalars (string, number, boolean, NA); got " + element);
        }
      }
    }
  }

  /** An R list: always written as an array. */
  public static JsonArray list(List<? extends JsonValue> elements) {
    return new JsonArray(List.copyOf(elements), false);
  }

  /** An R list: always written as an array. */
  public static JsonArray list(JsonValue... elements) {
    return list(Arrays.asList(elements));
  }

  /** An R atomic vector: written bare when it has one element, inline otherwise. */
  public static JsonArray vector(List<? extends JsonValue> elements) {
    return new JsonArray(List.copyOf(elements), true);
  }

  /** An R character vector, e.g. a table's column names. */
  public static JsonArray strings(List<String> values) {
    Objects.requireNonNull(values, "values");
    return vector(values.stream().map(JsonString::new).toList());
  }

  /** Number of elements. */
  public int size() {
    return elements.size();
  }

  /** Element {@code index}, 0-based. */
  public JsonValue get(int index) {
    return elements.get(index);
  }

  /** Whether the array has no elements. */
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /** The value as compact JSON. */
  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
