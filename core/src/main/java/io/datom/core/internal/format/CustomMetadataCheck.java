package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonNa;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.internal.text.RStrings;

/**
 * Refuses custom metadata that R would not hash the same after reading it back from the store (format §4.4): R
 * re-hashes the stored file on the next write, so such a table would get a new version every time.
 */
final class CustomMetadataCheck {

  private CustomMetadataCheck() {}

  private record Difference(String path, JsonValue written, JsonValue reread) {}

  static void requireStable(JsonObject custom) {
    requireNoNulls(custom, "custom");
    JsonValue reread = JsonParser.parse(JsonWriter.compact(custom), "custom metadata");
    Difference difference = firstDifference(custom, reread, "custom");
    if (difference != null) {
      throw new InvalidMetadataException(difference.path(), "Custom metadata at " + difference.path()
          + " does not survive a JSON round trip: it is written as " + JsonWriter.compact(difference.written())
          + " but R reads it back as " + JsonWriter.compact(difference.reread()) + ", so the stored table would not"
          + " re-hash to its version. Use a value that round-trips, e.g. 0 instead of a negative zero.");
    }
  }

  private static void requireNoNulls(JsonValue value, String path) {
    if (value instanceof JsonString text) {
      RStrings.require(path, "Custom metadata at " + path, text.value());
    }
    if (value == JsonNull.NULL || value instanceof JsonNa) {
      throw new InvalidMetadataException(path, "Custom metadata must not contain null or NA values (found at "
          + path + "): R re-hashes a stored null as {} and the table would get a new version on every write."
          + " Omit the field instead.");
    }
    if (value instanceof JsonObject object) {
      for (JsonObject.Member member : object.members()) {
        RStrings.require(path, "A custom metadata key in " + path, member.key());
        requireNoNulls(member.value(), path + "." + member.key());
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        requireNoNulls(array.get(i), path + "[" + (i + 1) + "]");
      }
    }
  }

  /** The innermost value whose serialisation changes in the round trip, or {@code null} if none does. */
  private static Difference firstDifference(JsonValue written, JsonValue reread, String path) {
    if (JsonWriter.compact(written).equals(JsonWriter.compact(reread))) {
      return null;
    }
    if (written instanceof JsonObject a && reread instanceof JsonObject b && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        Difference inner = firstDifference(a.members().get(i).value(), b.members().get(i).value(),
            path + "." + a.members().get(i).key());
        if (inner != null) {
          return inner;
        }
      }
    }
    JsonArray a = asList(written);
    JsonArray b = asList(reread);
    if (a != null && b != null && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        Difference inner = firstDifference(a.get(i), b.get(i), path + "[" + (i + 1) + "]");
        if (inner != null) {
          return inner;
        }
      }
    }
    return new Difference(path, written, reread);
  }

  /** An array as it is written: a one-element atomic vector is written as its element. */
  private static JsonArray asList(JsonValue value) {
    return value instanceof JsonArray array && !(array.atomic() && array.size() == 1) ? array : null;
  }
}
