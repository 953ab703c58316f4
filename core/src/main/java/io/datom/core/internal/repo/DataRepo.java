package io.datom.core.internal.repo;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.DetachedHeadException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.api.CreateBranchCommand;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A working clone of a project's data repository (format §1.1, §11), driven through JGit.
 *
 * <p>Writers follow format §14.3: {@link #resetToRemote()} to start from the current remote state, write files in
 * {@link #workTree()}, {@link #commit} exactly those paths, then {@link #push()}; a {@link PushOutcome#REJECTED}
 * push means someone pushed first, so reset, recompute and try again. Unlike R's push this one never merges: git's
 * atomic ref update is the serialisation point.
 *
 * <p>Not thread-safe: one writer uses a clone at a time. Close it to release JGit's resources.
 */
public final class DataRepo implements AutoCloseable {

  /** The branch a new repository starts on, as libgit2 (and so the R package) names it. */
  public static final String DEFAULT_BRANCH = "master";
  /** The name {@link #init} gives the remote. */
  public static final String DEFAULT_REMOTE = "origin";

  private static final Logger LOG = LoggerFactory.getLogger(DataRepo.class);
  /** datom's own section of a clone's git config, which git ignores. */
  private static final String DATOM_SECTION = "datom";
  private static final String SHALLOW_KEY = "shallow";

  private final Git git;
  private final Path workTree;
  private final RemoteCredentials credentials;
  private final GitFailures failures;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Whether fetches go to depth 1 (see {@link #cloneShallow}); kept in the clone's config. */
  private boolean shallow;

  private DataRepo(Git git, RemoteCredentials credentials) {
    this.git = git;
    this.workTree = git.getRepository().getWorkTree().toPath();
    this.credentials = credentials;
    this.failures = new GitFailures(workTree.toString(), credentials);
    this.shallow = git.getRepository().getConfig().getBoolean(DATOM_SECTION, null, SHALLOW_KEY, false);
  }

  /**
   * Creates a repository at {@code dir} on branch {@code master}, commits {@code files} and pushes them to
   * {@code remoteUrl} as remote {@code origin}. See
   * {@link #init(Path, String, String, Map, String, RemoteCredentials)}.
   */
  public static DataRepo init(
      Path dir, String remoteUrl, Map<String, byte[]> files, String message, RemoteCredentials credentials) {
    return init(dir, remoteUrl, DEFAULT_BRANCH, files, message, credentials);
  }

  /**
   * Creates a repository at {@code dir} (which must not already hold one) on {@code branch}, with {@code remoteUrl}
   * as remote {@code origin} and the identity and settings of format §11; writes {@code files} (repository-relative
   * path to bytes), commits them with {@code message} and pushes, setting the branch's upstream.
   *
   * @throws DataRepoException if the remote already has commits on {@code branch}, or anything else fails
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   */
  public static DataRepo init(
      Path dir,
      String remoteUrl,
      String branch,
      Map<String, byte[]> files,
      String message,
      RemoteCredentials credentials) {
    GitFailures failures = new GitFailures(dir.toString(), credentials);
    if (Files.exists(dir.resolve(Constants.DOT_GIT))) {
      throw new DataRepoException(
          "Cannot initialise a data repository in " + dir + ": it already is a git repository. Open or clone it.");
    }
    Git git;
    try {
      git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
      git.remoteAdd().setName(DEFAULT_REMOTE).setUri(new URIish(remoteUrl)).call();
    } catch (GitAPIException | URISyntaxException e) {
      throw failures.of("init", null, e);
    }
    DataRepo repo = new DataRepo(git, credentials);
    try {
      repo.configure();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path path = repo.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
      repo.commit(files.keySet(), message);
      if (repo.push() != PushOutcome.OK) {
        throw new DataRepoException(
            "Could not push the first commit of " + dir + " to " + GitFailures.redactUrl(remoteUrl) + ": branch '"
                + branch + "' there already has commits. Clone the existing repository instead.");
      }
      return repo;
    } catch (IOException | RuntimeException e) {
      repo.close();
      // Leave no half-made repository behind, so that init can simply be run again once the cause is fixed.
      deleteRecursively(dir.resolve(Constants.DOT_GIT), e);
      throw e instanceof IOException io ? failures.of("init", null, io) : (RuntimeException) e;
    }
  }

  private static void deleteRecursively(Path dir, Exception failure) {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Clones {@code remoteUrl} into {@code dir} and gives the clone the identity and settings of format §11.
   *
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   */
  public static DataRepo cloneFrom(String remoteUrl, Path dir, RemoteCredentials credentials) {
    return cloneInto(remoteUrl, dir, credentials, false);
  }

  /**
   * Clones as {@link #cloneFrom} does, but only the remote's latest commit and what it holds (depth 1), and keeps the
   * clone that way: {@link #fetch()} brings the commits made since, and {@link #repackIfDue} cuts the history back to
   * the latest commit. A writer reads and commits on top of the latest commit only, so this is all it needs, and
   * cloning, fetching and repacking cost the same however long the project's history. A remote that does not serve
   * shallow fetches gets a full clone.
   *
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   */
  public static DataRepo cloneShallow(String remoteUrl, Path dir, RemoteCredentials credentials) {
    return cloneInto(remoteUrl, dir, credentials, true);
  }

  private static DataRepo cloneInto(String remoteUrl, Path dir, RemoteCredentials credentials, boolean shallow) {
    // Cloned by hand rather than with CloneCommand, whose fetch runs before the clone has datom's settings: it would
    // start JGit's detached auto-gc, which fails noisily when a short-lived clone is deleted under it.
    Git git;
    try {
      git = Git.init().setDirectory(dir.toFile()).setInitialBranch(DEFAULT_BRANCH).call();
    } catch (GitAPIException e) {
      throw new GitFailures(dir.toString(), credentials).of("clone", remoteUrl, e);
    }
    DataRepo repo = new DataRepo(git, credentials);
    try {
      repo.configure();
      if (shallow) {
        repo.keepShallow();
      }
      git.remoteAdd().setName(DEFAULT_REMOTE).setUri(new URIish(remoteUrl)).call();
      FetchResult fetched = repo.fetchBranches(DEFAULT_REMOTE, true);
      Optional<String> branch = remoteHeadBranch(fetched);
      if (branch.isPresent()) {
        repo.checkOutTracking(branch.get());
      }
      return repo;
    } catch (GitAPIException | IOException | URISyntaxException | RuntimeException e) {
      repo.close();
      // Leave nothing behind, as a failed git clone does.
      deleteRecursively(dir, e);
      throw e instanceof RuntimeException runtime ? runtime : new GitFailures(dir.toString(), credentials)
          .of("clone", remoteUrl, e);
    }
  }

  /**
   * Makes this clone shallow as {@link #cloneShallow} does, a setting kept in the clone's config. A clone made
   * otherwise becomes shallow at its next repack.
   */
  public void keepShallow() {
    if (shallow) {
      return;
    }
    try {
      setShallow(true);
    } catch (IOException e) {
      throw failures.of("configure shallow fetches", null, e);
    }
  }

  private void setShallow(boolean value) throws IOException {
    StoredConfig config = repository().getConfig();
    config.setBoolean(DATOM_SECTION, null, SHALLOW_KEY, value);
    config.save();
    shallow = value;
  }

  /**
   * Fetches the branches of {@code remote}; with {@code toDepth1} in a shallow clone, only their latest commits (unless
   * the remote cannot serve shallow fetches). Other fetches into a shallow clone are not limited in depth: the new
   * commits' parents are commits the clone has, so they bring only what changed, and a depth-limited fetch costs a
   * negotiation even when there is nothing to fetch (20 ms rather than 2 on a local remote).
   */
  private FetchResult fetchBranches(String remote, boolean toDepth1) throws GitAPIException {
    FetchCommand fetch = git.fetch().setRemote(remote).setRemoveDeletedRefs(true)
        .setCredentialsProvider(credentials.provider());
    if (!shallow || !toDepth1) {
      return fetch.call();
    }
    try {
      return fetch.setDepth(1).call();
    } catch (GitAPIException e) {
      if (!refusesShallow(e)) {
        throw e;
      }
      LOG.info("The git remote of {} does not serve shallow fetches; fetching its whole history instead", workTree);
      try {
        setShallow(false);
      } catch (IOException unsaved) {
        shallow = false; // fetch in full for as long as this instance lives
      }
      return git.fetch().setRemote(remote).setRemoveDeletedRefs(true)
          .setCredentialsProvider(credentials.provider()).call();
    }
  }

  private static boolean refusesShallow(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PackProtocolException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
          .contains("shallow")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The branch the remote's HEAD names, as {@code git clone} picks it: the symbolic target when the remote says, else
   * the default branch or any branch at HEAD's commit; empty for a remote without commits.
   */
  private static Optional<String> remoteHeadBranch(FetchResult fetched) {
    Ref head = fetched.getAdvertisedRef(Constants.HEAD);
    if (head == null || head.getObjectId() == null) {
      return Optional.empty();
    }
    if (head.isSymbolic()) {
      return Optional.of(Repository.shortenRefName(head.getTarget().getName()));
    }
    Ref preferred = fetched.getAdvertisedRef(Constants.R_HEADS + DEFAULT_BRANCH);
    if (preferred != null && head.getObjectId().equals(preferred.getObjectId())) {
      return Optional.of(DEFAULT_BRANCH);
    }
    return fetched.getAdvertisedRefs().stream()
        .filter(ref -> ref.getName().startsWith(Constants.R_HEADS) && head.getObjectId().equals(ref.getObjectId()))
        .map(ref -> Repository.shortenRefName(ref.getName()))
        .sorted()
        .findFirst();
  }

  /** Checks out {@code branch} from the remote's copy of it, tracking it, as a fresh clone does. */
  private void checkOutTracking(String branch) throws GitAPIException {
    git.checkout()
        .setCreateBranch(true)
        .setName(branch)
        .setStartPoint(DEFAULT_REMOTE + "/" + branch)
        .setUpstreamMode(CreateBranchCommand.SetupUpstreamMode.TRACK)
        .call();
  }

  /** Opens an existing clone at {@code dir}. */
  public static DataRepo open(Path dir, RemoteCredentials credentials) {
    try {
      return new DataRepo(Git.open(dir.toFile()), credentials);
    } catch (RepositoryNotFoundException e) {
      throw new DataRepoException("No git repository at " + dir + ". Clone the project's data repository there.", e);
    } catch (IOException e) {
      throw new GitFailures(dir.toString(), credentials).of("open", null, e);
    }
  }

  /**
   * Gives a clone opened again the settings {@link #cloneFrom} gives a new one: the current global identity, HTTP
   * redirects, no auto-gc. A clone kept between writers would otherwise go on committing as the identity it was
   * cloned with.
   */
  public void reapplySettings() {
    try {
      configure();
    } catch (IOException e) {
      throw failures.of("configure", null, e);
    }
  }

  /** Writes the local identity (copied from the global config, else {@code datom}) and follows HTTP redirects. */
  private void configure() throws IOException {
    CommitIdentity identity = CommitIdentity.global();
    StoredConfig config = repository().getConfig();
    config.setString("user", null, "name", identity.name());
    config.setString("user", null, "email", identity.email());
    config.setString("http", null, "followRedirects", "true");
    // No auto-gc, and never in the background: datom's clones are small and often short-lived, and a detached gc
    // (JGit starts one, holding gc.log.lock, even when it then finds nothing to do) fails noisily when the clone is
    // deleted under it.
    config.setInt("gc", null, "auto", 0);
    config.setBoolean("gc", null, "autoDetach", false);
    config.setBoolean("fetch", null, "autoGc", false);
    // No reflogs: they would keep every commit a kept clone ever held from being pruned when it is repacked.
    config.setBoolean("core", null, "logAllRefUpdates", false);
    config.save();
  }

  /** The clone's working tree. */
  public Path workTree() {
    return workTree;
  }

  /** The clone's git directory. */
  public Path gitDir() {
    return repository().getDirectory().toPath();
  }

  /**
   * Points the first remote at {@code remoteUrl} if it points elsewhere (say, the same remote spelt with user info).
   */
  public void setRemoteUrl(String remoteUrl) {
    if (remoteUrl.equals(remoteUrl())) {
      return;
    }
    try {
      git.remoteSetUrl().setRemoteName(remoteName()).setRemoteUri(new URIish(remoteUrl)).call();
    } catch (GitAPIException | URISyntaxException e) {
      throw failures.of("set the remote URL", remoteUrl, e);
    }
  }

  /**
   * Removes what a git process killed in this clone may have left: lock files that would make the next operation
   * fail ("Cannot lock index"), and the temporary and {@code .keep} files of an interrupted fetch or gc.
   *
   * <p>Only correct while no other process can be using the clone: the caller must hold it exclusively.
   *
   * @return how many leftovers were removed
   */
  public int removeLeftoversOfKilledProcesses() {
    try {
      return GitLeftovers.remove(gitDir());
    } catch (IOException e) {
      throw failures.of("remove stale lock files", null, e);
    }
  }

  /**
   * Deletes every untracked file and folder of the working tree, ignored ones included ({@code git clean -fdx}): with
   * {@link #resetToRemote()}, the clone then holds exactly the remote's latest commit, whatever an interrupted write
   * left behind.
   */
  public void removeUntracked() {
    try {
      git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    } catch (GitAPIException e) {
      throw failures.of("clean", null, e);
    }
  }

  /**
   * Repacks the clone when it is due: its packs (each fetch adds one or two) no longer grow geometrically in size or
   * are more than {@code packLimit}, or it has about {@code looseLimit} loose objects (each commit adds a few).
   * Everything unreachable is dropped at once, and so are the reflogs; in a {@linkplain #cloneShallow shallow} clone
   * that leaves the latest commits only, so a repack costs the same however long the history.
   *
   * <p>Only correct while no other process can be using the clone: the caller must hold it exclusively.
   *
   * @return whether it repacked
   */
  public boolean repackIfDue(int packLimit, int looseLimit) {
    Path gitDir = gitDir();
    try {
      boolean packsDue = PackRollup.plan(Repacker.packs(gitDir), packLimit).action() != PackRollup.Action.NONE;
      if (!packsDue && Repacker.looseObjectEstimate(gitDir) <= looseLimit) {
        return false;
      }
      GitLeftovers.remove(gitDir);
      // Reflogs of clones made before datom switched them off would keep every commit the clone ever held, and
      // ORIG_HEAD, which a reset leaves, the commits before the last one.
      FileUtils.delete(gitDir.resolve("logs").toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
      Files.deleteIfExists(gitDir.resolve(Constants.ORIG_HEAD));
      if (shallow) {
        cutHistory();
      }
      // The clone serves no fetches, so it needs no bitmap index.
      Repacker.repack((FileRepository) repository(), Duration.ZERO, Duration.ZERO, false);
      ShallowFile.dropMissing(repository());
      return true;
    } catch (IOException e) {
      throw failures.of("repack", null, e);
    }
  }

  /** The identity commits use by default: local {@code user.name}/{@code user.email}, else global, else datom's. */
  public CommitIdentity identity() {
    return CommitIdentity.fromConfig(repository().getConfig());
  }

  /** The current branch's short name. */
  public String currentBranch() {
    try {
      String full = repository().getFullBranch();
      if (full == null || !full.startsWith(Constants.R_HEADS)) {
        throw new DetachedHeadException(workTree.toString());
      }
      return full.substring(Constants.R_HEADS.length());
    } catch (IOException e) {
      throw failures.of("read HEAD", null, e);
    }
  }

  /** The commit HEAD points at, or empty before the first commit. */
  public Optional<String> headSha() {
    try {
      ObjectId head = repository().resolve(Constants.HEAD);
      return Optional.ofNullable(head).map(ObjectId::getName);
    } catch (IOException e) {
      throw failures.of("read HEAD", null, e);
    }
  }

  /** The name of the first configured remote, the one datom talks to (format §11). */
  public String remoteName() {
    return firstRemote().getName();
  }

  /** The URL of the first configured remote. */
  public String remoteUrl() {
    List<URIish> urls = firstRemote().getURIs();
    if (urls.isEmpty()) {
      throw new DataRepoException("Remote '" + remoteName() + "' of " + workTree + " has no URL. Set one.");
    }
    return urls.get(0).toString();
  }

  /** {@code url} without user info, fit for a message: a token embedded in a URL never leaks. */
  public static String redactUrl(String url) {
    return GitFailures.redactUrl(url);
  }

  private RemoteConfig firstRemote() {
    try {
      List<RemoteConfig> remotes = RemoteConfig.getAllRemoteConfigs(repository().getConfig());
      if (remotes.isEmpty()) {
        throw new DataRepoException(
            "The data repository " + workTree + " has no remote. Add the project's remote (git remote add origin …).");
      }
      return remotes.get(0);
    } catch (URISyntaxException e) {
      throw failures.of("read remotes", null, e);
    }
  }

  /**
   * Makes the remote's latest commit the clone's shallow boundary, so that the repack that follows drops the commits
   * fetched or made since the last cut. A failure leaves the history as it is, to be cut at the next repack.
   */
  private void cutHistory() {
    try {
      fetchBranches(remoteName(), true);
    } catch (GitAPIException | RuntimeException e) {
      LOG.debug("Could not cut the history of {} to the remote's latest commit: {}", workTree, e.toString());
    }
  }

  /**
   * Whether the remote at {@code remoteUrl} has any branch with a commit, asked without cloning ({@code git
   * ls-remote --heads}).
   *
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   * @throws DataRepoException if the remote cannot be reached
   */
  public static boolean remoteHasCommits(String remoteUrl, RemoteCredentials credentials) {
    try {
      return Git.lsRemoteRepository().setRemote(remoteUrl).setHeads(true)
          .setCredentialsProvider(credentials.provider()).call().stream()
          .anyMatch(ref -> ref.getObjectId() != null);
    } catch (GitAPIException e) {
      throw new GitFailures(GitFailures.redactUrl(remoteUrl), credentials).of("ls-remote", remoteUrl, e);
    }
  }

  /** Fetches the first remote's branches: what changed since the last fetch. */
  public void fetch() {
    try {
      fetchBranches(remoteName(), false);
    } catch (GitAPIException e) {
      throw failures.of("fetch", remoteUrl(), e);
    }
  }

  /**
   * Fetches, then hard-resets the current branch to its upstream ({@code {remote}/{branch}} when none is set), so
   * that the working tree holds exactly the remote's latest commit. Untracked files are left alone.
   *
   * @return the commit the branch now points at
   */
  public String resetToRemote() {
    String branch = currentBranch();
    fetch();
    String tracking = trackingRef(branch);
    try {
      Ref upstream = repository().exactRef(tracking);
      if (upstream == null) {
        throw new DataRepoException(
            "The remote " + GitFailures.redactUrl(remoteUrl()) + " has no branch '" + branch + "' to reset "
                + workTree + " to. Push the branch first, or check out a branch the remote has.");
      }
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(tracking).call();
      return upstream.getObjectId().getName();
    } catch (GitAPIException | IOException e) {
      throw failures.of("reset to " + tracking, null, e);
    }
  }

  /**
   * Fetches and returns the commit the remote's copy of the current branch is at, without touching the working tree:
   * the remote's latest state as of now.
   */
  public String fetchRemoteHead() {
    String branch = currentBranch();
    fetch();
    try {
      Ref upstream = repository().exactRef(trackingRef(branch));
      if (upstream == null) {
        throw new DataRepoException("The remote " + GitFailures.redactUrl(remoteUrl()) + " has no branch '" + branch
            + "'. Push the branch first, or check out a branch the remote has.");
      }
      return upstream.getObjectId().getName();
    } catch (IOException e) {
      throw failures.of("read " + trackingRef(branch), null, e);
    }
  }

  private String trackingRef(String branch) {
    String tracking = new BranchConfig(repository().getConfig(), branch).getRemoteTrackingBranch();
    return tracking != null ? tracking : Constants.R_REMOTES + remoteName() + "/" + branch;
  }

  /**
   * How commit {@code a} relates to commit {@code b} in this clone's history: an ancestor, a descendant, the same, or
   * unknown when the clone lacks either (it was pushed after the clone's last fetch) or they are unrelated.
   */
  public CommitOrder order(String a, String b) {
    if (a.equals(b)) {
      return CommitOrder.SAME;
    }
    try (RevWalk walk = new RevWalk(repository())) {
      ObjectId idA = ObjectId.fromString(a);
      ObjectId idB = ObjectId.fromString(b);
      if (!repository().getObjectDatabase().has(idA) || !repository().getObjectDatabase().has(idB)) {
        return CommitOrder.UNKNOWN;
      }
      RevCommit commitA = walk.parseCommit(idA);
      RevCommit commitB = walk.parseCommit(idB);
      if (walk.isMergedInto(commitA, commitB)) {
        return CommitOrder.ANCESTOR;
      }
      walk.reset();
      return walk.isMergedInto(commitB, commitA) ? CommitOrder.DESCENDANT : CommitOrder.UNKNOWN;
    } catch (IllegalArgumentException notASha) {
      return CommitOrder.UNKNOWN;
    } catch (IOException e) {
      throw failures.of("compare commits", null, e);
    }
  }

  /**
   * The top-level folders whose content differs between commits {@code from} and {@code to} (in either direction):
   * one comparison of the two root trees and of the folders that differ, so its cost follows what changed, not the
   * history.
   */
  public Set<String> changedTopLevelFolders(String from, String to) {
    try (RevWalk walk = new RevWalk(repository()); TreeWalk trees = new TreeWalk(repository())) {
      trees.addTree(walk.parseCommit(ObjectId.fromString(from)).getTree());
      trees.addTree(walk.parseCommit(ObjectId.fromString(to)).getTree());
      trees.setRecursive(false);
      trees.setFilter(TreeFilter.ANY_DIFF);
      Set<String> changed = new TreeSet<>();
      while (trees.next()) {
        if (trees.getFileMode(0) == FileMode.TREE || trees.getFileMode(1) == FileMode.TREE) {
          changed.add(trees.getNameString());
        }
      }
      return changed;
    } catch (IOException e) {
      throw failures.of("compare " + from + " with " + to, null, e);
    }
  }

  /** Commits {@code paths} with this clone's {@link #identity()} as author and committer. */
  public String commit(Collection<String> paths, String message) {
    return commit(paths, message, identity());
  }

  /**
   * Stages exactly {@code paths} (repository-relative, {@code /}-separated; a deleted file stages its removal) and
   * commits them with {@code author} as author and committer. When none of them changed no empty commit is made.
   *
   * @return the sha of HEAD afterwards: the new commit, or the unchanged HEAD when there was nothing to commit
   * @throws DetachedHeadException if HEAD is detached
   */
  public String commit(Collection<String> paths, String message, CommitIdentity author) {
    currentBranch();
    try {
      if (!paths.isEmpty()) {
        var add = git.add();
        var update = git.add().setUpdate(true);
        for (String path : paths) {
          resolve(path); // refuses a path outside the working tree before anything is staged
          add.addFilepattern(path);
          update.addFilepattern(path);
        }
        add.call();
        update.call();
      }
      // The status of those paths only: a status of the whole working tree costs a stat per file of every table.
      var statusOfPaths = git.status();
      paths.forEach(statusOfPaths::addPath);
      Status status = statusOfPaths.call();
      if (status.getAdded().isEmpty() && status.getChanged().isEmpty() && status.getRemoved().isEmpty()) {
        return headSha()
            .orElseThrow(() -> new DataRepoException("Nothing to commit in " + workTree + ", which has no commits."));
      }
      RevCommit commit =
          git.commit()
              .setMessage(message)
              .setAuthor(author.toPersonIdent())
              .setCommitter(author.toPersonIdent())
              .call();
      return commit.getName();
    } catch (GitAPIException e) {
      throw failures.of("commit", null, e);
    }
  }

  /**
   * Pushes the current branch to the same branch of the first remote ({@code refs/heads/{branch}}), and sets the
   * upstream after the first successful push. Never merges or forces.
   *
   * @return {@link PushOutcome#OK}, {@link PushOutcome#REJECTED} when the remote moved on (someone pushed first), or
   *     {@link PushOutcome#LOCKED} when the remote could not lock the branch
   * @throws DetachedHeadException if HEAD is detached
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   * @throws DataRepoException on any other failure, e.g. an unreachable remote or a refusing hook
   */
  public PushOutcome push() {
    String branch = currentBranch();
    return new BranchPush(git, credentials, failures).push(remoteName(), remoteUrl(), branch);
  }

  /** The bytes of a file in the working tree, or empty when it does not exist. */
  public Optional<byte[]> readFile(String path) {
    try {
      return Optional.of(Files.readAllBytes(resolve(path)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failures.of("read " + path, null, e);
    }
  }

  /** Resolves a repository-relative path, refusing one that leaves the working tree. */
  private Path resolve(String path) {
    Path resolved = workTree.resolve(path).normalize();
    if (!resolved.startsWith(workTree) || resolved.equals(workTree)) {
      throw new DataRepoException("Path '" + path + "' is outside the data repository " + workTree + ".");
    }
    return resolved;
  }

  private Repository repository() {
    return git.getRepository();
  }

  /** Releases JGit's resources; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      git.close();
    }
  }
}
