package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.testing.BareGitRemote;
import org.junit.jupiter.api.Test;

class DataRepoFileRemoteTest extends DataRepoContractTest {

  @Override
  BareGitRemote newRemote() {
    return BareGitRemote.createTemp();
  }

  @Override
  RemoteCredentials credentials() {
    return RemoteCredentials.none();
  }

  @Test
  void resetToRemoteNeedsTheBranchOnTheRemote() throws Exception {
    DataRepo repo = initProject("writer");
    try (var git = org.eclipse.jgit.api.Git.open(repo.workTree().toFile())) {
      git.checkout().setCreateBranch(true).setName("local-only").call();
    }

    DataRepoException e = assertThrows(DataRepoException.class, repo::resetToRemote);
    assertTrue(e.getMessage().contains("no branch 'local-only'"), e.getMessage());
  }

  @Test
  void anUnreachableRemoteIsADataRepoException() {
    String missing = tmp.resolve("nowhere.git").toUri().toString();

    DataRepoException e = assertThrows(DataRepoException.class,
        () -> DataRepo.cloneFrom(missing, tmp.resolve("clone"), credentials()));
    assertTrue(e.getMessage().contains("nowhere.git"), e.getMessage());
    assertEquals(DataRepoException.class, e.getClass(), "a missing remote is not an authentication failure");
  }
}
