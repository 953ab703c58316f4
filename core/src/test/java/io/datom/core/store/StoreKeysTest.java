package io.datom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StoreKeysTest {

  @Test
  void buildsPrefixDatomSegments() {
    assertEquals("trial/datom/dm/abc.parquet", StoreKeys.build("trial", "dm/abc.parquet"));
    assertEquals("trial/datom/dm/.metadata/metadata.json", StoreKeys.build("trial", "dm", ".metadata", "metadata.json"));
  }

  @Test
  void stripsSlashesFromThePrefixAndEachSegment() {
    assertEquals("trial/datom/dm/abc.parquet", StoreKeys.build("/trial/", "/dm/", "abc.parquet/"));
    assertEquals("a/b/datom/x", StoreKeys.build("//a/b//", "x"));
  }

  @Test
  void dropsAMissingOrEmptyPrefixAndEmptySegments() {
    assertEquals("datom/.metadata/manifest.json", StoreKeys.build(null, ".metadata/manifest.json"));
    assertEquals("datom/.metadata/manifest.json", StoreKeys.build("", ".metadata", "", "manifest.json"));
    assertEquals("datom/x", StoreKeys.build("/", "/", "x"));
  }

  @Test
  void governanceKeysUseTheSameBuilder() {
    assertEquals("gov/datom/projects/STUDY_001/ref.json", StoreKeys.build("gov/", "projects", "STUDY_001", "ref.json"));
  }

  @Test
  void namespacePrefixEndsWithASlash() {
    assertEquals("trial/datom/", StoreKeys.namespacePrefix("/trial/"));
    assertEquals("datom/", StoreKeys.namespacePrefix(null));
  }
}
