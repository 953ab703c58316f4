package io.datom.spark.write;

import io.datom.core.DatomProject;
import io.datom.core.WriteResult;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.store.HadoopStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A datom project for write tests: a git remote (empty at first, so the first write creates the project) and a
 * store path, with helpers to write through {@code format("datom")} and to look at what was written.
 */
final class TestProjectRemote implements AutoCloseable {

  static final String PROJECT = "STUDY_W";

  private final SparkSession spark;
  private final BareGitRemote remote;
  private final String repoUrl;
  private final String store;

  TestProjectRemote(SparkSession spark, BareGitRemote remote, String repoUrl, String store) {
    this.spark = spark;
    this.remote = remote;
    this.repoUrl = repoUrl;
    this.store = store;
  }

  /** A project with a new {@code file://} remote and its store at {@code store}. */
  static TestProjectRemote local(SparkSession spark, String store) {
    BareGitRemote remote = BareGitRemote.createTemp();
    return new TestProjectRemote(spark, remote, remote.url(), store);
  }

  String store() {
    return store;
  }

  String repoUrl() {
    return repoUrl;
  }

  BareGitRemote remote() {
    return remote;
  }

  /** A {@code format("datom")} writer of {@code rows} into {@code table} of this project. */
  DataFrameWriter<Row> writer(Dataset<Row> rows, String table) {
    return rows.write().format("datom").option("table", table).option("repo", repoUrl).option("project", PROJECT);
  }

  /** Overwrites {@code table} with {@code rows} and returns what the write did. */
  WriteResult overwrite(Dataset<Row> rows, String table) {
    writer(rows, table).mode("overwrite").save(store);
    return DatomWrites.lastResult().orElseThrow();
  }

  /** Reads a version of {@code table}. */
  Dataset<Row> read(String table, String version) {
    return spark.read().format("datom").option("table", table).option("version", version).load(store);
  }

  /** The store's current {@code metadata.json} of {@code table}. */
  TableMetadata metadata(String table) {
    return TableMetadata.parse(text(table + "/.metadata/metadata.json"), table);
  }

  /** The store's snapshot of a version. */
  TableMetadata snapshot(String table, String version) {
    return TableMetadata.parse(text(table + "/.metadata/" + version + ".json"), table);
  }

  /** The store's history of {@code table}. */
  VersionHistory history(String table) {
    return VersionHistory.parse(text(table + "/.metadata/version_history.json"), table);
  }

  /** The commit at the tip of the remote's branch. */
  Optional<String> head() {
    return remote.head("master");
  }

  /** The store, for looking at objects. */
  Store openStore() {
    return HadoopStore.at(store, spark.sessionState().newHadoopConf());
  }

  /** The project as a reader sees it. */
  DatomProject project() {
    return DatomProject.open(openStore());
  }

  private String text(String key) {
    return new String(openStore().read(key).orElseThrow(() -> new AssertionError("No " + key + " in " + store)),
        StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    remote.close();
  }
}
