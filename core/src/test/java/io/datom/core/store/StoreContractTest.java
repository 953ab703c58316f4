package io.datom.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link Store} shares; each backend runs these tests against a fresh, empty namespace. */
abstract class StoreContractTest {

  static final String PREFIX = "/trial/";
  static final String JSON = "{\n  \"table_name\": \"dm\",\n  \"note\": \"caf\u00e9 \u2713\"\n}";

  @TempDir Path tmp;
  Store store;

  /** A new store over an empty namespace with prefix {@link #PREFIX}. */
  abstract Store newStore();

  /** The bytes this backend must hold after {@code writeJson(key, json)} (format §2.1). */
  abstract byte[] expectedJsonBytes(String json);

  /** Whether the backend under test evaluates a compare-and-swap atomically against concurrent ones. */
  boolean atomicCompareAndSwap() {
    return true;
  }

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void missingKeyIsAbsentEverywhere() {
    assertEquals(Optional.empty(), store.read("dm/.metadata/metadata.json"));
    assertFalse(store.exists("dm/.metadata/metadata.json"));
    assertEquals(Optional.empty(), store.size("dm/.metadata/metadata.json"));
    StoreObjectNotFoundException e =
        assertThrows(StoreObjectNotFoundException.class, () -> store.open("dm/.metadata/metadata.json"));
    assertEquals("dm/.metadata/metadata.json", e.key());
    assertTrue(e.getMessage().contains(store.describe()), e.getMessage());
  }

  @Test
  void writeJsonStoresTheBackendsTrailingBytes() throws Exception {
    store.writeJson("dm/.metadata/metadata.json", JSON);

    byte[] expected = expectedJsonBytes(JSON);
    assertArrayEquals(expected, store.read("dm/.metadata/metadata.json").orElseThrow());
    assertEquals(Optional.of((long) expected.length), store.size("dm/.metadata/metadata.json"));
    assertTrue(store.exists("dm/.metadata/metadata.json"));
    try (InputStream in = store.open("dm/.metadata/metadata.json")) {
      assertArrayEquals(expected, in.readAllBytes());
    }
  }

  @Test
  void identityIsTheSizeAndATagThatARewriteOfTheSameSizeChanges() throws Exception {
    assertEquals(Optional.empty(), store.identity("dm/abc.parquet"));
    Path first = Files.write(tmp.resolve("first.parquet"), "PAR1 one PAR1".getBytes(StandardCharsets.UTF_8));
    store.putIfAbsent("dm/abc.parquet", first);
    ObjectIdentity before = store.identity("dm/abc.parquet").orElseThrow();
    assertEquals(13, before.size());
    assertEquals(before, store.identity("dm/abc.parquet").orElseThrow(), "reading the identity changes nothing");
    Thread.sleep(20); // past a file system's modification-time resolution
    store.delete("dm/abc.parquet");
    Path second = Files.write(tmp.resolve("second.parquet"), "PAR1 two PAR1".getBytes(StandardCharsets.UTF_8));
    store.putIfAbsent("dm/abc.parquet", second);
    ObjectIdentity after = store.identity("dm/abc.parquet").orElseThrow();
    assertEquals(13, after.size());
    assertFalse(before.equals(after), "same size, other bytes: " + before + " vs " + after);
  }

  @Test
  void writeJsonReplacesTheObject() {
    store.writeJson(".metadata/manifest.json", "{\"a\": 1}");
    store.writeJson(".metadata/manifest.json", "{\"a\": 2}");

    assertArrayEquals(expectedJsonBytes("{\"a\": 2}"), store.read(".metadata/manifest.json").orElseThrow());
  }

