package io.datom.core.internal.repo;

import io.datom.core.exceptions.DataRepoException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pushes a branch to the same branch of a remote and reads the answer as datom needs it: OK, REJECTED or a failure. */
final class BranchPush {

  private static final Logger LOG = LoggerFactory.getLogger(BranchPush.class);

  /**
   * How servers word a refusal caused by another push moving the branch between the ref advertisement and our
   * update: JGit "invalid old id sent", C git "is at … but expected …", "stale info".
   */
  private static final List<String> REF_RACE_MARKERS = List.of("invalid old id", "but expected", "stale info");

  /**
   * How servers word a ref they could not lock: JGit "failed to lock", C git "cannot lock ref" / "Unable to create
   * '….lock'" (whose "failed to update ref" also covers it). A concurrent push causes it for a moment; a lock file left
   * by a push that died, for good: {@link PushOutcome#LOCKED} lets the caller watch which.
   */
  private static final List<String> REF_LOCK_MARKERS = List.of("lock", "failed to update ref");

  private static final List<String> CONCURRENT_PACK_MARKERS = List.of("Short read of block", "Cannot lock pack");

  private final Git git;
  private final RemoteCredentials credentials;
  private final GitFailures failures;

  BranchPush(Git git, RemoteCredentials credentials, GitFailures failures) {
    this.git = git;
    this.credentials = credentials;
    this.failures = failures;
  }

  /** Pushes {@code refs/heads/{branch}} to {@code remote}, then sets the upstream if the branch has none yet. */
  PushOutcome push(String remote, String remoteUrl, String branch) {
    String ref = Constants.R_HEADS + branch;
    Iterable<PushResult> results;
    try {
      results =
          git.push()
              .setRemote(remote)
              .setRefSpecs(new RefSpec(ref + ":" + ref))
              // Deltas against what the remote has, as git pushes: a new version_history.json goes as the few
              // hundred bytes it grew by, and the remote stores it as a delta.
              .setThin(true)
              .setCredentialsProvider(credentials.provider())
              .call();
    } catch (TransportException e) {
      if (concurrentPackWrite(e)) {
        // Another push of the same objects wrote a pack of the same name while this one read it. No ref moved:
        // it is a lost race, and the caller's recompute-and-retry handles it like a rejection.
        return PushOutcome.REJECTED;
      }
      throw failures.of("push", remoteUrl, e);
    } catch (GitAPIException e) {
      throw failures.of("push", remoteUrl, e);
    }
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(ref);
      if (update != null) {
        PushOutcome outcome = outcomeOf(update, remoteUrl);
        if (outcome == PushOutcome.OK) {
          setUpstreamIfMissing(branch, remote);
        }
        return outcome;
      }
    }
    throw new DataRepoException(
        "Git push to " + GitFailures.redactUrl(remoteUrl) + " reported nothing for " + ref + ".");
  }

  /**
   * Whether a push failed because a concurrent push of the same objects was writing a pack of the same name on the
   * remote ("Cannot lock pack" while unpacking, or "Short read of block" when reading it back). The remote refused
   * the pack before updating any ref.
   */
  private static boolean concurrentPackWrite(TransportException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && CONCURRENT_PACK_MARKERS.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }

  private PushOutcome outcomeOf(RemoteRefUpdate update, String remoteUrl) {
    return switch (update.getStatus()) {
      case OK, UP_TO_DATE -> PushOutcome.OK;
      case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> PushOutcome.REJECTED;
      case REJECTED_OTHER_REASON -> {
        if (mentions(update.getMessage(), REF_RACE_MARKERS)) {
          yield PushOutcome.REJECTED;
        }
        if (mentions(update.getMessage(), REF_LOCK_MARKERS)) {
          yield PushOutcome.LOCKED;
        }
        throw refused(update, remoteUrl);
      }
      default -> throw refused(update, remoteUrl);
    };
  }

  private static boolean mentions(String message, List<String> markers) {
    String text = String.valueOf(message).toLowerCase(Locale.ROOT);
    return markers.stream().anyMatch(text::contains);
  }

  private DataRepoException refused(RemoteRefUpdate update, String remoteUrl) {
    String reason = update.getMessage() == null ? "" : " (" + update.getMessage() + ")";
    return new DataRepoException(credentials.redact(
        "Git push of " + git.getRepository().getWorkTree() + " to " + GitFailures.redactUrl(remoteUrl)
            + " was refused for " + update.getRemoteName() + ": " + update.getStatus() + reason
            + ". Check the branch's protection rules and the token's write access."));
  }

  /** Sets {@code branch.{b}.remote/merge}; like R, a failure here only warns (format §11). */
  private void setUpstreamIfMissing(String branch, String remote) {
    StoredConfig config = git.getRepository().getConfig();
    if (new BranchConfig(config, branch).getRemoteTrackingBranch() != null) {
      return;
    }
    config.setString("branch", branch, "remote", remote);
    config.setString("branch", branch, "merge", Constants.R_HEADS + branch);
    try {
      config.save();
    } catch (IOException e) {
      LOG.warn("Could not set the upstream of branch '{}' in {}: {}", branch, git.getRepository().getWorkTree(), e.toString());
    }
  }
}
