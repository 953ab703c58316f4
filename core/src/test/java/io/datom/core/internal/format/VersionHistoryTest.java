package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.internal.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionHistoryTest {

  private static HistoryEntry entry(String version, String dataSha) {
    return HistoryEntry.of(version, dataSha, "2026-01-02T03:04:05Z", new Author("Jane Doe", "jane@x.com"),
        "Update dm", "p2", "o2");
  }

  @Test
  void writesTheFormatDocumentsExampleEntry() {
    assertEquals("""
        [
          {
            "version": "v2",
            "data_sha": "d2",
            "timestamp": "2026-01-02T03:04:05Z",
            "author": {
              "name": "Jane Doe",
              "email": "jane@x.com"
            },
            "commit_message": "Update dm",
            "parquet_sha": "p2",
            "original_file_sha": "o2"
          }
        ]
        """, VersionHistory.empty().prepend(entry("v2", "d2")).toGitFile());
  }

  @Test
  void writesUnknownAuthorAsAStringAndOmitsAbsentShas() {
    HistoryEntry entry = HistoryEntry.of("v", "d", "t", null, "m", null, null);
    assertEquals(List.of("version", "data_sha", "timestamp", "author", "commit_message"), entry.json().keys());
    assertEquals(JsonString.of("unknown"), entry.json().get("author").orElseThrow());
    assertEquals(Optional.empty(), entry.author());
    assertEquals("[]", VersionHistory.empty().toJson());
  }

  @Test
  void readsBothAuthorForms() {
    VersionHistory history = VersionHistory.parse(
        "[{\"version\":\"b\",\"author\":\"unknown\"},{\"version\":\"a\",\"author\":{\"name\":\"N\",\"email\":\"E\"}}]",
        "h");
    assertEquals(Optional.empty(), history.entries().get(0).author());
    assertEquals(Optional.of(new Author("N", "E")), history.entries().get(1).author());
  }

  @Test
  void prependsNewestFirstAndKeepsVersionsUnique() {
    VersionHistory one = VersionHistory.empty().prepend(entry("v1", "d1"));
    VersionHistory two = one.prepend(entry("v2", "d2"));
    assertEquals(List.of("v2", "v1"), two.entries().stream().map(e -> e.version().orElseThrow()).toList());
    assertSame(two, two.prepend(entry("v1", "changed")));
    assertEquals(2, two.size());
    assertTrue(VersionHistory.empty().isEmpty());
    assertTrue(two.contains("v1"));
    assertEquals("d1", two.find("v1").orElseThrow().dataSha().orElseThrow());
    assertEquals(Optional.empty(), two.find("v"));
  }

  @Test
  void readsEveryField() {
    HistoryEntry e = VersionHistory.parse(VersionHistory.empty().prepend(entry("v2", "d2")).toJson(), "h")
        .entries().get(0);
    assertEquals("v2", e.version().orElseThrow());
    assertEquals("d2", e.dataSha().orElseThrow());
    assertEquals("2026-01-02T03:04:05Z", e.timestamp().orElseThrow());
    assertEquals("Update dm", e.commitMessage().orElseThrow());
    assertEquals("p2", e.parquetSha().orElseThrow());
    assertEquals("o2", e.originalFileSha().orElseThrow());
  }

  @Test
  void storeCopyIsTheGitFileParsedAndRewritten() {
    // An extra array field in an entry is written one element per line once it has been parsed.
    VersionHistory history = VersionHistory.parse("[{\"version\":\"v\",\"tags\":[\"a\",\"b\"],\"x\":null}]", "h");
    assertEquals("[\n  {\n    \"version\": \"v\",\n    \"tags\": [\n      \"a\",\n      \"b\"\n    ],\n"
        + "    \"x\": {}\n  }\n]", history.toStoreJson());
  }

  @Test
  void refusesFilesThatAreNotArraysOfObjects() {
    assertThrows(InvalidDatomFileException.class, () -> VersionHistory.parse("{}", "h"));
    assertThrows(InvalidDatomFileException.class, () -> VersionHistory.parse("[1]", "h"));
    assertThrows(MalformedJsonException.class, () -> VersionHistory.parse("[", "h"));
  }
}
