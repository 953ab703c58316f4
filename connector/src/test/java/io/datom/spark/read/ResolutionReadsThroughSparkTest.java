package io.datom.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.spark.testing.CountingFileSystem;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Store requests for metadata documents that a read through Spark makes to resolve its version, at 10 and at 1,000
 * versions of history, counted at the Hadoop file system the store is read through: the same small number at any
 * history length (issue 15's target: at most 3). Reads with {@code verify=none}: the integrity check's requests are
 * counted in {@link DurableVerificationTest}.
 */
class ResolutionReadsThroughSparkTest extends SparkTestBase {

  private static final Instant V1_AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant V2_AT = Instant.parse("2026-02-01T00:00:00Z");
  @TempDir static Path dir;

  @BeforeAll
  static void countfs() {
    CountingFileSystem.register(spark.sparkContext().hadoopConfiguration());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 1_000})
  void eachFormOfReadResolvesWithAtMostThreeRequests(int versions) {
    Path root = dir.resolve("store-" + versions);
    TestProject project = TestProject.create(root, "STUDY_" + versions);
    String v1 = project.write("lb", spark.sql("SELECT id AS n FROM range(3)"), "first", V1_AT).version();
    project.write("lb", spark.sql("SELECT id AS n FROM range(5)"), "second", V2_AT);
    padHistory(project.localStore(), versions);
    String store = CountingFileSystem.SCHEME + "://" + root.toAbsolutePath();

    assertEquals(3, requests(() -> rows(datom(store))), () -> "current: " + CountingFileSystem.requests());
    assertEquals(5, rows(datom(store)).size());
    assertEquals(1, requests(() -> rows(datom(store).option("version", v1))), () -> "full sha: " + CountingFileSystem.requests());
    assertEquals(1, requests(() -> rows(datom(store).option("version", v1.substring(0, 12)))), () -> "prefix: " + CountingFileSystem.requests());
    assertEquals(1, requests(() -> rows(datom(store).option("asOf", "2026-01-15T00:00:00Z"))), () -> "as of: " + CountingFileSystem.requests());
    assertEquals(3, rows(datom(store).option("asOf", "2026-01-15T00:00:00Z")).size(), "as of resolves to " + v1);
  }

  private static DataFrameReader datom(String store) {
    return spark.read().format("datom").option("table", "lb").option("verify", "none").option("store", store);
  }

  private static List<Row> rows(DataFrameReader reader) {
    return reader.load().collectAsList();
  }

  private static int requests(Supplier<List<Row>> read) {
    CountingFileSystem.reset();
    read.get();
    return CountingFileSystem.metadataRequests();
  }

  /** Older versions before the two real ones, so that the history has {@code versions} entries. */
  private static void padHistory(LocalStore store, int versions) {
    String key = "lb/.metadata/version_history.json";
    VersionHistory real = VersionHistory.parse(new String(store.read(key).orElseThrow(), StandardCharsets.UTF_8), key);
    List<HistoryEntry> older = new ArrayList<>();
    for (int i = 0; i < versions - real.size(); i++) {
      older.add(HistoryEntry.of(String.format("%064x", i + 1), String.format("%064x", 1_000_000 + i),
          V1_AT.minusSeconds(3600L * (i + 1)).toString(), new Author("Padding", "padding@example.org"),
          "older " + i, String.format("%064x", 2_000_000 + i), null));
    }
    VersionHistory padded = VersionHistory.empty();
    for (int i = older.size() - 1; i >= 0; i--) {
      padded = padded.prepend(older.get(i));
    }
    for (int i = real.size() - 1; i >= 0; i--) {
      padded = padded.prepend(real.entries().get(i));
    }
    assertEquals(versions, padded.size());
    store.writeJson(key, padded.toStoreJson());
  }
}
