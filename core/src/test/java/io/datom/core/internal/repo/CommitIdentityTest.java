package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.Test;

class CommitIdentityTest {

  @Test
  void readsUserNameAndEmail() throws Exception {
    Config config = new Config();
    config.fromText("[user]\n\tname = Ann Analyst\n\temail = ann@example.org\n");

    assertEquals(new CommitIdentity("Ann Analyst", "ann@example.org"), CommitIdentity.fromConfig(config));
  }

  @Test
  void fallsBackToDatomFieldByField() throws Exception {
    assertEquals(new CommitIdentity("datom", "datom@noreply"), CommitIdentity.fromConfig(new Config()));

    Config nameOnly = new Config();
    nameOnly.fromText("[user]\n\tname = Ann Analyst\n\temail = \n");
    assertEquals(new CommitIdentity("Ann Analyst", "datom@noreply"), CommitIdentity.fromConfig(nameOnly));
  }
}
