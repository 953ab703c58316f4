package io.datom.core.internal.repo;

import java.util.function.UnaryOperator;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The HTTPS token used to reach the data repository's remote, sent as the password of user {@code git} (format §11).
 * Resolved from an explicit value, else the environment variable {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}.
 *
 * <p>The token is only ever handed to JGit for a request: it is not written to the repository's config, and
 * {@link #toString()} and every datom message mention only where it came from.
 */
public final class RemoteCredentials {

  /** The user name sent with the token. */
  public static final String USERNAME = "git";
  /** The environment variable consulted first. */
  public static final String TOKEN_ENV = "DATOM_GIT_TOKEN";
  /** The environment variable consulted when {@link #TOKEN_ENV} is unset. */
  public static final String FALLBACK_TOKEN_ENV = "GITHUB_PAT";

  private static final RemoteCredentials NONE = new RemoteCredentials(null, "none");

  private final String token;
  private final String source;

  private RemoteCredentials(String token, String source) {
    this.token = token;
    this.source = source;
  }

  /** No credentials: for {@code file://} remotes and public repositories. */
  public static RemoteCredentials none() {
    return NONE;
  }

  /** An explicit token; a blank one means none. */
  public static RemoteCredentials token(String token) {
    return token(token, "explicit");
  }

  /**
   * A token from a named setting ({@code spark.datom.git.token}, say), which messages give as where it came from; a
   * blank one means none.
   */
  public static RemoteCredentials token(String token, String setting) {
    return isBlank(token) ? NONE : new RemoteCredentials(token, setting);
  }

  /** {@code explicitToken} if not blank, else {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}, else none. */
  public static RemoteCredentials resolve(String explicitToken) {
    return resolve(explicitToken, System::getenv);
  }

  /** As {@link #resolve(String)}, reading variables from {@code environment} (which returns null when unset). */
  public static RemoteCredentials resolve(String explicitToken, UnaryOperator<String> environment) {
    if (!isBlank(explicitToken)) {
      return token(explicitToken);
    }
    for (String variable : new String[] {TOKEN_ENV, FALLBACK_TOKEN_ENV}) {
      String value = environment.apply(variable);
      if (!isBlank(value)) {
        return new RemoteCredentials(value, variable);
      }
    }
    return NONE;
  }

  /** Whether a token was found. */
  public boolean hasToken() {
    return token != null;
  }

  /** Where the token came from: {@code explicit}, an environment variable's name, or {@code none}. */
  public String source() {
    return source;
  }

  /** JGit's view of these credentials, or {@code null} when there are none. */
  CredentialsProvider provider() {
    return token == null ? null : new UsernamePasswordCredentialsProvider(USERNAME, token);
  }

  /** Removes the token from a text that may have echoed it (a remote's error message, say). */
  String redact(String text) {
    return token == null || text == null ? text : text.replace(token, "****");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "GitCredentials[" + source + (token == null ? "" : ", redacted") + "]";
  }
}
