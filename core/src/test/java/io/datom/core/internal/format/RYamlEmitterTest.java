package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RYamlEmitterTest {

  record Case(Object doc, String yaml) {
    @Override
    public String toString() {
      return yaml.length() > 60 ? yaml.substring(0, 60) + "…" : yaml;
    }
  }

  /** Quoting, folding at 80 columns, escapes and block styles, pinned with libyaml itself (see the file's "about"). */
  static Stream<Case> libyamlCases() {
    JsonObject file = JsonParser.parseObject(Resources.text("/yaml/r-yaml-emitter-cases.json"), "cases");
    JsonArray cases = JsonFields.array(file, "cases").orElseThrow();
    return cases.elements().stream().map(JsonObject.class::cast)
        .map(c -> new Case(toJava(c.get("doc").orElseThrow()), JsonFields.string(c, "yaml").orElseThrow()));
  }

  private static Object toJava(JsonValue value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.members().forEach(m -> map.put(m.key(), toJava(m.value())));
      return map;
    }
    if (value instanceof JsonArray array) {
      return array.elements().stream().map(RYamlEmitterTest::toJava).toList();
    }
    if (value instanceof JsonString s) {
      return s.value();
    }
    if (value instanceof JsonInteger i) {
      return i.value();
    }
    if (value instanceof JsonBoolean b) {
      return b.value();
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libyamlCases")
  void writesLikeLibyamlDrivenByRsYamlPackage(Case c) {
    assertEquals(c.yaml(), RYamlEmitter.write(c.doc()));
  }

  @Test
  void coversEveryCase() {
    assertEquals(94, libyamlCases().count());
  }

  /** R yaml's Ryaml_format_real with getOption("digits") = 7; expectations checked against its C code. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1000, 1000.0",
      "0, 0.0",
      "-0.0, -0.0",
      "0.1, 0.1",
      "1.5, 1.5",
      "123456.789, 123456.789",
      "9999999.99, 9999999.99",
      "1e7, 1.0e+07",
      "12345678, 1.2345678e+07",
      "0.0001, 0.0001",
      "0.00001, 1.0e-05",
      "-2.5e-20, -2.5e-20",
      "1.23456789, 1.2345679",
      "0.00012345678, 0.0001235",
      "99999999.5, 1.0e+08",
      "1e100, 1.0e+100",
      "Infinity, .inf",
      "-Infinity, -.inf",
      "NaN, .nan",
  })
  void formatsDoublesLikeRYaml(double value, String expected) {
    assertEquals(expected, RYamlEmitter.formatReal(value));
  }

  @Test
  void writesScalarsOfEveryRType() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("int", 4);
    doc.put("long", 3_000_000_000L);
    doc.put("double", 1000.0);
    doc.put("yes", true);
    doc.put("no", false);
    doc.put("null", null);
    assertEquals("int: 4\nlong: 3000000000\ndouble: 1000.0\n'yes': yes\n'no': no\n'null': ~\n",
        RYamlEmitter.write(doc));
  }

  @Test
  void refusesKeysThatCannotBeSimpleKeys() {
    assertThrows(IllegalArgumentException.class, () -> RYamlEmitter.write(Map.of("a\nb", 1)));
    assertThrows(IllegalArgumentException.class, () -> RYamlEmitter.write(Map.of("k".repeat(129), 1)));
  }

  @Test
  void writesAOneElementSequenceBareAsRsLengthOneVectors() {
    assertEquals("tags: SDTM\n", RYamlEmitter.write(Map.of("tags", List.of("SDTM"))));
  }
}