  @Test
  void readersNeverSeeAHalfWrittenJsonDocument() throws Exception {
    String small = "{\"v\": 1}";
    String large = "{\"v\": \"" + "x".repeat(512 * 1024) + "\"}";
    Set<String> complete = Set.of(new String(expectedJsonBytes(small), StandardCharsets.UTF_8),
        new String(expectedJsonBytes(large), StandardCharsets.UTF_8));
    store.writeJson("dm/.metadata/metadata.json", small);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 20; i++) {
          store.writeJson("dm/.metadata/metadata.json", i % 2 == 0 ? large : small);
        }
        writing.set(false);
      });
      Future<Integer> reader = pool.submit(() -> {
        int reads = 0;
        while (writing.get()) {
          String seen = new String(store.read("dm/.metadata/metadata.json").orElseThrow(), StandardCharsets.UTF_8);
          assertTrue(complete.contains(seen), "read a partial document of " + seen.length() + " chars");
          reads++;
        }
        return reads;
      });
      writer.get(60, TimeUnit.SECONDS);
      assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void putIfAbsentCreatesTheObjectOnce() throws Exception {
    Path first = file("first.parquet", 70_000, 1);
    Path second = file("second.parquet", 50_000, 2);

    assertTrue(store.putIfAbsent("dm/abc.parquet", first));
    assertFalse(store.putIfAbsent("dm/abc.parquet", second));

    assertArrayEquals(Files.readAllBytes(first), store.read("dm/abc.parquet").orElseThrow());
    assertEquals(Optional.of(70_000L), store.size("dm/abc.parquet"));
  }

  @Test
  void concurrentPutIfAbsentHasExactlyOneWinner() throws Exception {
    int writers = 6;
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      sources.add(file("source-" + i + ".parquet", 300_000 + i, i));
    }
    CountDownLatch start = new CountDownLatch(1);
    Set<Path> winners = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Path source : sources) {
        Callable<Boolean> put = () -> {
          start.await();
          boolean won = store.putIfAbsent("dm/race.parquet", source);
          if (won) {
            winners.add(source);
          }
          return won;
        };
        results.add(pool.submit(put));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, winners.size(), "winners: " + winners);
    Path winner = winners.iterator().next();
    assertArrayEquals(Files.readAllBytes(winner), store.read("dm/race.parquet").orElseThrow());
  }

  @Test
  void putIfAbsentOfAMissingSourceFailsNamingIt() {
    Path missing = tmp.resolve("missing.parquet");

    StoreException e = assertThrows(StoreException.class, () -> store.putIfAbsent("dm/x.parquet", missing));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertFalse(store.exists("dm/x.parquet"));
  }

  @Test
  void listReturnsLogicalKeysUnderAPrefix() throws Exception {
    store.writeJson(".metadata/manifest.json", "{}");
    store.writeJson("dm/.metadata/metadata.json", "{}");
    store.writeJson("dm/.metadata/version_history.json", "[]");
    store.putIfAbsent("dm/abc.parquet", file("a.parquet", 10, 3));
    store.writeJson("dmx/.metadata/metadata.json", "{}");

    assertEquals(
        Set.of("dm/.metadata/metadata.json", "dm/.metadata/version_history.json", "dm/abc.parquet"),
        Set.copyOf(store.list("dm/")));
    assertEquals(
        Set.of("dm/.metadata/metadata.json", "dm/.metadata/version_history.json"),
        Set.copyOf(store.list("dm/.metadata/")));
    assertEquals(
        Set.of("dm/.metadata/metadata.json", "dm/.metadata/version_history.json", "dm/abc.parquet",
            "dmx/.metadata/metadata.json"),
        Set.copyOf(store.list("dm")));
    assertEquals(5, store.list("").size());
    assertEquals(List.of(), store.list("nothing/"));
  }

  @Test
  void deleteRemovesTheObjectAndIgnoresAbsentOnes() {
    store.writeJson("dm/.staging/x.json", "{}");

    store.delete("dm/.staging/x.json");
    store.delete("dm/.staging/never-written.json");

    assertFalse(store.exists("dm/.staging/x.json"));
    assertEquals(List.of(), store.list("dm/"));
  }

  @Test
  void locationDescribesTheNamespaceWithoutCredentials() {
    assertEquals(PREFIX, store.location().prefix());
    assertTrue(store.describe().endsWith("/trial"), store.describe());
  }

  Path file(String name, int size, long seed) throws Exception {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(tmp.resolve(name), bytes);
  }

  @Test
  void aMirrorDocumentRecordsTheCommitItMirrors() {
    String key = "dm/.metadata/metadata.json";
    assertEquals(Optional.empty(), store.readMirrorDocument(key));

    assertTrue(store.replaceMirrorDocument(key, JSON, "c1", Optional.empty()));

    MirrorDocument stored = store.readMirrorDocument(key).orElseThrow();
    assertArrayEquals(expectedJsonBytes(JSON), stored.bytes());
    assertEquals(Optional.of("c1"), stored.commit());
    assertArrayEquals(expectedJsonBytes(JSON), store.read(key).orElseThrow(), "readers see the plain document");
  }

  @Test
  void aMirrorDocumentIsReplacedOnlyWhileItIsTheOneExpected() {
    String key = ".metadata/manifest.json";
    assertTrue(store.replaceMirrorDocument(key, "{\"n\": 1}", "c1", Optional.empty()));
    MirrorDocument first = store.readMirrorDocument(key).orElseThrow();

    assertFalse(store.replaceMirrorDocument(key, "{\"n\": 9}", "c9", Optional.empty()), "expected absent, found one");
    assertTrue(store.replaceMirrorDocument(key, "{\"n\": 2}", "c2", Optional.of(first)));
    assertFalse(store.replaceMirrorDocument(key, "{\"n\": 3}", "c3", Optional.of(first)), "a stale expectation");

    MirrorDocument now = store.readMirrorDocument(key).orElseThrow();
    assertArrayEquals(expectedJsonBytes("{\"n\": 2}"), now.bytes());
    assertEquals(Optional.of("c2"), now.commit());
  }

  @Test
  void aPlainWriteOverAMirrorDocumentDropsItsCommit() {
    // R's writers replace documents without recording a commit: the old record must not vouch for the new content.
    String key = "dm/.metadata/version_history.json";
    assertTrue(store.replaceMirrorDocument(key, "[1]", "c1", Optional.empty()));
    MirrorDocument stamped = store.readMirrorDocument(key).orElseThrow();

    store.writeJson(key, "[2, 1]");

    MirrorDocument overwritten = store.readMirrorDocument(key).orElseThrow();
    assertEquals(Optional.empty(), overwritten.commit());
    assertFalse(store.replaceMirrorDocument(key, "[1]", "c1", Optional.of(stamped)), "the document changed meanwhile");
    assertTrue(store.replaceMirrorDocument(key, "[3, 2, 1]", "c3", Optional.of(overwritten)));
  }

  @Test
  void concurrentCompareAndSwapsLoseNoUpdate() throws Exception {
    Assumptions.assumeTrue(atomicCompareAndSwap(), "the test server checks If-Match, then writes");
    String key = ".metadata/manifest.json";
    assertTrue(store.replaceMirrorDocument(key, "0", "c0", Optional.empty()));
    int threads = 4;
    int increments = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < increments; i++) {
            while (true) {
              MirrorDocument current = store.readMirrorDocument(key).orElseThrow();
              int n = Integer.parseInt(new String(current.bytes(), StandardCharsets.UTF_8).trim());
              if (store.replaceMirrorDocument(key, Integer.toString(n + 1), "c" + (n + 1), Optional.of(current))) {
                break;
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    MirrorDocument last = store.readMirrorDocument(key).orElseThrow();
    assertEquals(threads * increments, Integer.parseInt(new String(last.bytes(), StandardCharsets.UTF_8).trim()));
    assertEquals(Optional.of("c" + threads * increments), last.commit());
  }

  @Test
  void mirrorBookkeepingIsNeverListed() {
    assertTrue(store.replaceMirrorDocument("dm/.metadata/metadata.json", JSON, "c1", Optional.empty()));
    assertEquals(List.of("dm/.metadata/metadata.json"), store.list("dm/"));
    assertEquals(List.of("dm/.metadata/metadata.json"), store.list(""));
  }
}
