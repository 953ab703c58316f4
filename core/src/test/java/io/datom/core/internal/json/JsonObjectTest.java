package io.datom.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

  private static final JsonObject ABC = JsonObject.builder().put("a", 1).put("b", "x").put("c", true).build();

  @Test
  void withReplacesInPlaceOrAppends() {
    assertEquals(List.of("a", "b", "c"), ABC.with("b", JsonInteger.of(2)).keys());
    assertEquals(JsonInteger.of(2), ABC.with("b", JsonInteger.of(2)).get("b").orElseThrow());
    assertEquals(List.of("a", "b", "c", "d"), ABC.with("d", JsonNull.NULL).keys());
  }

  @Test
  void withoutRemovesTheFirstMatch() {
    assertEquals(List.of("a", "c"), ABC.without("b").keys());
    assertSame(ABC, ABC.without("z"));
    JsonObject duplicated = JsonObject.of(List.of(new JsonObject.Member("k", JsonInteger.of(1)),
        new JsonObject.Member("k", JsonInteger.of(2))));
    assertEquals(Optional.of(JsonInteger.of(2)), duplicated.without("k").get("k"));
    assertEquals(JsonObject.empty(), JsonObject.builder().put("k", 1).build().without("k"));
  }

  @Test
  void lookupsAndValueEquality() {
    assertTrue(ABC.has("c"));
    assertEquals(Optional.empty(), ABC.get("z"));
    assertEquals(3, ABC.size());
    assertEquals(ABC, JsonParser.parse("{\"a\":1,\"b\":\"x\",\"c\":true}", "t"));
    assertEquals(ABC.hashCode(), JsonParser.parse("{\"a\":1,\"b\":\"x\",\"c\":true}", "t").hashCode());
    assertEquals("{\"a\":1,\"b\":\"x\",\"c\":true}", ABC.toString());
  }

  @Test
  void builderRefusesDuplicateKeysAndSkipsAbsentOptionalStrings() {
    assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("a", 1).put("a", 2));
    assertEquals(List.of("a"), JsonObject.builder().put("a", 1.5).putIfPresent("b", null).build().keys());
  }
}
