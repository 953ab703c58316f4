package io.datom.spark.badinput;

import io.datom.core.hash.Sha256;
import io.datom.core.testing.BareGitRemote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Everything a bad input could change: every file under the stores' root (by path, with a digest of its bytes) and
 * every ref of every git remote (what {@code git log --all} starts from). Two snapshots are equal when nothing was
 * written.
 */
final class World {

  private final Path stores;
  private final List<BareGitRemote> remotes = new ArrayList<>();

  World(Path stores) {
    this.stores = stores;
  }

  /** Adds a remote to watch; returns it. */
  BareGitRemote watch(BareGitRemote remote) {
    remotes.add(remote);
    return remote;
  }

  /** What the stores and remotes hold now. */
  Snapshot snapshot() {
    return new Snapshot(files(stores), refs());
  }

  /** Every regular file under {@code root}: its path relative to {@code root}, then the SHA-256 of its bytes. */
  static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Sha256.hex(Files.readAllBytes(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private Map<String, String> refs() {
    Map<String, String> refs = new TreeMap<>();
    for (BareGitRemote remote : remotes) {
      try (Repository repository =
          new FileRepositoryBuilder().setGitDir(remote.directory().toFile()).setMustExist(true).build()) {
        for (Ref ref : repository.getRefDatabase().getRefs()) {
          refs.put(remote.url() + " " + ref.getName(),
              ref.getObjectId() == null ? "(symbolic " + ref.getTarget().getName() + ")" : ref.getObjectId().name());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return refs;
  }

  /**
   * The stores' files and the remotes' refs at one moment.
   *
   * @param files store file path to the digest of its bytes
   * @param refs  remote and ref name to the commit it points at
   */
  record Snapshot(Map<String, String> files, Map<String, String> refs) {}
}
