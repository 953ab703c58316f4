package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {

  private static JsonObject entry(String project, String table, String versionSha) {
    return JsonObject.builder().put("project", project).put("table", table).put("version_sha", versionSha).build();
  }

  private static JsonValue json(String text) {
    return JsonParser.parse(text, "test");
  }

  @Test
  void unionDropsEmptyLineagesDeduplicatesAndKeepsFirstSeenOrder() {
    JsonObject a = entry("p", "t", "a");
    JsonObject b = entry("p", "t", "b");
    JsonObject aWithExtra = JsonObject.builder().put("project", "p").put("table", "t").put("version_sha", "a")
        .put("note", "second copy").build();
    List<JsonObject> union = Lineage.union(Arrays.asList(
        JsonArray.list(a, b), null, JsonArray.list(), JsonNull.NULL, JsonObject.empty(), JsonArray.list(aWithExtra)));
    assertEquals(List.of(a, b), union);
  }

  @Test
  void unionKeepsExtraFieldsVerbatimAndTreatsMissingKeyFieldsAsEmpty() {
    JsonObject withExtra = (JsonObject) json("{\"project\":\"p\",\"table\":\"t\",\"version_sha\":\"v\",\"x\":[1]}");
    JsonObject noTable = (JsonObject) json("{\"project\":\"p\",\"version_sha\":\"v\"}");
    JsonObject emptyTable = (JsonObject) json("{\"project\":\"p\",\"table\":\"\",\"version_sha\":\"v\"}");
    assertEquals(List.of(withExtra, noTable),
        Lineage.union(List.of(JsonArray.list(withExtra), JsonArray.list(noTable, emptyTable))));
  }

  @Test
  void lineageOfParentsWithoutLineageIsEmpty() {
    assertEquals(List.of(), Lineage.unionOf(List.of(new ParentEntry("p", "t", "v", "d"))));
  }

  @Test
  void validParentsPass() {
    assertDoesNotThrow(() -> Lineage.validateParents(List.of(
        new ParentEntry("p", "t", "v", "d", JsonArray.list(entry("p", "t", "d"))),
        new ParentEntry("p", "u", "v", "d", JsonObject.empty()))));
  }

  @Test
  void parentMessagesNameTheEntryAndFieldLikeR() {
    InvalidLineageException missing = assertThrows(InvalidLineageException.class, () -> Lineage.validateParents(
        List.of(new ParentEntry("p", "t", "v", "d"), new ParentEntry("p", "t", "v", null))));
    assertEquals("Entry 2 of `parents` is missing required field: \"data_sha\".\n"
        + "ℹ Declare parents with `datom_parent()` so each carries a resolved data_sha.", missing.getMessage());
    assertEquals(2, missing.entry());
    assertEquals("parents", missing.argument());

    InvalidLineageException several = assertThrows(InvalidLineageException.class,
        () -> Lineage.validateParents(List.of(new ParentEntry(null, "t", null, null))));
    assertEquals("Entry 1 of `parents` is missing required fields: \"source\", \"version\", and \"data_sha\".\n"
        + "ℹ Declare parents with `datom_parent()` so each carries a resolved data_sha.", several.getMessage());

    InvalidLineageException empty = assertThrows(InvalidLineageException.class,
        () -> Lineage.validateParents(List.of(new ParentEntry("p", "", "v", "d"))));
    assertEquals("Entry 1 of `parents`: field table must be a non-empty string.\n"
        + "ℹ Declare parents with `datom_parent()` so each carries a resolved data_sha.", empty.getMessage());
  }

  @Test
  void aParentsLineageIsValidatedToo() {
    ParentEntry parent = new ParentEntry("p", "t", "v", "d", json("[{\"project\":\"p\",\"table\":\"t\"}]"));
    InvalidLineageException e = assertThrows(InvalidLineageException.class,
        () -> Lineage.validateParents(List.of(parent)));
    assertEquals("Entry 1 of `source_lineage` is missing required field: \"version_sha\".", e.getMessage());
  }

  @Test
  void sourceLineageMessagesLikeR() {
    assertEquals("`source_lineage` must be a list of entry lists, not a named list.",
        assertThrows(InvalidLineageException.class,
            () -> Lineage.validateSourceLineage(json("{\"project\":\"p\"}"))).getMessage());
    assertEquals("`source_lineage` must be a list of entry lists, not a named list.",
        assertThrows(InvalidLineageException.class,
            () -> Lineage.validateSourceLineage(JsonString.of("x"))).getMessage());
    assertEquals("Entry 2 of `source_lineage` must be a list, not <character>.",
        assertThrows(InvalidLineageException.class, () -> Lineage.validateSourceLineage(
            json("[{\"project\":\"p\",\"table\":\"t\",\"version_sha\":\"v\"},\"x\"]"))).getMessage());
    assertEquals("Entry 1 of `source_lineage` is missing required fields: \"project\", \"table\", and"
        + " \"version_sha\".", assertThrows(InvalidLineageException.class,
            () -> Lineage.validateSourceLineage(json("[[1]]"))).getMessage());
    assertEquals("Entry 1 of `source_lineage`: field version_sha must be a non-empty string.",
        assertThrows(InvalidLineageException.class, () -> Lineage.validateSourceLineage(
            json("[{\"project\":\"p\",\"table\":\"t\",\"version_sha\":1}]"))).getMessage());
    assertDoesNotThrow(() -> Lineage.validateSourceLineage(null));
    assertDoesNotThrow(() -> Lineage.validateSourceLineage(JsonNull.NULL));
    assertDoesNotThrow(() -> Lineage.validateSourceLineage(JsonObject.empty()));
  }

  @Test
  void quotedListsReadLikeCli() {
    assertEquals("\"a\"", Lineage.quotedList(List.of("a")));
    assertEquals("\"a\" and \"b\"", Lineage.quotedList(List.of("a", "b")));
  }

  @Test
  void parentFromSnapshotCarriesItsLineageVerbatim() {
    TableMetadata snapshot = TableMetadata.parse(
        "{\"data_sha\":\"d\",\"source_lineage\":[{\"project\":\"p\",\"table\":\"t\",\"version_sha\":\"v\",\"k\":1}]}",
        "s");
    ParentEntry parent = ParentEntry.fromSnapshot("P", "dm", "abcdef", snapshot, "dm/.metadata/abcdef.json");
    assertEquals(new ParentEntry("P", "dm", "abcdef", "d", snapshot.json().get("source_lineage").orElseThrow()),
        parent);
    assertEquals("{\"source\":\"P\",\"table\":\"dm\",\"version\":\"abcdef\",\"data_sha\":\"d\"}",
        parent.toJson().toString());
  }

  @Test
  void parentFromASnapshotWithoutDataShaFailsWithRsMessage() {
    TableMetadata snapshot = TableMetadata.parse("{}", "s");
    Exception e = assertThrows(Exception.class,
        () -> ParentEntry.fromSnapshot("P", "dm", "abcdef", snapshot, "dm/.metadata/abcdef.json"));
    assertEquals("Parent snapshot for \"dm@abcdef\" is missing data_sha.\n"
        + "ℹ The snapshot at \"dm/.metadata/abcdef.json\" in project \"P\" has no data_sha.", e.getMessage());
  }
}
