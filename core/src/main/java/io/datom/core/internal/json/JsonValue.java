package io.datom.core.internal.json;

/**
 * A JSON value carrying the R type jsonlite gives it. The type decides how the value is written: an R integer and an
 * R double print differently, an atomic vector prints inline while a list prints one element per line, and R's
 * {@code NULL} prints {@code {}} while a character NA prints {@code null}.
 *
 * <p>All implementations are immutable and compare by value.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonInteger, JsonDouble, JsonBoolean, JsonNa, JsonNull {

  /** Whether this is a single scalar (string, number, boolean or NA), the only kind an atomic vector may hold. */
  default boolean isScalar() {
    return this instanceof JsonString
        || this instanceof JsonInteger
        || this instanceof JsonDouble
        || this instanceof JsonBoolean
        || this instanceof JsonNa;
  }
}
