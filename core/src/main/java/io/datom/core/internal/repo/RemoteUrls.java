package io.datom.core.internal.repo;

import io.datom.core.exceptions.CredentialsInUrlException;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/** Checks on git remote URLs that must hold before one is used or recorded. */
public final class RemoteUrls {

  /** Where a token goes instead, for core's own callers. */
  public static final String CORE_TOKEN_SETTINGS = "GitCredentials.token(…), or the environment variable DATOM_GIT_TOKEN";

  private RemoteUrls() {}

  /**
   * Refuses a URL that carries a secret: a password in its user info, or, for HTTP(S), any user info at all (a token
   * is often given as the user name). An SSH user name ({@code ssh://git@host/…}) is no secret and passes.
   *
   * @param tokenSetting where the caller's users should put the token instead, for the message
   * @return {@code url}
   * @throws CredentialsInUrlException if it carries credentials
   */
  public static String requireNoCredentials(String url, String tokenSetting) {
    URIish uri;
    try {
      uri = new URIish(url);
    } catch (URISyntaxException notAUrl) {
      return url; // git reports an unusable URL itself, naming it
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean http = scheme.equals("http") || scheme.equals("https");
    if (uri.getPass() != null || (http && uri.getUser() != null)) {
      throw new CredentialsInUrlException(GitFailures.redactUrl(url), tokenSetting);
    }
    return url;
  }
}
