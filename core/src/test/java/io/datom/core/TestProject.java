package io.datom.core;

import io.datom.core.store.LocalStore;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project's remote and store for one test: a bare git repository over {@code file://} with a local store, or one
 * served by the token-checking HTTP server with an S3 store on s3proxy.
 */
final class TestProject implements AutoCloseable {

  static final String NAME = "STUDY_001";
  static final GitIdentity AUTHOR = new GitIdentity("Test Writer", "writer@example.org");

  final BareGitRemote remote;
  final Store store;
  final GitCredentials credentials;
  final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00Z");
  private final Path workDir;

  private TestProject(BareGitRemote remote, Store store, GitCredentials credentials, Path workDir) {
    this.remote = remote;
    this.store = store;
    this.credentials = credentials;
    this.workDir = workDir;
  }

  /** A {@code file://} remote and a local store under {@code tmp}. */
  static TestProject local(Path tmp) {
    return new TestProject(BareGitRemote.createTemp(), new LocalStore(tmp.resolve("store"), null),
        GitCredentials.none(), tmp.resolve("clones"));
  }

  /** A remote behind the token-checking HTTP server and an S3 store (prefix {@code trial/}) on s3proxy. */
  static TestProject s3(S3ProxyServer s3, GitHttpServer http, Path tmp) {
    String name = "data-" + Long.toHexString(System.nanoTime());
    return new TestProject(http.createRepository(name),
        new S3Store(s3.storeConfig(s3.createBucket()).prefix("trial/").build()),
        GitCredentials.token(http.token()), tmp.resolve("clones"));
  }

  /** Options for a writer of this project; tests add an observer or a retry policy. */
  WriterOptions.Builder options() {
    return WriterOptions.builder(remote.url(), store)
        .credentials(credentials)
        .author(AUTHOR)
        .clock(clock)
        .workDir(workDir);
  }

  DatomWriter create() {
    return DatomWriter.create(options().build(), NewProject.named(NAME));
  }

  DatomWriter open() {
    return DatomWriter.open(options().build());
  }

  /** The remote's {@code master}, or empty before the first push. */
  Optional<String> head() {
    return remote.head("master");
  }

  /** A file at the tip of the remote's {@code master}. */
  Optional<String> gitFile(String path) {
    return remote.readFile("master", path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** A store object as text. */
  Optional<String> storeText(String key) {
    return store.read(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** Every object of the store, by key, as text: for asserting that nothing was written. */
  TreeMap<String, String> storeContents() {
    TreeMap<String, String> contents = new TreeMap<>();
    for (String key : store.list("")) {
      contents.put(key, storeText(key).orElseThrow());
    }
    return contents;
  }

  /** The backend's trailing byte after a JSON document (format §2.1). */
  String storeJsonEnding() {
    return store instanceof LocalStore ? "\n" : "";
  }

  @Override
  public void close() {
    store.close();
    remote.close();
  }
}
