package io.datom.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RNumberFormatTest {

  /** The behaviour table of format §4.3 (jsonlite 2.0.x), row by row, plus the cases the golden vectors rely on. */
  static Stream<Arguments> jsonliteTable() {
    return Stream.of(
        Arguments.of(0.0, "0"),
        Arguments.of(-0.0, "-0"),
        Arguments.of(1.0, "1"),
        Arguments.of(25.0, "25"),
        Arguments.of(0.1, "0.1"),
        Arguments.of(1.0 / 3, "0.3333"),
        Arguments.of(2.0 / 3, "0.6667"),
        Arguments.of(0.12345, "0.1234"),
        Arguments.of(12.34565, "12.3456"),
        Arguments.of(1.00005, "1.0001"),
        Arguments.of(2.00005, "2"),
        Arguments.of(0.99995, "1"),
        Arguments.of(1.5e-5, "0"),
        Arguments.of(1e-5, "1e-05"),
        Arguments.of(1e-6, "1e-06"),
        Arguments.of(123456.789, "123456.789"),
        Arguments.of(2147483646.5, "2147483646.5"),
        Arguments.of(2147483647.0, "2147483647"),
        Arguments.of(3e9, "3000000000"),
        Arguments.of(1e15, "1000000000000000"),
        Arguments.of(123456789012.345678, "123456789012.3457"),
        Arguments.of(Math.pow(2, 53) + 2, "9007199254740994"),
        Arguments.of(1.5e300, "1.5000000000000001e+300"),
        Arguments.of(1e20, "1e+20"));
  }

  static Stream<Arguments> moreCases() {
    return Stream.of(
        Arguments.of(-0.00002, "-0"),
        Arguments.of(-12.34565, "-12.3456"),
        Arguments.of(0.123456, "0.1235"),
        Arguments.of(0.00011, "0.0001"),
        Arguments.of(0.0005, "0.0005"),
        Arguments.of(3.33333, "3.3333"),
        Arguments.of(10.0, "10"),
        Arguments.of(0.5, "0.5"),
        Arguments.of(2.25, "2.25"),
        Arguments.of(-1e20, "-1e+20"),
        Arguments.of(-2147483647.0, "-2147483647"),
        Arguments.of(1e-300, "1e-300"),
        Arguments.of(-1.5e-7, "-1.5e-07"),
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        Arguments.of(Double.MIN_VALUE, "4.9407e-324"),
        Arguments.of(9007199254740992.0, "9007199254740992"),
        Arguments.of(12345678901.0, "12345678901"),
        Arguments.of(99999.99995, "99999.9999"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource({"jsonliteTable", "moreCases"})
  void formatsLikeJsonlite(double value, String expected) {
    assertEquals(expected, RNumberFormat.format(value));
  }

  @Test
  void exactHalfOfTheLastDigitRoundsUpOnlyWhenOdd() {
    // m/32 for odd m scales by 10000 to exactly k + 0.5, the only inputs where modp's tie rule decides.
    assertEquals("0.0312", RNumberFormat.format(1.0 / 32)); // 312.5: 312 is even, kept
    assertEquals("0.0938", RNumberFormat.format(3.0 / 32)); // 937.5: 937 is odd, rounded up
    assertEquals("-0.0312", RNumberFormat.format(-1.0 / 32));
  }

  /** 2,658 doubles of every magnitude, each formatted by jsonlite 2.0.1's own C code (see the file's header). */
  @Test
  void matchesJsonliteCompiledCode() throws IOException {
    List<String> lines = readResource("/json/jsonlite-number-format.tsv");
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      double value = Double.parseDouble(parts[0]);
      assertEquals(parts[1], RNumberFormat.format(value), () -> "for " + parts[0] + " (" + value + ")");
      checked++;
    }
    assertEquals(2658, checked);
  }

  private static List<String> readResource(String name) throws IOException {
    try (InputStream in = RNumberFormatTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void refusesNonFiniteValues() {
    assertThrows(IllegalArgumentException.class, () -> RNumberFormat.format(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> RNumberFormat.format(Double.POSITIVE_INFINITY));
  }
}
