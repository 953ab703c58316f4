package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {

  private static final Map<String, String> BOTH = Map.of("DATOM_GIT_TOKEN", "datom-token", "GITHUB_PAT", "pat-token");

  @Test
  void anExplicitTokenWins() {
    GitCredentials credentials = GitCredentials.resolve("explicit-token", BOTH::get);

    assertEquals("explicit", credentials.source());
    assertEquals("explicit-token", passwordOf(credentials));
  }

  @Test
  void thenDatomGitTokenThenGithubPat() {
    assertEquals("DATOM_GIT_TOKEN", GitCredentials.resolve(null, BOTH::get).source());
    assertEquals("datom-token", passwordOf(GitCredentials.resolve("", BOTH::get)));

    GitCredentials pat = GitCredentials.resolve(null, Map.of("DATOM_GIT_TOKEN", " ", "GITHUB_PAT", "pat-token")::get);
    assertEquals("GITHUB_PAT", pat.source());
    assertEquals("pat-token", passwordOf(pat));
  }

  @Test
  void nothingResolvesToNone() {
    GitCredentials none = GitCredentials.resolve(null, Map.<String, String>of()::get);

    assertFalse(none.hasToken());
    assertEquals("none", none.source());
    assertNull(none.provider());
  }

  @Test
  void theTokenIsSentAsPasswordOfUserGit() {
    CredentialItem.Username user = new CredentialItem.Username();
    GitCredentials.token("t0k3n").provider().get(uri(), user);

    assertEquals("git", user.getValue());
  }

  @Test
  void toStringAndRedactNeverShowTheToken() {
    GitCredentials credentials = GitCredentials.token("secret-token-value");

    assertEquals("GitCredentials[explicit, redacted]", credentials.toString());
    assertEquals("remote said: bad ****", credentials.redact("remote said: bad secret-token-value"));
  }

  private static String passwordOf(GitCredentials credentials) {
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
