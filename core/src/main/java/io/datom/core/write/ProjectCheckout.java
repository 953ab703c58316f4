package io.datom.core.write;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.format.Manifest;
import io.datom.core.format.ProjectConfig;
import io.datom.core.format.ProjectLayout;
import io.datom.core.format.TableMetadata;
import io.datom.core.format.VersionHistory;
import io.datom.core.repo.DataRepo;
import io.datom.core.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;

/**
 * A writer's private clone of a project's data repository, in a temporary directory it deletes on close, together
 * with the project's identity and data store. Reads the project's files as the clone's current commit holds them.
 */
final class ProjectCheckout implements AutoCloseable {

  private final Path dir;
  private final DataRepo repo;
  private final ProjectConfig config;
  private final Store store;
  private final String remote;

  private ProjectCheckout(Path dir, DataRepo repo, ProjectConfig config, Store store, String remote) {
    this.dir = dir;
    this.repo = repo;
    this.config = config;
    this.store = store;
    this.remote = remote;
  }

  /**
   * Clones the project at {@code options.remoteUrl()} and checks that {@code options.store()} is its data store.
   *
   * @throws ProjectNotFoundException if the remote has no commits
   * @throws NotADatomRepositoryException if it has no {@code .datom/project.yaml}
   * @throws StoreMismatchException if {@code project.yaml} names another store
   */
  static ProjectCheckout clone(WriterOptions options) {
    Path dir = newCloneDir(options.workDir());
    DataRepo repo = null;
    try {
      repo = DataRepo.cloneFrom(options.remoteUrl(), dir, options.credentials());
      String remote = DataRepo.redactUrl(options.remoteUrl());
      if (repo.headSha().isEmpty()) {
        throw new ProjectNotFoundException(remote);
      }
      String yaml = repo.readFile(ProjectLayout.PROJECT_FILE)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
          .orElseThrow(() -> new NotADatomRepositoryException(remote));
      ProjectConfig config = ProjectConfig.parse(yaml, ProjectLayout.PROJECT_FILE + " of " + remote);
      requireLocates(config, options.store());
      return new ProjectCheckout(dir, repo, config, options.store(), remote);
    } catch (RuntimeException e) {
      if (repo != null) {
        repo.close();
      }
      deleteQuietly(dir, e);
      throw e;
    }
  }

  /** Takes over a clone that was just created in {@code dir} (see {@link ProjectCreation}). */
  static ProjectCheckout adopt(Path dir, DataRepo repo, ProjectConfig config, Store store, String remoteUrl) {
    return new ProjectCheckout(dir, repo, config, store, DataRepo.redactUrl(remoteUrl));
  }

  /** A new, empty directory for a clone under {@code workDir}. */
  static Path newCloneDir(Path workDir) {
    try {
      return Files.createTempDirectory(Files.createDirectories(workDir), "datom-clone-");
    } catch (IOException e) {
      throw new DataRepoException("Could not create a directory for the data repository clone in " + workDir, e);
    }
  }

  private static void requireLocates(ProjectConfig config, Store store) {
    if (!config.locates(store.location())) {
      throw new StoreMismatchException(
          config.dataRoot().orElse(store.location().root()), config.dataPrefix(), store.location());
    }
  }

  /** The project's name, from {@code project.yaml}. */
  String projectName() {
    return config.projectName();
  }

  DataRepo repo() {
    return repo;
  }

  Store store() {
    return store;
  }

  /** The remote, fit for messages. */
  String remote() {
    return remote;
  }

  /**
   * Refuses to go on when the store holds no project: a wrong or missing store, or a creation whose manifest mirror
   * never happened. Also the probe that an unreachable store fails before anything is written.
   *
   * @throws ProjectNotInStoreException if {@code .metadata/manifest.json} is missing
   */
  void requireProjectInStore() {
    if (!store.exists(ProjectLayout.STORE_MANIFEST)) {
      throw new ProjectNotInStoreException(projectName(), store.describe());
    }
  }

  /**
   * Brings the clone to the remote's latest commit. The files of {@code tables} are removed first, so that files an
   * interrupted write left uncommitted cannot survive the reset as untracked leftovers.
   *
   * @return the commit the clone is now at
   */
  String syncToRemote(Collection<String> tables) {
    for (String table : tables) {
      deleteIfExists(ProjectLayout.metadataFile(table));
      deleteIfExists(ProjectLayout.historyFile(table));
    }
    return repo.resetToRemote();
  }

  /** The table as the clone's current commit holds it. */
  TableState readTable(String table) {
    Optional<TableMetadata> current = read(ProjectLayout.metadataFile(table)).map(
        text -> TableMetadata.parse(text, source(ProjectLayout.metadataFile(table))));
    Optional<VersionHistory> history = read(ProjectLayout.historyFile(table))
        .map(text -> VersionHistory.parse(text, source(ProjectLayout.historyFile(table))));
    return new TableState(table, current, history);
  }

  /** The manifest as the clone's current commit holds it; R's starting point when the file is missing. */
  Manifest readManifest() {
    return read(ProjectLayout.MANIFEST_FILE)
        .map(text -> Manifest.parse(text, source(ProjectLayout.MANIFEST_FILE)))
        .orElseGet(() -> Manifest.absent(projectName()));
  }

  /** The tables: top-level folders holding a {@code metadata.json}, minus hidden and known non-table folders. */
  List<String> tables() {
    try (Stream<Path> children = Files.list(repo.workTree())) {
      return children
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !ProjectLayout.NOT_TABLES.contains(name))
          .filter(name -> Files.isRegularFile(repo.workTree().resolve(ProjectLayout.metadataFile(name))))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DataRepoException("Could not list the tables of the clone " + repo.workTree(), e);
    }
  }

  /** Writes a file of the working tree (UTF-8), creating its folder. */
  void writeFile(String path, String content) {
    Path file = repo.workTree().resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataRepoException("Could not write " + file, e);
    }
  }

  private Optional<String> read(String path) {
    return repo.readFile(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private String source(String path) {
    return path + " in the data repository " + remote;
  }

  private void deleteIfExists(String path) {
    try {
      Files.deleteIfExists(repo.workTree().resolve(path));
    } catch (IOException e) {
      throw new DataRepoException("Could not clean " + path + " in the clone " + repo.workTree(), e);
    }
  }

  @Override
  public void close() {
    repo.close();
    deleteQuietly(dir, null);
  }

  static void deleteQuietly(Path dir, Exception failure) {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
