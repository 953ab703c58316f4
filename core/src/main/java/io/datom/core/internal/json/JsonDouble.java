package io.datom.core.internal.json;

/**
 * An R double of length 1. Finite values are written with jsonlite's {@code digits = 4} formatter (format §4.3), so
 * {@code 0.123456} is written {@code 0.1235}. {@code NaN}, {@code Inf} and {@code -Inf} are written as the JSON
 * strings {@code "NaN"}, {@code "Inf"} and {@code "-Inf"}; R's {@code NA_real_} is {@link JsonNa#DOUBLE}.
 */
public record JsonDouble(double value) implements JsonValue {

  /** Shorthand for {@code new JsonDouble(value)}. */
  public static JsonDouble of(double value) {
    return new JsonDouble(value);
  }

  /** The value as compact JSON. */
  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }
}
