package io.datom.core.hash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the golden vector files: objects become {@link LinkedHashMap}s, arrays {@link List}s,
 * numbers {@link BigDecimal}s, and {@code null} is {@code null}. Test-only; it assumes well-formed input.
 */
final class MiniJson {
  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson parser = new MiniJson(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("trailing characters");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (text.charAt(pos) == '}') {
      pos++;
      return object;
    }
    do {
      skipWhitespace();
      String key = string();
      skipWhitespace();
      expect(':');
      object.put(key, value());
      skipWhitespace();
    } while (text.charAt(pos++) == ',');
    if (text.charAt(pos - 1) != '}') {
      throw error("expected , or }");
    }
    return object;
  }

  private List<Object> array() {
    List<Object> array = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (text.charAt(pos) == ']') {
      pos++;
      return array;
    }
    do {
      array.add(value());
      skipWhitespace();
    } while (text.charAt(pos++) == ',');
    if (text.charAt(pos - 1) != ']') {
      throw error("expected , or ]");
    }
    return array;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    for (char c = text.charAt(pos++); c != '"'; c = text.charAt(pos++)) {
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escape = text.charAt(pos++);
      switch (escape) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(escape); // \" \\ \/
      }
    }
    return out.toString();
  }

  private BigDecimal number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character");
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (text.charAt(pos++) != c) {
      throw error("expected " + c);
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Bad JSON at offset " + pos + ": " + what);
  }
}
