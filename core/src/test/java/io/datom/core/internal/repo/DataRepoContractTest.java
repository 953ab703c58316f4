package io.datom.core.internal.repo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.DetachedHeadException;
import io.datom.core.testing.BareGitRemote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a data repository clone does against any remote; subclasses supply a file remote or an HTTP one. */
abstract class DataRepoContractTest {

  static final String INIT_MESSAGE = "Initialize datom repository";

  @TempDir Path tmp;
  BareGitRemote remote;
  private final List<DataRepo> opened = new ArrayList<>();

  /** A new empty remote. */
  abstract BareGitRemote newRemote();

  /** Credentials the remote accepts. */
  abstract RemoteCredentials credentials();

  @BeforeEach
  void createRemote() {
    remote = newRemote();
  }

  @AfterEach
  void closeAll() {
    opened.forEach(DataRepo::close);
    remote.close();
  }

  @Test
  void initPushesTheFirstCommitAndSetsTheUpstream() throws Exception {
    DataRepo repo = initProject("writer");

    assertEquals("master", repo.currentBranch());
    assertEquals(repo.headSha(), remote.head("master"));
    RevCommit tip = remote.tip("master");
    assertEquals(INIT_MESSAGE, tip.getFullMessage());
    assertEquals(tip.getAuthorIdent().getName(), tip.getCommitterIdent().getName());
    assertArrayEquals(bytes("project_name: STUDY_001\n"),
        remote.readFile("master", ".datom/project.yaml").orElseThrow());
    assertArrayEquals(bytes("{}\n"), remote.readFile("master", ".datom/manifest.json").orElseThrow());
    try (Git git = Git.open(repo.workTree().toFile())) {
      StoredConfig config = git.getRepository().getConfig();
      assertEquals("origin", config.getString("branch", "master", "remote"));
      assertEquals("refs/heads/master", config.getString("branch", "master", "merge"));
      assertEquals(remote.url(), config.getString("remote", "origin", "url"));
    }
  }

  @Test
  void initAndCloneWriteTheLocalIdentityAndFollowRedirects() throws Exception {
    DataRepo writer = initProject("writer");
    DataRepo reader = cloneProject("reader");

    for (DataRepo repo : List.of(writer, reader)) {
      FileBasedConfig local = new FileBasedConfig(repo.workTree().resolve(".git/config").toFile(), FS.DETECTED);
      local.load();
      assertEquals(CommitIdentity.global(), CommitIdentity.fromConfig(local));
      assertEquals("true", local.getString("http", null, "followRedirects"));
      assertEquals(CommitIdentity.global(), repo.identity());
      // Set before the clone's first fetch: JGit starts no detached gc that deleting the clone would break.
      assertEquals("false", local.getString("fetch", null, "autogc"));
      assertEquals("false", local.getString("gc", null, "autodetach"));
    }
  }

  @Test
  void aCloneChecksOutTheBranchTheRemoteHeadNamesAndTracksIt() throws Exception {
    DataRepo writer = track(DataRepo.init(tmp.resolve("writer"), remote.url(), "main", initialFiles(), INIT_MESSAGE,
        credentials()));
    Files.writeString(remote.directory().resolve("HEAD"), "ref: refs/heads/main\n");

    DataRepo reader = cloneProject("reader");

    assertEquals("main", reader.currentBranch());
    assertEquals(writer.headSha(), reader.headSha());
    assertEquals(new String(initialFiles().get(".datom/project.yaml"), UTF_8),
        new String(reader.readFile(".datom/project.yaml").orElseThrow(), UTF_8));
    write(reader, "dm/metadata.json", "{}");
    reader.commit(List.of("dm/metadata.json"), "Update dm");
    assertEquals(PushOutcome.OK, reader.push());
    assertEquals(reader.headSha(), remote.head("main"));
  }

  @Test
  void aCloneOfAnEmptyRemoteHasNoCommits() {
    DataRepo reader = cloneProject("reader");

    assertEquals(Optional.empty(), reader.headSha());
    assertEquals(DataRepo.DEFAULT_BRANCH, reader.currentBranch());
  }

  @Test
  void initCanNameAnotherBranch() {
    DataRepo repo = track(DataRepo.init(tmp.resolve("writer"), remote.url(), "main", initialFiles(), INIT_MESSAGE,
        credentials()));

    assertEquals("main", repo.currentBranch());
    assertEquals(repo.headSha(), remote.head("main"));
    assertEquals(Optional.empty(), remote.head("master"));
  }

