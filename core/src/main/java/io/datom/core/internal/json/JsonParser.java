package io.datom.core.internal.json;

import io.datom.core.exceptions.MalformedJsonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses JSON the way jsonlite's {@code parse_json(simplifyVector = FALSE)} does, which is how R datom reads every
 * file (format §2.3):
 *
 * <ul>
 *   <li>an integer literal (no {@code .}, {@code e} or {@code E}) within ±2147483647 becomes a {@link JsonInteger};
 *       any other number a {@link JsonDouble};
 *   <li>{@code null} becomes R's {@code NULL} ({@link JsonNull}), which re-serialises as {@code {}};
 *   <li>every array becomes a list ({@link JsonArray#atomic()} is false), every object a named list that keeps its key
 *       order and duplicate keys.
 * </ul>
 *
 * Like jsonlite's parser (yajl) it skips a leading byte-order mark and accepts {@code //} and {@code /* *}{@code /}
 * comments; anything else that is not RFC 8259 JSON raises {@link MalformedJsonException}.
 */
public final class JsonParser {

  private static final int MAX_DEPTH = 1000;
  private static final long INT_LIMIT = 2147483647L;

  private final String text;
  private final String source;
  private int pos;
  private int depth;

  private JsonParser(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /**
   * Parses a document.
   *
   * @param text   the JSON text
   * @param source what the text is (a store key or a file), for error messages
   * @throws MalformedJsonException if the text is not JSON
   */
  public static JsonValue parse(String text, String source) {
    JsonParser parser = new JsonParser(text, source);
    if (text.startsWith("\uFEFF")) {
      parser.pos = 1;
    }
    parser.skipWhitespace();
    JsonValue value = parser.value();
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected content after the JSON value");
    }
    return value;
  }

  /** Parses a UTF-8 document; invalid UTF-8 is malformed, as it is for jsonlite. */
  public static JsonValue parse(byte[] utf8, String source) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
      return parse(text, source);
    } catch (CharacterCodingException e) {
      throw new MalformedJsonException(source, 1, 1, "the bytes are not valid UTF-8");
    }
  }

  /** Parses a document that must be a JSON object. */
  public static JsonObject parseObject(String text, String source) {
    JsonValue value = parse(text, source);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new MalformedJsonException(source, 1, 1, "expected a JSON object at the top level");
  }

  private JsonValue value() {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new JsonString(string());
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private JsonObject object() {
    enter();
    pos++;
    List<JsonObject.Member> members = new ArrayList<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return JsonObject.empty();
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.add(new JsonObject.Member(key, value()));
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return JsonObject.of(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in an object");
      }
    }
  }

  private JsonArray array() {
    enter();
    pos++;
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return JsonArray.list(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return JsonArray.list(elements);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      pos++;
      char escape = pos < text.length() ? text.charAt(pos) : '\0';
      pos++;
      switch (escape) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> unicodeEscape(out);
        default -> {
          pos--;
          throw error("invalid escape '\\" + escape + "' in a string");
        }
      }
    }
  }

  /** Decodes {@code \\uXXXX} as yajl does: a high surrogate combines with a following escape, or becomes '?'. */
  private void unicodeEscape(StringBuilder out) {
    int codePoint = hex4();
    if ((codePoint & 0xFC00) == 0xD800) {
      if (text.startsWith("\\u", pos)) {
        pos += 2;
        int next = hex4();
        // yajl's combination formula; for a real low surrogate it is the standard UTF-16 decoding.
        codePoint = ((codePoint & 0x3F) << 10) | ((((codePoint >> 6) & 0xF) + 1) << 16) | (next & 0x3FF);
      } else {
        out.append('?');
        return;
      }
    }
    if (codePoint == 0) {
      pos -= 6;
      throw error("\\u0000 cannot be represented in an R string");
    }
    out.appendCodePoint(codePoint);
  }

  private int hex4() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw error("invalid hex digit in a \\u escape");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return value;
  }

  private JsonValue number() {
    int start = pos;
    boolean integral = true;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      skipDigits();
    } else {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after the decimal point");
      }
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      skipDigits();
    }
    String literal = text.substring(start, pos);
    if (integral) {
      try {
        long value = Long.parseLong(literal);
        if (value >= -INT_LIMIT && value <= INT_LIMIT) {
          return new JsonInteger((int) value);
        }
        return new JsonDouble((double) value);
      } catch (NumberFormatException outsideLongRange) {
        // Beyond 64 bits yajl falls back to strtod, like any non-integral literal.
      }
    }
    return new JsonDouble(Double.parseDouble(literal));
  }

  private void skipDigits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal, expected '" + word + "'");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (text.startsWith("//", pos)) {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private MalformedJsonException error(String problem) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new MalformedJsonException(source, line, end - lineStart + 1, problem);
  }
}
