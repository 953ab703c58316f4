package io.datom.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.BucketNotFoundException;
import io.datom.core.exceptions.StoreException;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(S3ProxyExtension.class)
class S3StoreTest extends StoreContractTest {

  private static final int PART = 5 * 1024 * 1024;

  private static S3ProxyServer s3;
  private String bucket;

  @BeforeAll
  static void startServer(S3ProxyServer server) {
    s3 = server;
  }

  @Override
  Store newStore() {
    bucket = s3.createBucket();
    return new S3Store(s3.storeConfig(bucket).prefix(PREFIX).multipart(2L * PART, PART).build());
  }

  @Override
  byte[] expectedJsonBytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * s3proxy checks {@code If-Match} against the object's metadata, then writes: two concurrent replacements can both
   * pass. S3 evaluates the condition atomically with the write; what S3Store sends is pinned by the sequential tests.
   */
  @Override
  boolean atomicCompareAndSwap() {
    return false;
  }

  @Test
  void objectsLiveAtPrefixDatomKeyWithRsContentTypes() throws Exception {
    store.writeJson("dm/.metadata/metadata.json", "{}");
    store.putIfAbsent("dm/abc.parquet", file("a.parquet", 10, 1));

    S3Client client = s3.client();
    assertEquals("application/json",
        client.headObject(b -> b.bucket(bucket).key("trial/datom/dm/.metadata/metadata.json")).contentType());
    assertEquals("binary/octet-stream",
        client.headObject(b -> b.bucket(bucket).key("trial/datom/dm/abc.parquet")).contentType());
    assertEquals("s3://" + bucket + "/trial", store.describe());
    assertEquals(StoreLocation.s3(bucket, PREFIX, S3ProxyServer.REGION), store.location());
  }

  @Test
  void listPagesThroughMoreThanAThousandKeys() throws Exception {
    int count = 1_234;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = String.format("trial/datom/big/.metadata/%05d.json", i);
        puts.add(pool.submit(() -> s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}"))));
      }
      for (Future<?> put : puts) {
        put.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> keys = store.list("big/");

    assertEquals(count, keys.size());
    assertEquals(count, new HashSet<>(keys).size());
    assertTrue(keys.contains("big/.metadata/01233.json"));
  }

  @Test
  void largeFilesGoUpInPartsAndStillOnlyOnce() throws Exception {
    Path large = file("large.parquet", 2 * PART + 1234, 7);
    Path other = file("other.parquet", 2 * PART + 99, 8);

    assertTrue(store.putIfAbsent("dm/large.parquet", large));
    assertFalse(store.putIfAbsent("dm/large.parquet", other));

    assertArrayEquals(Files.readAllBytes(large), store.read("dm/large.parquet").orElseThrow());
    assertEquals(List.of(), s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
  }

  @Test
  void concurrentLargeUploadsHaveExactlyOneWinner() throws Exception {
    List<Path> sources = List.of(
        file("l1.parquet", 2 * PART + 1, 11), file("l2.parquet", 2 * PART + 2, 12), file("l3.parquet", 2 * PART + 3, 13));
    ExecutorService pool = Executors.newFixedThreadPool(sources.size());
    List<Boolean> outcomes = new ArrayList<>();
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Path source : sources) {
        results.add(pool.submit(() -> store.putIfAbsent("dm/race-large.parquet", source)));
      }
      for (Future<Boolean> result : results) {
        outcomes.add(result.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, outcomes.stream().filter(won -> won).count(), "outcomes: " + outcomes);
    Path winner = sources.get(outcomes.indexOf(true));
    assertArrayEquals(Files.readAllBytes(winner), store.read("dm/race-large.parquet").orElseThrow());
    assertEquals(List.of(), s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
  }

  @Test
  void aMissingBucketIsReportedByName() {
    try (S3Store missing = new S3Store(s3.storeConfig("no-such-bucket").prefix(PREFIX).build())) {
      for (Runnable call : List.<Runnable>of(
          () -> missing.read("dm/.metadata/metadata.json"),
          () -> missing.exists("dm/.metadata/metadata.json"),
          () -> missing.writeJson("dm/.metadata/metadata.json", "{}"),
          () -> missing.list("dm/"))) {
        BucketNotFoundException e = assertThrows(BucketNotFoundException.class, call::run);
        assertEquals("no-such-bucket", e.bucket());
        assertTrue(e.getMessage().contains("s3://no-such-bucket/trial"), e.getMessage());
      }
    }
  }

  @Test
  void aWrongSecretFailsWithoutRevealingIt() {
    String secret = "wrong-secret-that-must-not-leak";
    S3StoreConfig config = s3.storeConfig(bucket).prefix(PREFIX)
        .credentials(S3Credentials.of(S3ProxyServer.ACCESS_KEY, secret)).build();
    try (S3Store denied = new S3Store(config)) {
      StoreException e = assertThrows(StoreException.class, () -> denied.read("dm/.metadata/metadata.json"));

      assertTrue(e.getMessage().contains("s3://" + bucket + "/trial"), e.getMessage());
      assertTrue(e.getMessage().contains("dm/.metadata/metadata.json"), e.getMessage());
      assertTrue(e.getMessage().contains("403"), e.getMessage());
      assertFalse(e.getMessage().contains(secret), e.getMessage());
      assertFalse(config.toString().contains(secret), config.toString());
      assertFalse(config.credentials().toString().contains(S3ProxyServer.ACCESS_KEY));
    }
  }

  @Test
  void anUnreachableEndpointIsAStoreException() {
    S3StoreConfig config = S3StoreConfig.builder("b").endpoint(URI.create("http://127.0.0.1:9"))
        .pathStyle(true).credentials(S3Credentials.of("id", "secret")).build();
    try (S3Store unreachable = new S3Store(config)) {
      StoreException e = assertThrows(StoreException.class, () -> unreachable.read("dm/x.json"));

      assertTrue(e.getMessage().contains("s3://b") && e.getMessage().contains("dm/x.json"), e.getMessage());
    }
  }

  @Test
  void configRefusesPartsBelowS3sMinimum() {
    assertThrows(IllegalArgumentException.class, () -> S3StoreConfig.builder("b").multipart(PART, 1024).build());
  }

  @Test
  void theJsonBytesHaveNoTrailingNewline() {
    store.writeJson("dm/.metadata/metadata.json", "{}");

    byte[] raw = s3.client()
        .getObjectAsBytes(b -> b.bucket(bucket).key("trial/datom/dm/.metadata/metadata.json")).asByteArray();
    assertArrayEquals(new byte[] {'{', '}'}, raw);
  }

  @Test
  void keysWithoutPrefixStartAtDatom() {
    try (S3Store bare = new S3Store(s3.storeConfig(bucket).build())) {
      bare.writeJson(".metadata/manifest.json", "{}");

      assertEquals(Set.of("datom/.metadata/manifest.json"), Set.copyOf(
          s3.client().listObjectsV2(b -> b.bucket(bucket).prefix("datom/")).contents().stream()
              .map(o -> o.key()).toList()));
      assertEquals(List.of(".metadata/manifest.json"), bare.list(""));
    }
  }
}
