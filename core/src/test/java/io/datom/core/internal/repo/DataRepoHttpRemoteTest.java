package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.GitAuthenticationException;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataRepoHttpRemoteTest extends DataRepoContractTest {

  private static final String TOKEN = "ghp_datomTestToken0123456789";
  private static final AtomicInteger REPOS = new AtomicInteger();
  private static GitHttpServer server;

  @BeforeAll
  static void startServer() {
    server = GitHttpServer.start(TOKEN);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  BareGitRemote newRemote() {
    return server.createRepository("data-" + REPOS.incrementAndGet());
  }

  @Override
  RemoteCredentials credentials() {
    return RemoteCredentials.token(TOKEN);
  }

  @Test
  void aWrongTokenIsAnAuthenticationErrorThatDoesNotShowIt() {
    initProject("writer");
    String wrong = "ghp_wrongTokenThatMustNotLeak42";

    GitAuthenticationException e = assertThrows(GitAuthenticationException.class,
        () -> DataRepo.cloneFrom(remote.url(), tmp.resolve("clone"), RemoteCredentials.token(wrong)));

    assertEquals(remote.url(), e.remoteUrl());
    assertTrue(e.getMessage().contains(remote.url()), e.getMessage());
    assertTrue(e.getMessage().contains("token: explicit"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(wrong), t.toString());
    }
  }

  @Test
  void aPushWithAWrongTokenIsAnAuthenticationError() throws Exception {
    DataRepo writer = initProject("writer");
    writer.close();
    try (DataRepo wrong = DataRepo.open(tmp.resolve("writer"), RemoteCredentials.token("ghp_wrong"))) {
      write(wrong, "dm/metadata.json", "{}\n");
      wrong.commit(List.of("dm/metadata.json"), "Update dm");

      assertThrows(GitAuthenticationException.class, wrong::push);
      assertThrows(GitAuthenticationException.class, wrong::fetch);
    }
  }

  @Test
  void noTokenIsAnAuthenticationErrorAndInitCanBeRetried() {
    GitAuthenticationException e = assertThrows(GitAuthenticationException.class,
        () -> DataRepo.init(tmp.resolve("writer"), remote.url(), initialFiles(), INIT_MESSAGE,
            RemoteCredentials.none()));

    assertTrue(e.getMessage().contains("token: none"), e.getMessage());
    assertTrue(e.getMessage().contains("DATOM_GIT_TOKEN"), e.getMessage());
    DataRepo retried = initProject("writer");
    assertEquals(retried.headSha(), remote.head("master"));
  }

  @Test
  void theTokenIsNeverWrittenIntoTheClone() throws Exception {
    DataRepo writer = initProject("writer");
    DataRepo reader = cloneProject("reader");
    write(writer, "dm/metadata.json", "{}\n");
    writer.commit(List.of("dm/metadata.json"), "Update dm");
    writer.push();
    reader.resetToRemote();

    for (Path clone : List.of(writer.workTree(), reader.workTree())) {
      assertFalse(anyFileContains(clone.resolve(".git"), TOKEN), "token found under " + clone);
    }
  }

  @Test
  void credentialsAreRequiredEvenToRead() {
    DataRepoException e = assertThrows(DataRepoException.class,
        () -> DataRepo.cloneFrom(remote.url(), tmp.resolve("clone"), RemoteCredentials.none()));

    assertTrue(e instanceof GitAuthenticationException, e.toString());
  }

  private static boolean anyFileContains(Path dir, String needle) throws IOException {
    byte[] bytes = needle.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (indexOf(Files.readAllBytes(file), bytes) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
