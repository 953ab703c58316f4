package io.datom.core;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.write.CloneLease;
import io.datom.core.internal.write.ClonePool;
import io.datom.core.internal.write.CloneUpkeep;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A writer's clone of a project's data repository, exclusively its own until {@link #close()}, together with the
 * project's identity and data store. Reads the project's files as the clone's current commit holds them.
 *
 * <p>The clone comes from the {@link ClonePool} of the remote under {@link WriterOptions#workDir()}: a clone kept
 * from an earlier writer (in this process or another), brought to the remote's latest commit by a fetch, or a new
 * one. Closing returns it to the pool.
 */
final class ProjectCheckout implements AutoCloseable {

  private final CloneLease lease;
  private final DataRepo repo;
  private final ProjectConfig config;
  private final Store store;
  private final String remote;
  private final CloneUpkeep upkeep;

  private ProjectCheckout(CloneLease lease, ProjectConfig config, Store store, WriterOptions options) {
    this.lease = lease;
    this.repo = lease.repo();
    this.config = config;
    this.store = store;
    this.remote = DataRepo.redactUrl(options.remoteUrl());
    this.upkeep = new CloneUpkeep(options.remoteUrl(), options.packLimit());
    upkeep.prepareRemote();
  }

  /**
   * Takes a clone of the project at {@code options.remoteUrl()} from the pool (fetching what changed since it was
   * last used, or cloning when no kept clone is free) and checks that {@code options.store()} is its data store.
   *
   * @throws ProjectNotFoundException if the remote has no commits
   * @throws NotADatomRepositoryException if it has no {@code .datom/project.yaml}
   * @throws StoreMismatchException if {@code project.yaml} names another store
   */
  static ProjectCheckout clone(WriterOptions options) {
    return clone(options, true);
  }

  /**
   * As {@link #clone(WriterOptions)}, but whichever store {@code project.yaml} names: for the switch of a project's
   * data store, which decides itself what the file may name.
   */
  static ProjectCheckout cloneWhereverStored(WriterOptions options) {
    return clone(options, false);
  }

  private static ProjectCheckout clone(WriterOptions options, boolean requireStore) {
    CloneLease lease = options.clonePool().acquire();
    try {
      DataRepo repo = lease.repo();
      String remote = DataRepo.redactUrl(options.remoteUrl());
      if (repo.headSha().isEmpty()) {
        throw new ProjectNotFoundException(remote);
      }
      String yaml = repo.readFile(ProjectLayout.PROJECT_FILE)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
          .orElseThrow(() -> new NotADatomRepositoryException(remote));
      ProjectConfig config = ProjectConfig.parse(yaml, ProjectLayout.PROJECT_FILE + " of " + remote);
      if (requireStore) {
        requireLocates(config, options.store());
      }
      return new ProjectCheckout(lease, config, options.store(), options);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** Takes over a clone that was just created in a leased slot (see {@link ProjectCreation}). */
  static ProjectCheckout adopt(CloneLease lease, ProjectConfig config, WriterOptions options) {
    return new ProjectCheckout(lease, config, options.store(), options);
  }

  private static void requireLocates(ProjectConfig config, Store store) {
    if (!config.locates(store.location())) {
      StoreLocation given = store.location();
      throw new StoreMismatchException(config.dataRoot().orElse(given.root()), config.dataPrefix(), given.root(),
          Optional.ofNullable(given.prefix()));
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

  /** After a write: repacks the clone, and a local remote, when they need it (see {@link CloneUpkeep}). */
  void upkeep() {
    upkeep.afterWrite(repo);
  }

  /** The clone's folder, for tests. */
  Path cloneDir() {
    return lease.dir();
  }

  /** Whether the clone was kept from an earlier writer rather than cloned for this one, for tests. */
  boolean reusedClone() {
    return lease.reused();
  }

  /** Returns the clone to the pool for the next writer. */
  @Override
  public void close() {
    lease.close();
  }
}
