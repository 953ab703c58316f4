package io.datom.core;

import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteUrls;

/** Git remote URLs as datom handles them: never with a secret in them, and never shown with one. */
public final class GitRemotes {

  private GitRemotes() {}

  /**
   * Refuses a URL that carries a secret: a password in its user info, or, for HTTP(S), any user info at all (a token
   * is often given as the user name). An SSH user name ({@code ssh://git@host/…}) is no secret and passes.
   *
   * @param tokenSettings where the caller's users should put the token instead, for the message
   * @return {@code url}
   * @throws io.datom.core.exceptions.CredentialsInUrlException if it carries credentials
   */
  public static String requireNoCredentials(String url, String tokenSettings) {
    return RemoteUrls.requireNoCredentials(url, tokenSettings);
  }

  /** {@code url} fit for a message or a log: any user info replaced, so that no token is shown. */
  public static String redact(String url) {
    return DataRepo.redactUrl(url);
  }
}
