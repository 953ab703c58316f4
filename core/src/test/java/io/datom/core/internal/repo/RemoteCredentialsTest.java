package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class RemoteCredentialsTest {

  private static final Map<String, String> BOTH = Map.of("DATOM_GIT_TOKEN", "datom-token", "GITHUB_PAT", "pat-token");

  @Test
  void anExplicitTokenWins() {
    RemoteCredentials credentials = RemoteCredentials.resolve("explicit-token", BOTH::get);

    assertEquals("explicit", credentials.source());
    assertEquals("explicit-token", passwordOf(credentials));
  }

  @Test
  void thenDatomGitTokenThenGithubPat() {
    assertEquals("DATOM_GIT_TOKEN", RemoteCredentials.resolve(null, BOTH::get).source());
    assertEquals("datom-token", passwordOf(RemoteCredentials.resolve("", BOTH::get)));

    RemoteCredentials pat =
        RemoteCredentials.resolve(null, Map.of("DATOM_GIT_TOKEN", " ", "GITHUB_PAT", "pat-token")::get);
    assertEquals("GITHUB_PAT", pat.source());
    assertEquals("pat-token", passwordOf(pat));
  }

  @Test
  void nothingResolvesToNone() {
    RemoteCredentials none = RemoteCredentials.resolve(null, Map.<String, String>of()::get);

    assertFalse(none.hasToken());
    assertEquals("none", none.source());
    assertNull(none.provider());
  }

  @Test
  void theTokenIsSentAsPasswordOfUserGit() {
    CredentialItem.Username user = new CredentialItem.Username();
    RemoteCredentials.token("t0k3n").provider().get(uri(), user);

    assertEquals("git", user.getValue());
  }

  @Test
  void toStringAndRedactNeverShowTheToken() {
    RemoteCredentials credentials = RemoteCredentials.token("secret-token-value");

    assertEquals("GitCredentials[explicit, redacted]", credentials.toString());
    assertEquals("remote said: bad ****", credentials.redact("remote said: bad secret-token-value"));
  }

  private static String passwordOf(RemoteCredentials credentials) {
    assertTrue(credentials.hasToken());
    CredentialItem.Password password = new CredentialItem.Password();
    credentials.provider().get(uri(), password);
    return new String(password.getValue());
  }

  private static URIish uri() {
    try {
      return new URIish("https://example.org/data.git");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
