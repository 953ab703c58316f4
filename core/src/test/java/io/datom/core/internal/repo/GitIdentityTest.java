package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.Test;

class GitIdentityTest {

  @Test
  void readsUserNameAndEmail() throws Exception {
    Config config = new Config();
    config.fromText("[user]\n\tname = Ann Analyst\n\temail = ann@example.org\n");

    assertEquals(new GitIdentity("Ann Analyst", "ann@example.org"), GitIdentity.fromConfig(config));
  }

  @Test
  void fallsBackToDatomFieldByField() throws Exception {
    assertEquals(new GitIdentity("datom", "datom@noreply"), GitIdentity.fromConfig(new Config()));

    Config nameOnly = new Config();
    nameOnly.fromText("[user]\n\tname = Ann Analyst\n\temail = \n");
    assertEquals(new GitIdentity("Ann Analyst", "datom@noreply"), GitIdentity.fromConfig(nameOnly));
  }
}
