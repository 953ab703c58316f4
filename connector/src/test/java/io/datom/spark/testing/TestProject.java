package io.datom.spark.testing;

import io.datom.core.hash.Sha256;
import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ManifestEntry;
import io.datom.core.internal.format.RTimestamps;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lays out a datom project in a local store the way the write protocol does (format §1.4, §3): the parquet object at
 * its content address, {@code metadata.json}, the history, the snapshot and the manifest. Reads need nothing more.
 *
 * <p>The {@code data_sha} here is a stand-in (a SHA-256 derived from the parquet bytes), not cv1: readers treat it
 * as an opaque content address, and these tests are about reading.
 */
public final class TestProject {

  private static final Author AUTHOR = new Author("Test Writer", "writer@example.com");

  private final LocalStore store;
  private final Path root;

  private TestProject(Path root, String name) {
    this.root = root;
    this.store = new LocalStore(root, null);
    store.writeJson(".metadata/manifest.json", Manifest.init(name, "2026-01-01T00:00:00Z").toJson());
  }

  /** An empty project named {@code name} whose store is {@code root}. */
  public static TestProject create(Path root, String name) {
    return new TestProject(root, name);
  }

  /** The store path. */
  public String store() {
    return root.toString();
  }

  /** The store. */
  public LocalStore localStore() {
    return store;
  }

  /** Writes {@code rows} as a new current version of {@code table}, as one parquet object with one row group. */
  public Written write(String table, Dataset<Row> rows, String message, Instant at) {
    return write(table, rows, message, at, target -> ParquetObjects.writeSingleFile(rows, target));
  }

  /** Writes a new current version whose parquet object holds one row group per dataset. */
  public Written writeRowGroups(String table, List<Dataset<Row>> groups, String message, Instant at) {
    return write(table, groups.get(0), message, at, target -> ParquetObjects.writeRowGroups(groups, target));
  }

  private Written write(String table, Dataset<Row> schemaOf, String message, Instant at,
      Function<Path, Path> writeParquet) {
    try {
      Path staging = Files.createTempDirectory("test-project-");
      Path staged = writeParquet.apply(staging.resolve("object.parquet"));
      byte[] bytes = Files.readAllBytes(staged);
      String parquetSha = Sha256.hex(bytes);
      String dataSha = Sha256.hex(("stand-in data_sha of " + parquetSha).getBytes(StandardCharsets.UTF_8));
      store.putIfAbsent(table + "/" + dataSha + ".parquet", staged);
      long nrow = SparkSession.active().read().parquet(staged.toString()).count();
      Files.delete(staged);
      Files.delete(staging);
      String createdAt = RTimestamps.utc(at);
      TableMetadata metadata = TableMetadata.builder()
          .dataSha(dataSha)
          .parquetSha(parquetSha)
          .tableType(TableMetadata.DERIVED)
          .nrow(nrow)
          .colnames(List.of(schemaOf.columns()))
          .columnHashes(List.of())
          .createdAt(createdAt)
          .datomVersion("0.1.1")
          .sizeBytes(bytes.length)
          .build();
      VersionHistory history = history(table).prepend(
          HistoryEntry.of(metadata.version(), dataSha, createdAt, AUTHOR, message, parquetSha, null));
      store.writeJson(table + "/.metadata/metadata.json", metadata.toJson());
      store.writeJson(table + "/.metadata/version_history.json", history.toStoreJson());
      store.writeJson(table + "/.metadata/" + metadata.version() + ".json", metadata.toJson());
      Manifest manifest = manifest().withTable(table,
          ManifestEntry.of(metadata.version(), dataSha, createdAt, bytes.length, history.size(), null, null),
          createdAt);
      store.writeJson(".metadata/manifest.json", manifest.toStoreJson());
      return new Written(metadata.version(), dataSha, parquetSha, root.resolve("datom/" + table + "/" + dataSha
          + ".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private VersionHistory history(String table) {
    return store.read(table + "/.metadata/version_history.json")
        .map(b -> VersionHistory.parse(new String(b, StandardCharsets.UTF_8), table))
        .orElse(VersionHistory.empty());
  }

  private Manifest manifest() {
    return Manifest.parse(new String(store.read(".metadata/manifest.json").orElseThrow(), StandardCharsets.UTF_8),
        "manifest");
  }

  /**
   * A version written by this helper.
   *
   * @param version    its {@code metadata_sha}
   * @param dataSha    its (stand-in) {@code data_sha}
   * @param parquetSha the SHA-256 of its parquet bytes
   * @param object     the parquet object's file
   */
  public record Written(String version, String dataSha, String parquetSha, Path object) {}
}
