package io.datom.core.testing;

import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare git repository that tests push to and clone from, by a {@code file://} URL ({@link #createTemp()}) or through
 * {@link GitHttpServer}; it also reads back what was pushed.
 */
public final class BareGitRemote implements AutoCloseable {

  private final Path directory;
  private final String url;
  private final Path ownedDir;

  private BareGitRemote(Path directory, String url, Path ownedDir) {
    this.directory = directory;
    this.url = url;
    this.ownedDir = ownedDir;
  }

  /** A new empty bare repository (initial branch {@code master}) in a temporary directory, reached by file URL. */
  public static BareGitRemote createTemp() {
    Path ownedDir = TempDirs.create("remote-");
    Path directory = ownedDir.resolve("data.git");
    init(directory);
    return new BareGitRemote(directory, directory.toUri().toString(), ownedDir);
  }

  /** A new empty bare repository at {@code directory} that clients reach at {@code url}. */
  static BareGitRemote create(Path directory, String url) {
    init(directory);
    return new BareGitRemote(directory, url, directory);
  }

  private static void init(Path directory) {
    try {
      Git.init().setBare(true).setDirectory(directory.toFile()).setInitialBranch("master").call().close();
    } catch (GitAPIException e) {
      throw new IllegalStateException("Could not create bare repository " + directory, e);
    }
  }

  /**
   * Pushes a first commit holding {@code files} (path to bytes), as a repository that is not a datom project would
   * have; the remote must be empty.
   */
  public void pushFirstCommit(Map<String, byte[]> files, String message) {
    Path scratch = TempDirs.create("first-commit-");
    try {
      DataRepo.init(scratch.resolve("clone"), url, files, message, RemoteCredentials.none()).close();
    } finally {
      TempDirs.deleteRecursively(scratch);
    }
  }

  /** The URL clients use. */
  public String url() {
    return url;
  }

  /** The bare repository's directory. */
  public Path directory() {
    return directory;
  }

  /** The commit {@code branch} points at, or empty if the branch does not exist. */
  public Optional<String> head(String branch) {
    try (Repository repository = open()) {
      Ref ref = repository.exactRef(Constants.R_HEADS + branch);
      return Optional.ofNullable(ref).map(r -> r.getObjectId().getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of {@code path} in the tip of {@code branch}, or empty if either does not exist. */
  public Optional<byte[]> readFile(String branch, String path) {
    try (Repository repository = open(); RevWalk walk = new RevWalk(repository)) {
      ObjectId tip = repository.resolve(Constants.R_HEADS + branch);
      if (tip == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(tip);
      try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
        if (tree == null) {
          return Optional.empty();
        }
        ObjectLoader blob = repository.open(tree.getObjectId(0));
        return Optional.of(blob.getBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tip commit of {@code branch}, for checking messages and authors; fails if the branch does not exist. */
  public RevCommit tip(String branch) {
    try (Repository repository = open(); RevWalk walk = new RevWalk(repository)) {
      ObjectId tip = repository.resolve(Constants.R_HEADS + branch);
      if (tip == null) {
        throw new IllegalStateException("No branch '" + branch + "' in " + directory);
      }
      return walk.parseCommit(tip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Repository open() throws IOException {
    return new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
  }

  /** Deletes the repository. */
  @Override
  public void close() {
    TempDirs.deleteRecursively(ownedDir);
  }
}
