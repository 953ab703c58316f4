package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.hash.Sha256;
import io.datom.core.store.LocalStore;
import io.datom.core.store.ObjectIdentity;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Durable verification records, against a local store and S3 (s3proxy). */
@ExtendWith(S3ProxyExtension.class)
class VerificationRecordsTest {

  private static final String KEY = "dm/" + "ab".repeat(32) + ".parquet";
  private static S3ProxyServer s3;
  @TempDir static Path tmp;

  @BeforeAll
  static void startServer(S3ProxyServer server) {
    s3 = server;
  }

  static Stream<String> stores() {
    return Stream.of("local", "s3");
  }

  private static Store store(String kind) {
    return kind.equals("local")
        ? new LocalStore(tmp.resolve("store-" + System.nanoTime()), null)
        : new S3Store(s3.storeConfig(s3.createBucket()).prefix("trial/").build());
  }

  @Test
  void theRecordSitsInADotFolderOfTheTableNeitherAVersionNorAnObject() {
    assertEquals("dm/.verified/" + "ab".repeat(32) + ".parquet.json", VerificationRecords.keyOf(KEY));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void vouchesOnlyForTheSameIdentityAndParquetSha(String kind) throws Exception {
    try (Store store = store(kind)) {
      String sha = place(store, "PAR1 original bytes PAR1");
      Snapshot snapshot = snapshot(sha);
      ObjectIdentity identity = store.identity(KEY).orElseThrow();
      assertFalse(VerificationRecords.vouchFor(store, snapshot, identity), "no record yet");
      VerificationRecords.record(store, KEY, sha, identity, "reader", Clock.systemUTC());
      assertTrue(VerificationRecords.vouchFor(store, snapshot, identity));
      assertFalse(VerificationRecords.vouchFor(store, snapshot(Sha256.hex("other")), identity),
          "another parquet_sha");

      Thread.sleep(20);
      store.delete(KEY);
      place(store, "PAR1 replaced bytes PAR1"); // same size, other bytes
      ObjectIdentity replaced = store.identity(KEY).orElseThrow();
      assertEquals(identity.size(), replaced.size());
      assertFalse(VerificationRecords.vouchFor(store, snapshot, replaced), "a replaced object is not vouched for");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aMalformedOrForeignRecordVouchesForNothing(String kind) throws Exception {
    try (Store store = store(kind)) {
      String sha = place(store, "PAR1 original bytes PAR1");
      ObjectIdentity identity = store.identity(KEY).orElseThrow();
      store.writeJson(VerificationRecords.keyOf(KEY), "{not json");
      assertFalse(VerificationRecords.vouchFor(store, snapshot(sha), identity));
      store.writeJson(VerificationRecords.keyOf(KEY), "[1, 2]");
      assertFalse(VerificationRecords.vouchFor(store, snapshot(sha), identity));
      VerificationRecords.record(store, "dm/other.parquet", sha, identity, "reader", Clock.systemUTC());
      String other = new String(store.read(VerificationRecords.keyOf("dm/other.parquet")).orElseThrow(),
          StandardCharsets.UTF_8);
      store.writeJson(VerificationRecords.keyOf(KEY), other.strip());
      assertFalse(VerificationRecords.vouchFor(store, snapshot(sha), identity), "a record of another object");
    }
  }

  /** The core writer over a local store; the connector's s3a tests cover a writer over S3. */
  @Test
  void theWriterThatPlacesAnObjectVouchesForIt() {
    try (TestProject project = TestProject.local(tmp.resolve("w-" + System.nanoTime()));
        DatomWriter writer = project.create()) {
      WriteResult written = writer.write(TestContent.of(tmp.resolve("c-" + System.nanoTime()), "dm", 30, 40)
          .request("dm").build());
      Snapshot snapshot = DatomProject.open(project.store).table("dm").snapshot(VersionSpec.current());
      assertEquals(written.parquetSha(), snapshot.parquetSha());
      ObjectIdentity identity = project.store.identity(snapshot.objectKey()).orElseThrow();
      assertTrue(VerificationRecords.vouchFor(project.store, snapshot, identity));
      assertTrue(project.storeText(VerificationRecords.keyOf(snapshot.objectKey())).orElseThrow()
          .contains("\"verified_by\": \"writer\""));
    }
  }

  private static Snapshot snapshot(String parquetSha) {
    return new Snapshot("dm", "cd".repeat(32), "ab".repeat(32), Optional.of(parquetSha),
        Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
  }

  private static String place(Store store, String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("object-" + System.nanoTime()), text);
    store.putIfAbsent(KEY, file);
    return ParquetIntegrity.sha256(store, KEY);
  }

}
