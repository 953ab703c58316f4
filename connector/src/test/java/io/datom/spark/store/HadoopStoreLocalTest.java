package io.datom.spark.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopStoreLocalTest {

  @TempDir Path dir;

  private HadoopStore store() {
    return HadoopStore.at(dir.resolve("trial").toString(), new Configuration());
  }

  @Test
  void mapsLogicalKeysUnderTheDatomFolder() {
    assertEquals(
        "file:" + dir.resolve("trial/datom/dm/abc.parquet"), store().pathOf("dm/abc.parquet").toString());
    assertEquals(
        "file:" + dir.resolve("trial/datom/dm/abc.parquet"),
        HadoopStore.at("file://" + dir.resolve("trial"), new Configuration()).pathOf("/dm/abc.parquet/").toString());
  }

  @Test
  void describesALocalStoreAsAnAbsoluteRoot() {
    assertEquals(StoreLocation.local(dir.resolve("trial").toString(), null), store().location());
  }

  @Test
  void localJsonEndsWithOneLineFeedAndReadsBack() throws IOException {
    HadoopStore store = store();
    store.writeJson(".metadata/manifest.json", "{\n  \"a\": 1\n}");
    byte[] expected = "{\n  \"a\": 1\n}\n".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("trial/datom/.metadata/manifest.json")));
    assertArrayEquals(expected, store.read(".metadata/manifest.json").orElseThrow());
    store.writeJson(".metadata/manifest.json", "{}");
    assertEquals("{}\n", new String(store.read(".metadata/manifest.json").orElseThrow(), StandardCharsets.UTF_8));
    assertEquals(List.of("manifest.json"), fileNames(dir.resolve("trial/datom/.metadata")), "no staging leftovers");
  }

  @Test
  void absentObjectsAreEmptyOrTyped() {
    HadoopStore store = store();
    assertEquals(Optional.empty(), store.read("dm/.metadata/metadata.json"));
    assertEquals(Optional.empty(), store.size("dm/x.parquet"));
    assertFalse(store.exists("dm/x.parquet"));
    StoreObjectNotFoundException e =
        assertThrows(StoreObjectNotFoundException.class, () -> store.open("dm/x.parquet"));
    assertEquals("dm/x.parquet", e.key());
  }

  @Test
  void putIfAbsentCreatesOnceAndKeepsTheFirstObject() throws IOException {
    HadoopStore store = store();
    Path first = Files.writeString(dir.resolve("first"), "first bytes");
    Path second = Files.writeString(dir.resolve("second"), "other");
    assertTrue(store.putIfAbsent("ADSL (v2)/abc.parquet", first));
    assertFalse(store.putIfAbsent("ADSL (v2)/abc.parquet", second));
    assertEquals(Optional.of(11L), store.size("ADSL (v2)/abc.parquet"));
    try (InputStream in = store.open("ADSL (v2)/abc.parquet")) {
      assertEquals("first bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(List.of("abc.parquet"), fileNames(dir.resolve("trial/datom/ADSL (v2)")), "no .crc side files");
  }

  @Test
  void listsKeysByPrefixAndDeletes() throws IOException {
    HadoopStore store = store();
    Path bytes = Files.writeString(dir.resolve("p"), "x");
    store.putIfAbsent("dm/aaa.parquet", bytes);
    store.putIfAbsent("dm/abb.parquet", bytes);
    store.writeJson("dm/.metadata/metadata.json", "{}");
    store.writeJson("dmx/.metadata/metadata.json", "{}");
    assertEquals(
        List.of("dm/.metadata/metadata.json", "dm/aaa.parquet", "dm/abb.parquet"), sorted(store.list("dm/")));
    assertEquals(List.of("dm/aaa.parquet"), sorted(store.list("dm/aa")));
    assertEquals(4, store.list("").size());
    assertEquals(List.of(), store.list("nothing/"));
    store.delete("dm/aaa.parquet");
    store.delete("dm/never-there.parquet");
    assertFalse(store.exists("dm/aaa.parquet"));
  }

  private static List<String> sorted(List<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
