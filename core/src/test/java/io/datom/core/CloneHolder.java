package io.datom.core;

import io.datom.core.internal.write.CloneLease;
import io.datom.core.store.LocalStore;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer process to kill: takes a clone from the pool, leaves it the way a writer killed inside git would (an
 * unpushed commit, uncommitted and untracked files, a held index lock), prints the clone's folder and waits to be
 * killed. Arguments: remote URL, work directory, store directory.
 */
public final class CloneHolder {

  private CloneHolder() {}

  public static void main(String[] args) throws Exception {
    WriterOptions options = WriterOptions.builder(args[0], new LocalStore(Path.of(args[2]), null))
        .credentials(GitCredentials.none()).workDir(Path.of(args[1])).build();
    CloneLease lease = options.clonePool().acquire();
    Path dir = lease.dir();
    Files.writeString(dir.resolve("README.md"), "changed by a writer that will be killed", StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("lb"));
    Files.writeString(dir.resolve("lb/metadata.json"), "{}", StandardCharsets.UTF_8);
    lease.repo().commit(java.util.List.of("lb/metadata.json"), "never pushed");
    Files.writeString(dir.resolve(".git/index.lock"), "", StandardCharsets.UTF_8);
    System.out.println("HOLDING " + dir);
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } finally {
      // Without this the lease may be collected during the sleep, and with it the channel whose descriptor holds the
      // lock.
      Reference.reachabilityFence(lease);
    }
  }
}
