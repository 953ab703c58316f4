package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;

/**
 * R uploads {@code version_history.json} and {@code manifest.json} by parsing the local git file and serialising the
 * result again (format §2.1). The round trip turns atomic vectors into lists and {@code null} into {@code {}}, which
 * can change the layout; this reproduces it.
 */
final class StoreCopies {

  private StoreCopies() {}

  /** The pretty JSON R uploads for a git file whose content is {@code value}. */
  static String reparsed(JsonValue value, String source) {
    return JsonWriter.pretty(JsonParser.parse(JsonWriter.pretty(value), source));
  }
}
