package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.LocalStore;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(S3ProxyExtension.class)
class LocalParquetFileTest {

  private static final String KEY = "dm/" + "ab".repeat(32) + ".parquet";
  private static S3ProxyServer s3;

  @TempDir Path tmp;

  @BeforeAll
  static void server(S3ProxyServer server) {
    s3 = server;
  }

  static Stream<String> backends() {
    return Stream.of("local", "s3");
  }

  private Store store(String backend) {
    return backend.equals("local")
        ? new LocalStore(tmp.resolve("store"), "trial")
        : new S3Store(s3.storeConfig(s3.createBucket()).prefix("trial").build());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void placesTheFileAndReportsItsSizeAndHash(String backend) throws Exception {
    byte[] bytes = "PAR1 first version PAR1".getBytes(StandardCharsets.UTF_8);
    try (Store store = store(backend)) {
      PlacedParquet placed = new LocalParquetFile(write("a.parquet", bytes)).placeAt(store, KEY);

      assertTrue(placed.created());
      assertEquals(bytes.length, placed.sizeBytes());
      assertEquals(sha256(bytes), placed.parquetSha());
      assertArrayEquals(bytes, store.read(KEY).orElseThrow());
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void neverOverwritesAnObjectAlreadyAtTheAddressAndDescribesThatObject(String backend) throws Exception {
    byte[] first = "PAR1 written by an earlier writer PAR1".getBytes(StandardCharsets.UTF_8);
    byte[] second = "PAR1 same content, other bytes PAR1".getBytes(StandardCharsets.UTF_8);
    try (Store store = store(backend)) {
      new LocalParquetFile(write("first.parquet", first)).placeAt(store, KEY);

      PlacedParquet found = new LocalParquetFile(write("second.parquet", second)).placeAt(store, KEY);

      assertFalse(found.created());
      assertEquals(first.length, found.sizeBytes());
      assertEquals(sha256(first), found.parquetSha());
      assertArrayEquals(first, store.read(KEY).orElseThrow());
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void describingAMissingObjectNamesItsKey(String backend) {
    try (Store store = store(backend)) {
      StoreObjectNotFoundException e =
          assertThrows(StoreObjectNotFoundException.class, () -> StoredObjects.describe(store, KEY));
      assertEquals(KEY, e.key());
    }
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
