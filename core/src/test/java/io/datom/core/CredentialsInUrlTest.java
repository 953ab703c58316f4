package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.CredentialsInUrlException;
import io.datom.core.store.LocalStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote URLs that carry a secret are refused before a writer exists; the message never repeats the secret. */
class CredentialsInUrlTest {

  @TempDir Path tmp;

  @Test
  void userInfoInAnHttpUrlIsRefused() {
    LocalStore store = new LocalStore(tmp, null);
    for (String url : new String[] {"https://git:s3cr3t@git.example.org/acme/study.git",
        "https://s3cr3t@git.example.org/acme/study.git", "http://u:s3cr3t@127.0.0.1:8080/study.git"}) {
      CredentialsInUrlException e =
          assertThrows(CredentialsInUrlException.class, () -> WriterOptions.builder(url, store));
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
      assertFalse(e.redactedUrl().contains("s3cr3t"), e.redactedUrl());
    }
  }

  @Test
  void anSshUserNameIsNoSecret() {
    String url = "ssh://git@git.example.org/acme/study.git";
    assertEquals(url, WriterOptions.builder(url, new LocalStore(tmp, null)).build().remoteUrl());
  }
}
