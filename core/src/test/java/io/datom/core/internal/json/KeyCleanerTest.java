package io.datom.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCleanerTest {

  @Test
  void leavesDistinctKeysAlone() {
    assertEquals(List.of("b", "a", "c"), KeyCleaner.clean(List.of("b", "a", "c")));
  }

  @Test
  void replacesEmptyKeysByTheirPosition() {
    assertEquals(List.of("1", "x", "3"), KeyCleaner.clean(List.of("", "x", "")));
  }

  @Test
  void numbersDuplicatesInOrder() {
    assertEquals(List.of("a", "a.1", "a.2"), KeyCleaner.makeUnique(List.of("a", "a", "a")));
  }

  @Test
  void skipsSuffixesAlreadyInUseLikeRsMakeUnique() {
    // R: make.unique(c("a", "a", "a.2", "a")) is c("a", "a.1", "a.2", "a.3")
    assertEquals(List.of("a", "a.1", "a.2", "a.3"), KeyCleaner.makeUnique(List.of("a", "a", "a.2", "a")));
    // R: make.unique(c("a", "a", "a.1")) is c("a", "a.2", "a.1")
    assertEquals(List.of("a", "a.2", "a.1"), KeyCleaner.makeUnique(List.of("a", "a", "a.1")));
  }

  @Test
  void positionalNamesCanCollideToo() {
    // cleannames(c("2", "")) makes the empty name "2", which make.unique then renames.
    assertEquals(List.of("2", "2.1"), KeyCleaner.clean(List.of("2", "")));
  }
}
