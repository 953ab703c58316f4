package io.datom.core.internal.json;

/** jsonlite's string escaping (format §2.2): the same table for values and keys. */
final class JsonEscaper {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonEscaper() {}

  /** Appends {@code value} as a quoted JSON string. Non-ASCII text and U+007F stay raw. */
  static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        // jsonlite escapes "/" only right after "<", so that "</script>" cannot close an HTML script element.
        case '/' -> out.append(i > 0 && value.charAt(i - 1) == '<' ? "\\/" : "/");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
