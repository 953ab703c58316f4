package io.datom.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

  /** The escaping table of format §2.2; the expected output is given between the pipes. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "quote         | a\"b          | \"a\\\"b\"",
      "backslash     | a\\b          | \"a\\\\b\"",
      "slash alone   | a/b           | \"a/b\"",
      "closing tag   | </script>     | \"<\\/script>\"",
      "double slash  | <//           | \"<\\//\"",
      "unicode raw   | é日😀         | \"é日😀\"",
  })
  void escapesLikeJsonlite(String name, String input, String expected) {
    assertEquals(expected, JsonWriter.compact(JsonString.of(input)));
  }

  @Test
  void escapesControlCharactersWithShortFormsOrLowercaseHex() {
    assertEquals("\"\\n\\r\\t\\b\\f\"", JsonWriter.compact(JsonString.of("\n\r\t\b\f")));
    assertEquals("\"\\u0007\\u001f\\u0000\\u000b\"", JsonWriter.compact(JsonString.of("\u0007\u001f\u0000\u000b")));
    assertEquals("\"\u007f\"", JsonWriter.compact(JsonString.of("\u007f")));
  }

  @Test
  void escapesKeysLikeValues() {
    JsonObject object = JsonObject.builder().put("a\"</b", 1).build();
    assertEquals("{\"a\\\"<\\/b\":1}", JsonWriter.compact(object));
  }

  @Test
  void writesScalarsWithRTyping() {
    assertEquals("1", JsonWriter.compact(JsonInteger.of(1)));
    assertEquals("1", JsonWriter.compact(JsonDouble.of(1.0)));
    assertEquals("0.1235", JsonWriter.compact(JsonDouble.of(0.123456)));
    assertEquals("\"NaN\"", JsonWriter.compact(JsonDouble.of(Double.NaN)));
    assertEquals("\"Inf\"", JsonWriter.compact(JsonDouble.of(Double.POSITIVE_INFINITY)));
    assertEquals("\"-Inf\"", JsonWriter.compact(JsonDouble.of(Double.NEGATIVE_INFINITY)));
    assertEquals("true", JsonWriter.compact(JsonBoolean.TRUE));
    assertEquals("false", JsonWriter.compact(JsonBoolean.FALSE));
  }

  @Test
  void writesRNullAsEmptyObjectAndNaByType() {
    assertEquals("{}", JsonWriter.compact(JsonNull.NULL));
    assertEquals("null", JsonWriter.compact(JsonNa.CHARACTER));
    assertEquals("null", JsonWriter.compact(JsonNa.LOGICAL));
    assertEquals("\"NA\"", JsonWriter.compact(JsonNa.INTEGER));
    assertEquals("\"NA\"", JsonWriter.compact(JsonNa.DOUBLE));
    JsonArray mixed = JsonArray.vector(List.of(JsonDouble.of(1.5), JsonNa.DOUBLE, JsonDouble.of(3)));
    assertEquals("[1.5,\"NA\",3]", JsonWriter.compact(mixed));
  }

  @Test
  void unboxesAtomicVectorsOfLengthOneButNeverLists() {
    assertEquals("\"x\"", JsonWriter.compact(JsonArray.strings(List.of("x"))));
    assertEquals("[\"x\"]", JsonWriter.compact(JsonArray.list(JsonString.of("x"))));
    assertEquals("[]", JsonWriter.compact(JsonArray.strings(List.of())));
    assertEquals("[]", JsonWriter.compact(JsonArray.list()));
    assertEquals("[\"a\",\"b\"]", JsonWriter.compact(JsonArray.strings(List.of("a", "b"))));
  }

  @Test
  void compactFormHasNoWhitespace() {
    JsonObject object = JsonObject.builder()
        .put("a", 1)
        .put("b", JsonArray.vector(List.of(JsonInteger.of(1), JsonInteger.of(2))))
        .put("c", JsonArray.list(JsonObject.empty(), JsonArray.list()))
        .build();
    assertEquals("{\"a\":1,\"b\":[1,2],\"c\":[{},[]]}", JsonWriter.compact(object));
  }

  @Test
  void prettyFormWritesVectorsInlineAndListsOnePerLine() {
    JsonObject object = JsonObject.builder()
        .put("colnames", JsonArray.strings(List.of("USUBJID", "AGE")))
        .put("one", JsonArray.strings(List.of("x")))
        .put("column_hashes", JsonArray.list(
            JsonObject.builder().put("name", "USUBJID").put("sha", "3e9e").build(),
            JsonObject.builder().put("name", "AGE").put("sha", "c988").build()))
        .put("parsed", JsonArray.list(JsonString.of("a"), JsonString.of("b")))
        .put("empty_list", JsonArray.list())
        .put("empty_vector", JsonArray.strings(List.of()))
        .put("empty_object", JsonObject.empty())
        .put("nested", JsonObject.builder().put("z", 1).build())
        .build();
    String expected = """
        {
          "colnames": ["USUBJID", "AGE"],
          "one": "x",
          "column_hashes": [
            {
              "name": "USUBJID",
              "sha": "3e9e"
            },
            {
              "name": "AGE",
              "sha": "c988"
            }
          ],
          "parsed": [
            "a",
            "b"
          ],
          "empty_list": [],
          "empty_vector": [],
          "empty_object": {},
          "nested": {
            "z": 1
          }
        }""";
    assertEquals(expected, JsonWriter.pretty(object));
  }

  @Test
  void prettyTopLevelArrayOfObjects() {
    JsonArray history = JsonArray.list(JsonObject.builder().put("version", "v1").build());
    assertEquals("[\n  {\n    \"version\": \"v1\"\n  }\n]", JsonWriter.pretty(history));
    assertEquals("[]", JsonWriter.pretty(JsonArray.list()));
    assertEquals("{}", JsonWriter.pretty(JsonObject.empty()));
  }

  @Test
  void cleansEmptyAndDuplicateKeysLikeJsonlite() {
    JsonObject parsed = JsonObject.of(List.of(
        new JsonObject.Member("a", JsonInteger.of(1)),
        new JsonObject.Member("", JsonInteger.of(2)),
        new JsonObject.Member("a", JsonInteger.of(3))));
    assertEquals("{\"a\":1,\"2\":2,\"a.1\":3}", JsonWriter.compact(parsed));
  }

  @Test
  void atomicVectorsRefuseContainers() {
    assertThrows(IllegalArgumentException.class, () -> JsonArray.vector(List.of(JsonObject.empty())));
    assertThrows(IllegalArgumentException.class, () -> JsonArray.vector(List.of(JsonNull.NULL)));
  }

  @Test
  void integerRefusesRsNaPattern() {
    assertThrows(IllegalArgumentException.class, () -> JsonInteger.of(Integer.MIN_VALUE));
  }
}
