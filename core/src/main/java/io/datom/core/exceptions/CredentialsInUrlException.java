package io.datom.core.exceptions;

/**
 * A git remote URL carries credentials ({@code https://user:token@host/…}). datom records the remote in the project's
 * {@code project.yaml} and README, which live in git forever, so such a URL is refused before anything runs. The
 * message shows the URL without its user info.
 */
public class CredentialsInUrlException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String redactedUrl;

  public CredentialsInUrlException(String redactedUrl, String tokenSetting) {
    super("The git remote URL " + redactedUrl + " carries credentials in its user info. datom records the remote in"
        + " the project's files in git, so it refuses such a URL rather than write a secret down. Give the URL"
        + " without them and pass the token through " + tokenSetting + ".");
    this.redactedUrl = redactedUrl;
  }

  /** The URL without its user info. */
  public String redactedUrl() {
    return redactedUrl;
  }
}
