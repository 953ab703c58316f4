package io.datom.core.internal.json;

import java.util.List;

/**
 * Serialises a {@link JsonValue} exactly as jsonlite's {@code toJSON(x, auto_unbox = TRUE)} does, in its compact form
 * ({@code pretty = FALSE}, used for {@code metadata_sha}) or its pretty form ({@code pretty = TRUE}, used for every
 * file). Neither form ends with a newline; files add it where R does (format §2.1).
 */
public final class JsonWriter {

  private static final int INDENT_STEP = 2;

  private final boolean pretty;
  private final StringBuilder out = new StringBuilder();

  private JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  /** jsonlite's compact form: no whitespace at all, e.g. {@code {"a":1,"b":[1,2]}}. */
  public static String compact(JsonValue value) {
    return new JsonWriter(false).write(value, 0).out.toString();
  }

  /**
   * jsonlite's pretty form: 2-space indentation, {@code "key": value}, atomic vectors inline as {@code ["a", "b"]},
   * lists one element per line, {@code {}} and {@code []} for empty containers.
   */
  public static String pretty(JsonValue value) {
    return new JsonWriter(true).write(value, 0).out.toString();
  }

  private JsonWriter write(JsonValue value, int indent) {
    if (value instanceof JsonObject object) {
      writeObject(object, indent);
    } else if (value instanceof JsonArray array) {
      if (array.atomic()) {
        writeVector(array);
      } else {
        writeList(array, indent);
      }
    } else {
      writeScalar(value);
    }
    return this;
  }

  private void writeObject(JsonObject object, int indent) {
    if (object.isEmpty()) {
      out.append("{}");
      return;
    }
    List<String> keys = KeyCleaner.clean(object.keys());
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(indent + INDENT_STEP);
      JsonEscaper.appendQuoted(out, keys.get(i));
      out.append(pretty ? ": " : ":");
      write(object.members().get(i).value(), indent + INDENT_STEP);
    }
    newline(indent);
    out.append('}');
  }

  private void writeVector(JsonArray vector) {
    if (vector.size() == 1) {
      writeScalar(vector.get(0));
      return;
    }
    out.append('[');
    for (int i = 0; i < vector.size(); i++) {
      if (i > 0) {
        out.append(pretty ? ", " : ",");
      }
      writeScalar(vector.get(i));
    }
    out.append(']');
  }

  private void writeList(JsonArray list, int indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(indent + INDENT_STEP);
      write(list.get(i), indent + INDENT_STEP);
    }
    newline(indent);
    out.append(']');
  }

  private void writeScalar(JsonValue value) {
    if (value instanceof JsonString s) {
      JsonEscaper.appendQuoted(out, s.value());
    } else if (value instanceof JsonInteger i) {
      out.append(i.value());
    } else if (value instanceof JsonDouble d) {
      writeDouble(d.value());
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value());
    } else if (value instanceof JsonNa na) {
      out.append(na == JsonNa.CHARACTER || na == JsonNa.LOGICAL ? "null" : "\"NA\"");
    } else if (value instanceof JsonNull) {
      out.append("{}");
    } else {
      throw new IllegalStateException("Not a scalar: " + value);
    }
  }

  private void writeDouble(double v) {
    if (Double.isNaN(v)) {
      out.append("\"NaN\"");
    } else if (Double.isInfinite(v)) {
      out.append(v > 0 ? "\"Inf\"" : "\"-Inf\"");
    } else {
      out.append(RNumberFormat.format(v));
    }
  }

  private void newline(int indent) {
    if (pretty) {
      out.append('\n').append(" ".repeat(indent));
    }
  }
}
