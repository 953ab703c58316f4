package io.datom.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

  private static JsonValue parse(String text) {
    return JsonParser.parse(text, "test.json");
  }

  /** The parse typing table of format §2.3: token, R type after parsing, and how it is written again. */
  @ParameterizedTest(name = "{0} -> {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "0                    | JsonInteger | 0",
      "-0                   | JsonInteger | 0",
      "42                   | JsonInteger | 42",
      "2147483647           | JsonInteger | 2147483647",
      "-2147483647          | JsonInteger | -2147483647",
      "-2147483648          | JsonDouble  | -2147483648",
      "2147483648           | JsonDouble  | 2147483648",
      "3000000000           | JsonDouble  | 3000000000",
      "9007199254740993     | JsonDouble  | 9007199254740992",
      "123456789012345678901234567890 | JsonDouble | 1.2345678901234568e+29",
      "1.0                  | JsonDouble  | 1",
      "1e2                  | JsonDouble  | 100",
      "1E2                  | JsonDouble  | 100",
      "0.123456789          | JsonDouble  | 0.1235",
      "-0.0                 | JsonDouble  | -0",
      "1e400                | JsonDouble  | \"Inf\"",
      "true                 | JsonBoolean | true",
      "null                 | JsonNull    | {}",
      "\"\\u00e9\"          | JsonString  | \"é\"",
      "\"<\\/\"             | JsonString  | \"<\\/\"",
      "[]                   | JsonArray   | []",
      "{}                   | JsonObject  | {}",
      "[\"x\"]              | JsonArray   | [\"x\"]",
  })
  void typesLikeJsonlite(String token, String type, String rewritten) {
    JsonValue value = parse(token);
    assertEquals(type, value.getClass().getSimpleName());
    assertEquals(rewritten, JsonWriter.compact(value));
  }

  @Test
  void arraysAreListsSoPrettyFormPutsOneElementPerLine() {
    JsonArray array = (JsonArray) parse("[\"a\",\"b\"]");
    assertEquals(false, array.atomic());
    assertEquals("[\n  \"a\",\n  \"b\"\n]", JsonWriter.pretty(array));
  }

  @Test
  void keepsKeyOrderAndDuplicateKeys() {
    JsonObject object = (JsonObject) parse("{\"b\":1,\"a\":2,\"b\":3}");
    assertEquals(List.of("b", "a", "b"), object.keys());
    assertEquals(JsonInteger.of(1), object.get("b").orElseThrow());
  }

  @Test
  void decodesUnicodeEscapesIncludingSurrogatePairs() {
    assertEquals(JsonString.of("😀"), parse("\"\\ud83d\\ude00\""));
    assertEquals(JsonString.of("日é"), parse("\"\\u65E5\\u00e9\""));
    assertEquals(JsonString.of("a?b"), parse("\"a\\ud83db\""));
    assertEquals(JsonString.of("\"\\/\b\f\n\r\t"), parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
  }

  @Test
  void skipsByteOrderMarkAndComments() {
    assertEquals(JsonInteger.of(1), parse("\uFEFF 1"));
    assertEquals(parse("[1,2]"), parse("// lead\n[1, /* two */ 2] // trail"));
  }

  @Test
  void parsesUtf8Bytes() {
    byte[] bytes = "{\"été\":\"日\"}".getBytes(StandardCharsets.UTF_8);
    JsonObject object = (JsonObject) JsonParser.parse(bytes, "test.json");
    assertEquals(JsonString.of("日"), object.get("été").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "1e", "-", "+1", "tru",
      "nul", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "[1 2]", "1 2", "/* open", "\"\\u0000\"", "NaN"})
  void rejectsMalformedInput(String text) {
    assertThrows(MalformedJsonException.class, () -> parse(text));
  }

  @Test
  void errorNamesSourceLineAndColumn() {
    MalformedJsonException e = assertThrows(MalformedJsonException.class,
        () -> JsonParser.parse("{\n  \"a\": 1,\n  \"b\": ?\n}", "dm/.metadata/metadata.json"));
    assertEquals("dm/.metadata/metadata.json", e.source());
    assertEquals(3, e.line());
    assertEquals(8, e.column());
    assertTrue(e.getMessage().contains("dm/.metadata/metadata.json at line 3, column 8"), e.getMessage());
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = {'"', (byte) 0xC3, (byte) 0x28, '"'};
    assertThrows(MalformedJsonException.class, () -> JsonParser.parse(bytes, "x"));
  }

  @Test
  void parseObjectRequiresAnObject() {
    assertInstanceOf(JsonObject.class, JsonParser.parseObject("{}", "x"));
    assertThrows(MalformedJsonException.class, () -> JsonParser.parseObject("[]", "x"));
  }

  @Test
  void rejectsExcessiveNesting() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    assertThrows(MalformedJsonException.class, () -> parse(deep));
  }
}
