package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.store.LocalStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git failures other than a lost race say what they are and what to do. */
class GitFailureNamesTest {

  @TempDir Path tmp;

  @Test
  void anUnreachableRemoteIsNamedAsSuch() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String remote = "http://127.0.0.1:" + closedPort + "/data.git";
    WriterOptions options = WriterOptions.builder(remote, new LocalStore(tmp.resolve("store"), null))
        .workDir(tmp.resolve("clones")).build();

    DataRepoException e = assertThrows(DataRepoException.class, () -> DatomWriter.open(options));

    assertTrue(e.getMessage().contains(remote), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
  }

  @Test
  void aRemoteThatIsNoRepositoryIsNamedAsSuch() {
    String remote = tmp.resolve("nothing-here.git").toUri().toString();
    WriterOptions options = WriterOptions.builder(remote, new LocalStore(tmp.resolve("store"), null))
        .workDir(tmp.resolve("clones")).build();

    DataRepoException e = assertThrows(DataRepoException.class, () -> DatomWriter.open(options));

    assertTrue(e.getMessage().contains("nothing-here.git"), e.getMessage());
  }
}
