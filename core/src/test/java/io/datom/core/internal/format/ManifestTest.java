package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

  private static ManifestEntry entry(String version, double size, int count) {
    return ManifestEntry.of(version, "d-" + version, "2026-01-02T03:04:05Z", size, count, null, null);
  }

  @Test
  void updatesAnExistingTableInPlaceAndAppendsNewOnes() {
    Manifest manifest = Manifest.init("P", "2026-01-01T00:00:00Z")
        .withTable("a", entry("a1", 10, 1), "t1")
        .withTable("b", entry("b1", 20, 1), "t2")
        .withTable("a", entry("a2", 30, 2), "t3");
    assertEquals(List.of("a", "b"), manifest.tableNames());
    assertEquals("a2", manifest.table("a").orElseThrow().currentVersion().orElseThrow());
    assertEquals("t3", manifest.updatedAt().orElseThrow());
    assertEquals(List.of("project_name", "updated_at", "tables", "summary"), manifest.json().keys());
    assertEquals("{\"total_tables\":2,\"total_size_bytes\":50,\"total_versions\":3}",
        manifest.summary().orElseThrow().toString());
  }

  @Test
  void aWriteReplacesTheWholeEntry() {
    ManifestEntry imported = ManifestEntry.of("v1", "d1", "t", 5, 1, "orig", "CSV");
    Manifest manifest = Manifest.init("P", "t0").withTable("dm", imported, "t1")
        .withTable("dm", entry("v2", 6, 2), "t2");
    ManifestEntry current = manifest.table("dm").orElseThrow();
    assertEquals(List.of("current_version", "current_data_sha", "last_updated", "size_bytes", "version_count"),
        current.json().keys());
    assertEquals("CSV", imported.originalFormat().orElseThrow());
    assertEquals("orig", imported.originalFileSha().orElseThrow());
  }

  @Test
  void aMissingFileStartsFromRsFallbackOrder() {
    Manifest manifest = Manifest.absent("P").withTable("dm", entry("v", 1, 1), "t");
    assertEquals(List.of("project_name", "tables", "summary", "updated_at"), manifest.json().keys());
    assertEquals("[]", JsonWriter.compact(Manifest.absent("P").json().get("tables").orElseThrow()));
  }

  @Test
  void keepsUnknownFieldsAndTheirPositions() {
    Manifest manifest = Manifest.parse(
        "{\"project_name\":\"P\",\"x\":[1,2],\"tables\":{\"old\":{\"size_bytes\":2.5,\"version_count\":4}},"
            + "\"summary\":{},\"updated_at\":\"t0\"}", "m")
        .withTable("new", entry("n", 1.5, 1), "t1");
    assertEquals(List.of("project_name", "x", "tables", "summary", "updated_at"), manifest.json().keys());
    assertEquals("{\"total_tables\":2,\"total_size_bytes\":4,\"total_versions\":5}",
        manifest.summary().orElseThrow().toString());
  }

  @Test
  void sumsLikeRWithMissingSizesAsZeroAndBadNumbersAsNa() {
    Manifest manifest = Manifest.parse("{\"tables\":{\"a\":{\"version_count\":null},\"b\":{\"size_bytes\":\"x\"}}}",
        "m").withTable("c", entry("c", 3e9, 1), "t");
    JsonObject summary = manifest.summary().orElseThrow();
    assertEquals("{\"total_tables\":3,\"total_size_bytes\":\"NA\",\"total_versions\":1}", summary.toString());
    Manifest big = Manifest.init("P", "t").withTable("c", entry("c", 3e9, 1), "t");
    assertEquals("3000000000", JsonWriter.compact(big.summary().orElseThrow().get("total_size_bytes").orElseThrow()));
  }

  @Test
  void refusesTablesThatAreNotAnObject() {
    assertThrows(InvalidDatomFileException.class,
        () -> Manifest.parse("{\"tables\":[1]}", "m").withTable("a", entry("a", 1, 1), "t"));
    assertThrows(InvalidDatomFileException.class,
        () -> Manifest.parse("{\"tables\":{\"a\":1}}", "m").withTable("b", entry("b", 1, 1), "t"));
  }

  @Test
  void readsEntryFields() {
    ManifestEntry e = entry("v", 12, 3);
    assertEquals("d-v", e.currentDataSha().orElseThrow());
    assertEquals("2026-01-02T03:04:05Z", e.lastUpdated().orElseThrow());
    assertEquals(12.0, e.sizeBytes().orElseThrow());
    assertEquals(3.0, e.versionCount().orElseThrow());
    assertEquals("P", Manifest.init("P", "t").projectName().orElseThrow());
  }
}
