package io.datom.core;

import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.RemoteCredentials;
import io.datom.core.store.LocalStore;
import io.datom.core.testing.BareGitRemote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A writable copy of the R fixture project: its bundle pushed to a fresh bare remote, its store copied to a temporary
 * directory, and {@code project.yaml} pointed at that copy the way R's {@code datom_repo_set_data_store} does.
 */
final class RFixtureProject {

  private RFixtureProject() {}

  /** Copies the fixture into {@code tmp} and returns its remote; the store copy is at {@link #storeDir}. */
  static BareGitRemote copy(Path tmp) {
    BareGitRemote remote = BareGitRemote.createTemp();
    try {
      copyTree(RFixture.storeRoot(), storeDir(tmp));
      Path bundleClone = tmp.resolve("bundle-clone");
      try (Git git = Git.cloneRepository().setURI(RFixture.path("data-repo.bundle").toString())
          .setDirectory(bundleClone.toFile()).call()) {
        git.push().setRemote(remote.url()).setRefSpecs(new RefSpec("refs/heads/master:refs/heads/master")).call();
      }
      relocateStore(remote, tmp);
      return remote;
    } catch (IOException | GitAPIException | RuntimeException e) {
      remote.close();
      throw new IllegalStateException("Could not copy the R fixture project", e);
    }
  }

  static Path storeDir(Path tmp) {
    return tmp.resolve("store");
  }

  static LocalStore store(Path tmp) {
    return new LocalStore(storeDir(tmp), null);
  }

  private static void relocateStore(BareGitRemote remote, Path tmp) throws IOException {
    Path clone = tmp.resolve("relocate");
    try (DataRepo repo = DataRepo.cloneFrom(remote.url(), clone, RemoteCredentials.none());
        LocalStore store = store(tmp)) {
      Path yaml = clone.resolve(".datom/project.yaml");
      ProjectConfig config = ProjectConfig.parse(Files.readString(yaml), yaml.toString());
      Files.writeString(yaml, config.withDataStore(store.location()).toYaml(), StandardCharsets.UTF_8);
      repo.commit(List.of(".datom/project.yaml"), "Update data store: " + RFixture.PROJECT,
          RFixture.AUTHOR.commitIdentity());
      repo.push();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
