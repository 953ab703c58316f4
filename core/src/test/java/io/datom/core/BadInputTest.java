package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.hash.ColumnHash;
import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteCredentials;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input fails with a clear typed error before anything is written. */
class BadInputTest {

  @TempDir Path tmp;
  private TestProject project;
  private DatomWriter writer;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    writer = project.create();
    writer.write(TestContent.of(tmp, "dm1", 30, 40).request("dm").build());
  }

  @AfterEach
  void close() {
    writer.close();
    project.close();
  }

  @ParameterizedTest(name = "name \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "''|`name` must not be empty.",
      "2dm|`name` must start with a letter. Got: \"2dm\"",
      "dm/../x|`name` may only contain letters, numbers, underscores, hyphens, spaces, and parentheses. Got: \"dm/../x\"",
      "input_files|\"input_files\" is a reserved name and cannot be used as a table name.",
      ".datom|`name` must start with a letter. Got: \".datom\""})
  void invalidTableNamesAreRefusedWithRsMessages(String name, String message) {
    InvalidNameException e = assertNothingWritten(InvalidNameException.class,
        () -> writer.write(TestContent.of(tmp, "x", 1).request(name).build()));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aTooLongTableNameIsRefused() {
    InvalidNameException e = assertNothingWritten(InvalidNameException.class,
        () -> writer.write(TestContent.of(tmp, "x", 1).request("t".repeat(129)).build()));
    assertEquals("`name` must be 128 characters or fewer (got 129).", e.getMessage());
  }

  @Test
  void duplicateColumnNamesAreRefused() {
    String sha = "ab".repeat(32);
    TableHash hash = TableHash.ofColumnHashes(2, List.of(new ColumnHash("AGE", sha), new ColumnHash("AGE", sha)));
    InvalidMetadataException e = assertNothingWritten(InvalidMetadataException.class,
        () -> writer.write(WriteRequest.builder("dm", hash, TestContent.of(tmp, "x", 1).parquet()).build()));
    assertEquals("colnames", e.field());
  }

  @Test
  void customMetadataWithANullIsRefused() {
    JsonObject custom = JsonObject.builder().put("note", JsonNull.NULL).build();
    InvalidMetadataException e = assertNothingWritten(InvalidMetadataException.class,
        () -> writer.write(TestContent.of(tmp, "x", 1).request("dm").customMetadata(custom).build()));
    assertTrue(e.getMessage().contains("must not contain null"), e.getMessage());
  }

  @Test
  void aMalformedParentIsRefused() {
    ParentEntry parent = new ParentEntry("STUDY_001", "raw", "", "ef".repeat(32));
    assertNothingWritten(InvalidLineageException.class,
        () -> writer.write(TestContent.of(tmp, "x", 1).request("dm").parents(List.of(parent)).build()));
  }

  @Test
  void malformedJsonInTheRepositoryFailsNamingTheFileAndWritesNothing() throws Exception {
    corruptInGit("dm/version_history.json", "[{\"version\": \"abc\",");

    MalformedJsonException e = assertNothingWritten(MalformedJsonException.class,
        () -> writer.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build()));

    assertTrue(e.source().startsWith("dm/version_history.json in the data repository "), e.source());
  }

  @Test
  void aStoreThatIsMissingIsRefusedWhenOpeningAndNotRecreated() throws Exception {
    Path storeDir = Path.of(project.store.location().root());
    org.eclipse.jgit.util.FileUtils.delete(storeDir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);

    ProjectNotInStoreException e = assertThrows(ProjectNotInStoreException.class, project::open);

    assertTrue(e.getMessage().startsWith("The data store " + project.store.describe() + " holds no datom project"),
        e.getMessage());
    assertTrue(Files.notExists(storeDir));
  }

  @Test
  void aStoreThatVanishedIsNoticedBeforeTheWriteTouchesAnything() throws Exception {
    String head = project.head().orElseThrow();
    project.store.delete(".metadata/manifest.json");

    assertThrows(ProjectNotInStoreException.class,
        () -> writer.write(TestContent.of(tmp, "dm2", 31, 41).request("dm").build()));

    assertEquals(Optional.of(head), project.head());
  }

  @Test
  void anotherProjectsStoreIsRefusedWithRsMessage() {
    try (LocalStore other = new LocalStore(tmp.resolve("other-store"), null)) {
      StoreMismatchException e = assertThrows(StoreMismatchException.class,
          () -> DatomWriter.open(optionsFor(project.remote, other)));
      assertEquals("Store/config mismatch: store data root is \"" + other.location().root() + "\" but project.yaml"
          + " says \"" + project.store.location().root() + "\". Ensure the store matches the project configuration.",
          e.getMessage());
    }
    try (LocalStore prefixed = new LocalStore(tmp.resolve("store"), "trial")) {
      StoreMismatchException e = assertThrows(StoreMismatchException.class,
          () -> DatomWriter.open(optionsFor(project.remote, prefixed)));
      assertTrue(e.getMessage().startsWith(
          "Store/config mismatch: store data prefix is \"trial\" but project.yaml says \"<none>\"."), e.getMessage());
    }
  }

  @Test
  void anEmptyRemoteOrOneThatIsNotADatomProjectIsRefused() throws Exception {
    try (BareGitRemote empty = BareGitRemote.createTemp()) {
      assertThrows(ProjectNotFoundException.class, () -> DatomWriter.open(optionsFor(empty, project.store)));
    }
    try (BareGitRemote other = BareGitRemote.createTemp()) {
      DataRepo.init(tmp.resolve("other"), other.url(), Map.of("notes.txt", "hello\n".getBytes()), "Notes",
          RemoteCredentials.none()).close();
      assertThrows(NotADatomRepositoryException.class, () -> DatomWriter.open(optionsFor(other, project.store)));
    }
  }

  private WriterOptions optionsFor(BareGitRemote remote, io.datom.core.store.Store store) {
    return WriterOptions.builder(remote.url(), store).credentials(GitCredentials.none())
        .workDir(tmp.resolve("clones")).build();
  }

  /** Runs {@code write}, expecting {@code type}, and checks that neither git nor the store changed. */
  private <T extends Throwable> T assertNothingWritten(Class<T> type, Executable write) {
    String head = project.head().orElseThrow();
    TreeMap<String, String> store = project.storeContents();
    T thrown = assertThrows(type, write);
    assertEquals(Optional.of(head), project.head(), "git is unchanged");
    assertEquals(store, project.storeContents(), "the store is unchanged");
    return thrown;
  }

  /** Commits {@code content} as {@code path} straight to the remote, as a careless hand edit would. */
  private void corruptInGit(String path, String content) throws Exception {
    Path clone = tmp.resolve("hand-edit");
    try (DataRepo repo = DataRepo.cloneFrom(project.remote.url(), clone, RemoteCredentials.none())) {
      Files.writeString(clone.resolve(path), content);
      repo.commit(List.of(path), "Hand edit");
      repo.push();
    }
  }
}
