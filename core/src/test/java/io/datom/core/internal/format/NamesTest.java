package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.exceptions.InvalidShaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  private static String rejection(String name) {
    return assertThrows(InvalidNameException.class, () -> Names.requireValid(name)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dm", "ADSL (v2)", "a-b_c d", "R", "tests", "Data2026"})
  void acceptsValidNames(String name) {
    assertEquals(name, Names.requireValid(name));
    assertTrue(Names.isValid(name));
  }

  @Test
  void acceptsTheLongestName() {
    String name = "x".repeat(128);
    assertEquals(name, Names.requireValid(name));
  }

  @Test
  void rejectsWithRsMessagesInRsOrder() {
    assertEquals("`name` must be a single non-NA character string.", rejection(null));
    assertEquals("`name` must not be empty.", rejection(""));
    assertEquals("`name` must be 128 characters or fewer (got 129).", rejection("1".repeat(129)));
    assertEquals("`name` must start with a letter. Got: \"1dm\"", rejection("1dm"));
    assertEquals("`name` must start with a letter. Got: \"édition\"", rejection("édition"));
    assertEquals("`name` may only contain letters, numbers, underscores, hyphens, spaces, and parentheses."
        + " Got: \"dm.v2\"", rejection("dm.v2"));
    assertEquals("`name` may only contain letters, numbers, underscores, hyphens, spaces, and parentheses."
        + " Got: \"a/b\"", rejection("a/b"));
    assertEquals("\"Datom\" is a reserved name and cannot be used as a table name.", rejection("Datom"));
    assertEquals("\"input_files\" is a reserved name and cannot be used as a table name.",
        rejection("input_files"));
    assertEquals("\"RENV\" is a reserved name and cannot be used as a table name.", rejection("RENV"));
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // 128 code points, 129 UTF-16 units: the length rule passes and the character rule rejects.
    String name = "a" + "b".repeat(126) + "😀";
    assertTrue(rejection(name).startsWith("`name` may only contain"));
  }

  @Test
  void exceptionCarriesTheName() {
    assertEquals("1dm", assertThrows(InvalidNameException.class, () -> Names.requireValid("1dm")).name());
    assertFalse(Names.isValid(".datom"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "abcdef", "0123456789abcdef", "a8b7dd073326effbfee5f0d38bc30f4e72cae0be5b6d51d1a8584bf0afdc76c5"})
  void acceptsShaArguments(String sha) {
    assertEquals(sha, Shas.requireShaArgument(sha, "version"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "abcde", "ABCDEF", "abcdeg", "../../x", "a8b7dd073326effbfee5f0d38bc30f4e72cae0be5b6d51d1a8584bf0afdc76c5a"})
  void rejectsShaArgumentsWithRsMessage(String sha) {
    InvalidShaException e = assertThrows(InvalidShaException.class, () -> Shas.requireShaArgument(sha, "data_sha"));
    assertEquals("`data_sha` must be 6-64 lowercase hex characters.", e.getMessage());
    assertEquals("data_sha", e.argument());
    assertEquals(sha, e.value());
  }

  @Test
  void rejectsAMissingSha() {
    assertThrows(InvalidShaException.class, () -> Shas.requireShaArgument(null, "version"));
  }
}