  @Test
  void initRefusesAnExistingRepository() {
    initProject("writer");

    DataRepoException e = assertThrows(DataRepoException.class, () -> DataRepo.init(tmp.resolve("writer"),
        remote.url(), initialFiles(), INIT_MESSAGE, credentials()));
    assertTrue(e.getMessage().contains("already is a git repository"), e.getMessage());
  }

  @Test
  void initRefusesARemoteThatAlreadyHasHistory() {
    initProject("first");

    DataRepoException e = assertThrows(DataRepoException.class, () -> DataRepo.init(tmp.resolve("second"),
        remote.url(), Map.of("README.md", bytes("other\n")), INIT_MESSAGE, credentials()));
    assertTrue(e.getMessage().contains("already has commits"), e.getMessage());
  }

  @Test
  void aCloneCommitsAndPushesAndTheOtherResetsToIt() throws Exception {
    DataRepo writer = initProject("writer");
    DataRepo other = cloneProject("other");

    write(other, "dm/metadata.json", "{\"v\": 1}\n");
    write(other, "dm/version_history.json", "[]\n");
    String sha = other.commit(List.of("dm/metadata.json", "dm/version_history.json"), "Update dm");

    assertEquals(PushOutcome.OK, other.push());
    assertEquals(Optional.of(sha), remote.head("master"));
    assertEquals("Update dm", remote.tip("master").getFullMessage());
    assertEquals(sha, writer.resetToRemote());
    assertEquals(Optional.of(sha), writer.headSha());
    assertArrayEquals(bytes("{\"v\": 1}\n"), writer.readFile("dm/metadata.json").orElseThrow());
  }

  @Test
  void commitWithNothingChangedReturnsHeadWithoutACommit() throws Exception {
    DataRepo repo = initProject("writer");
    String head = repo.headSha().orElseThrow();

    write(repo, ".datom/manifest.json", "{}\n");
    assertEquals(head, repo.commit(List.of(".datom/manifest.json"), "Update dm"));
    assertEquals(head, repo.commit(List.of(), "Update dm"));

    assertEquals(Optional.of(head), repo.headSha());
  }

  @Test
  void commitStagesExactlyTheGivenPaths() throws Exception {
    DataRepo repo = initProject("writer");
    write(repo, "dm/metadata.json", "{}\n");
    write(repo, "notes.txt", "scratch\n");
    write(repo, "README.md", "changed\n");

    repo.commit(List.of("dm/metadata.json"), "Update dm");
    assertEquals(PushOutcome.OK, repo.push());

    assertTrue(remote.readFile("master", "dm/metadata.json").isPresent());
    assertEquals(Optional.empty(), remote.readFile("master", "notes.txt"));
    assertArrayEquals(bytes("# STUDY_001\n"), remote.readFile("master", "README.md").orElseThrow());
  }

  @Test
  void commitStagesTheRemovalOfADeletedPath() throws Exception {
    DataRepo repo = initProject("writer");
    Files.delete(repo.workTree().resolve("README.md"));

    repo.commit(List.of("README.md"), "Remove readme");
    assertEquals(PushOutcome.OK, repo.push());

    assertEquals(Optional.empty(), remote.readFile("master", "README.md"));
  }

  @Test
  void commitUsesTheGivenAuthorAsCommitter() throws Exception {
    DataRepo repo = initProject("writer");
    write(repo, "dm/metadata.json", "{}\n");

    repo.commit(List.of("dm/metadata.json"), "Update dm", new CommitIdentity("Ann Analyst", "ann@example.org"));
    repo.push();

    RevCommit tip = remote.tip("master");
    assertEquals("Ann Analyst", tip.getAuthorIdent().getName());
    assertEquals("ann@example.org", tip.getAuthorIdent().getEmailAddress());
    assertEquals("Ann Analyst", tip.getCommitterIdent().getName());
    assertEquals("ann@example.org", tip.getCommitterIdent().getEmailAddress());
  }

