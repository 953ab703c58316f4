package io.datom.core.internal.repo;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.GitAuthenticationException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.URIish;

/** Turns JGit failures into datom's typed exceptions, naming the repository and remote and never the token. */
final class GitFailures {

  /** JGit's wording when a remote refuses, or asks for, credentials. */
  private static final List<String> AUTH_MARKERS =
      List.of("not authorized", "authentication is required", "authentication not supported", "not permitted",
          "auth fail");

  private final String repository;
  private final RemoteCredentials credentials;

  GitFailures(String repository, RemoteCredentials credentials) {
    this.repository = repository;
    this.credentials = credentials;
  }

  /** {@code url} without user info, so that a token embedded in it cannot leak into a message. */
  static String redactUrl(String url) {
    try {
      return new URIish(url).setUser(null).setPass(null).toString();
    } catch (URISyntaxException notAUrl) {
      return url;
    }
  }

  DataRepoException of(String operation, String remoteUrl, Exception e) {
    String remote = remoteUrl == null ? "" : " with remote " + redactUrl(remoteUrl);
    if (remoteUrl != null && isAuthenticationFailure(e)) {
      return new GitAuthenticationException(redactUrl(remoteUrl), credentials.source(), stripped(e));
    }
    String message = "Git " + operation + " in " + repository + remote + " failed: " + describe(e) + advice(e);
    return new DataRepoException(credentials.redact(message), stripped(e));
  }

  /**
   * What to do, for the failures whose cause a message alone leaves unclear: the remote cannot be reached, refuses
   * access, or the local disk is full. Empty for anything else.
   */
  private static String advice(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jgit.errors.NoRemoteRepositoryException) {
        return ". The git remote has no such repository: check the URL (https://… or file://…).";
      }
      if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
          || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException) {
        return ". The git remote cannot be reached: check the URL, the network, and that the git server is up;"
            + " nothing was recorded, so re-run the write once it is reachable.";
      }
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("no space left")) {
        return ". The disk is full: free space (the clone lives under the writer's work directory) and re-run.";
      }
      if (text.contains("permission denied") || text.contains("access denied") || text.contains("403")
          || t instanceof java.nio.file.AccessDeniedException) {
        return ". Permission was refused: check that the token (or, for a file:// remote, the operating-system user)"
            + " may write to the repository.";
      }
      if (text.contains("not found") && text.contains("repository") || text.contains("404")) {
        return ". The git remote has no such repository: check the URL.";
      }
    }
    return "";
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransportException || t instanceof org.eclipse.jgit.errors.TransportException) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (AUTH_MARKERS.stream().anyMatch(message::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  private String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  /**
   * The cause to attach: the JGit exception, unless a remote's answer echoed the token somewhere in its chain; then
   * none, since the message already carries the redacted text.
   */
  private Throwable stripped(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(credentials.redact(message))) {
        return null;
      }
    }
    return e;
  }
}
