package io.datom.core;

import io.datom.core.internal.repo.RemoteCredentials;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The HTTPS token used to reach a project's data repository, sent as the password of user {@code git} (format §11).
 * Resolved from an explicit value, else the environment variable {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}.
 *
 * <p>The token is only ever handed to git for a request: it is not written to the repository's config, and
 * {@link #toString()} and every datom message mention only where it came from.
 */
public final class GitCredentials {

  /** The environment variable consulted first. */
  public static final String TOKEN_ENV = RemoteCredentials.TOKEN_ENV;
  /** The environment variable consulted when {@link #TOKEN_ENV} is unset. */
  public static final String FALLBACK_TOKEN_ENV = RemoteCredentials.FALLBACK_TOKEN_ENV;

  private static final GitCredentials NONE = new GitCredentials(RemoteCredentials.none());

  private final RemoteCredentials credentials;

  private GitCredentials(RemoteCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** No credentials: for {@code file://} remotes and public repositories. */
  public static GitCredentials none() {
    return NONE;
  }

  /** An explicit token; a blank one means none. */
  public static GitCredentials token(String token) {
    return new GitCredentials(RemoteCredentials.token(token));
  }

  /**
   * A token from a named setting ({@code spark.datom.git.token}, say), which messages give as where it came from; a
   * blank one means none.
   */
  public static GitCredentials token(String token, String setting) {
    return new GitCredentials(RemoteCredentials.token(token, setting));
  }

  /** {@code explicitToken} if not blank, else {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}, else none. */
  public static GitCredentials resolve(String explicitToken) {
    return new GitCredentials(RemoteCredentials.resolve(explicitToken));
  }

  /** As {@link #resolve(String)}, reading variables from {@code environment} (which returns null when unset). */
  public static GitCredentials resolve(String explicitToken, UnaryOperator<String> environment) {
    return new GitCredentials(RemoteCredentials.resolve(explicitToken, environment));
  }

  /** Whether a token was found. */
  public boolean hasToken() {
    return credentials.hasToken();
  }

  /** Where the token came from: {@code explicit}, an environment variable's name, a setting's name, or {@code none}. */
  public String source() {
    return credentials.source();
  }

  RemoteCredentials remote() {
    return credentials;
  }

  @Override
  public String toString() {
    return "GitCredentials[" + source() + (hasToken() ? ", redacted" : "") + "]";
  }
}
