package io.datom.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LocalStoreTest extends StoreContractTest {

  private Path root;

  @Override
  Store newStore() {
    root = tmp.resolve("store-root");
    return new LocalStore(root, PREFIX);
  }

  @Override
  byte[] expectedJsonBytes(String json) {
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void objectsLiveAtRootPrefixDatomKey() throws Exception {
    store.writeJson("dm/.metadata/metadata.json", "{}");
    store.putIfAbsent("dm/abc.parquet", file("a.parquet", 10, 1));

    assertArrayEquals("{}\n".getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(root.resolve("trial/datom/dm/.metadata/metadata.json")));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a.parquet")),
        Files.readAllBytes(root.resolve("trial/datom/dm/abc.parquet")));
    assertEquals(root.toAbsolutePath().toString(), store.location().root());
    assertEquals(StoreLocation.LOCAL, store.location().type());
  }

  @Test
  void writesLeaveNoTemporaryFiles() throws Exception {
    store.writeJson("dm/.metadata/metadata.json", "{}");
    store.writeJson("dm/.metadata/metadata.json", "{\"a\": 1}");
    store.putIfAbsent("dm/abc.parquet", file("a.parquet", 10, 1));
    store.putIfAbsent("dm/abc.parquet", file("b.parquet", 10, 2));

    assertEquals(List.of("trial/datom/dm/.metadata/metadata.json", "trial/datom/dm/abc.parquet"), filesUnder(root));
  }

  @Test
  void listSkipsFilesBeingWritten() throws Exception {
    store.writeJson("dm/.metadata/metadata.json", "{}");
    Files.writeString(root.resolve("trial/datom/dm/.metadata/.metadata.json.123" + LocalStore.TEMP_SUFFIX), "{");

    assertEquals(List.of("dm/.metadata/metadata.json"), store.list("dm/"));
  }

  @Test
  void keysCannotClimbOutOfTheNamespace() {
    StoreException e = assertThrows(StoreException.class, () -> store.writeJson("../../escape.json", "{}"));

    assertTrue(e.getMessage().contains("../../escape.json"), e.getMessage());
    assertTrue(Files.notExists(root.resolve("escape.json")));
  }

  @Test
  void aStoreWithoutPrefixUsesRootDatom() {
    try (LocalStore bare = new LocalStore(root, null)) {
      bare.writeJson(".metadata/manifest.json", "{}");

      assertTrue(Files.isRegularFile(root.resolve("datom/.metadata/manifest.json")));
      assertEquals(root.toAbsolutePath().toString(), bare.describe());
    }
  }

  private static List<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted()
          .collect(Collectors.toList());
    }
  }
}
