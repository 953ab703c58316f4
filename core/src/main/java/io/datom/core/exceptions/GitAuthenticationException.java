package io.datom.core.exceptions;

/**
 * The git remote refused our credentials, or asked for some and none were configured. The message names the remote
 * (without any user info) and where the token came from, never the token itself.
 */
public class GitAuthenticationException extends DataRepoException {
  private static final long serialVersionUID = 1L;

  private final String remoteUrl;

  public GitAuthenticationException(String remoteUrl, String tokenSource, Throwable cause) {
    super(
        "Authentication to git remote " + remoteUrl + " failed (token: " + tokenSource + "). Use a token with read"
            + " and write access to the repository: in Spark set spark.datom.git.token, in core pass"
            + " GitCredentials.token(…), or set the environment variable DATOM_GIT_TOKEN (or GITHUB_PAT).",
        cause);
    this.remoteUrl = remoteUrl;
  }

  /** The remote that refused, without user info. */
  public String remoteUrl() {
    return remoteUrl;
  }
}