  @Test
  void aPushBehindTheRemoteIsRejectedAndSucceedsAfterReset() throws Exception {
    initProject("writer");
    DataRepo first = cloneProject("first");
    DataRepo second = cloneProject("second");
    write(first, "a/metadata.json", "{}\n");
    first.commit(List.of("a/metadata.json"), "Update a");
    write(second, "b/metadata.json", "{}\n");
    second.commit(List.of("b/metadata.json"), "Update b");

    assertEquals(PushOutcome.OK, first.push());
    assertEquals(PushOutcome.REJECTED, second.push());

    second.resetToRemote();
    assertTrue(second.readFile("a/metadata.json").isPresent());
    write(second, "b/metadata.json", "{}\n");
    String sha = second.commit(List.of("b/metadata.json"), "Update b");
    assertEquals(PushOutcome.OK, second.push());
    assertEquals(Optional.of(sha), remote.head("master"));
  }

  @Test
  void ofSimultaneousPushesExactlyOneWins() throws Exception {
    initProject("writer");
    List<DataRepo> writers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DataRepo repo = cloneProject("w" + i);
      write(repo, "t" + i + "/metadata.json", "{}\n");
      repo.commit(List.of("t" + i + "/metadata.json"), "Update t" + i);
      writers.add(repo);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    List<PushOutcome> outcomes = new ArrayList<>();
    try {
      List<Future<PushOutcome>> pushes = new ArrayList<>();
      for (DataRepo repo : writers) {
        pushes.add(pool.submit(() -> {
          start.await();
          return repo.push();
        }));
      }
      start.countDown();
      for (Future<PushOutcome> push : pushes) {
        outcomes.add(push.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, outcomes.stream().filter(o -> o == PushOutcome.OK).count(), "outcomes: " + outcomes);
    DataRepo winner = writers.get(outcomes.indexOf(PushOutcome.OK));
    assertEquals(winner.headSha(), remote.head("master"));
  }

  @Test
  void aDetachedHeadIsRefusedWithRsMessage() throws Exception {
    DataRepo repo = initProject("writer");
    try (Git git = Git.open(repo.workTree().toFile())) {
      git.checkout().setName(repo.headSha().orElseThrow()).call();
    }

    DetachedHeadException e = assertThrows(DetachedHeadException.class, repo::currentBranch);
    assertEquals("HEAD is detached — datom requires a branch.", e.getMessage());
    assertEquals(repo.workTree().toString(), e.repository());
    assertThrows(DetachedHeadException.class, repo::push);
    assertThrows(DetachedHeadException.class, repo::resetToRemote);
    assertThrows(DetachedHeadException.class, () -> repo.commit(List.of("README.md"), "x"));
  }

  @Test
  void readFileReadsTheWorkingTree() {
    DataRepo repo = initProject("writer");

    assertArrayEquals(bytes("# STUDY_001\n"), repo.readFile("README.md").orElseThrow());
    assertEquals(Optional.empty(), repo.readFile("dm/metadata.json"));
    assertThrows(DataRepoException.class, () -> repo.readFile("../outside.txt"));
  }

  @Test
  void openFindsAnExistingCloneAndRefusesOtherDirectories() throws Exception {
    DataRepo repo = initProject("writer");

    try (DataRepo reopened = DataRepo.open(tmp.resolve("writer"), credentials())) {
      assertEquals(repo.headSha(), reopened.headSha());
      assertEquals("origin", reopened.remoteName());
      assertEquals(remote.url(), reopened.remoteUrl());
    }
    Files.createDirectories(tmp.resolve("plain"));
    assertThrows(DataRepoException.class, () -> DataRepo.open(tmp.resolve("plain"), credentials()));
  }

  DataRepo initProject(String dir) {
    return track(DataRepo.init(tmp.resolve(dir), remote.url(), initialFiles(), INIT_MESSAGE, credentials()));
  }

  DataRepo cloneProject(String dir) {
    return track(DataRepo.cloneFrom(remote.url(), tmp.resolve(dir), credentials()));
  }

  DataRepo track(DataRepo repo) {
    opened.add(repo);
    return repo;
  }

  static Map<String, byte[]> initialFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(".datom/project.yaml", bytes("project_name: STUDY_001\n"));
    files.put(".datom/manifest.json", bytes("{}\n"));
    files.put(".gitignore", bytes("input_files/\n"));
    files.put("README.md", bytes("# STUDY_001\n"));
    return files;
  }

  static void write(DataRepo repo, String path, String content) throws Exception {
    Path file = repo.workTree().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
