package io.datom.core.internal.write;

import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.LocalRemote;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a kept clone, and a local ({@code file://}) remote its writer pushes to, as fast at the ten-thousandth write
 * as at the first: every fetch adds a pack to the clone and every push a pack to the remote, and an object lookup
 * costs a probe per pack. The clone, shallow and so small, is repacked when its packs pile up or it has gathered
 * {@link #LOOSE_LIMIT} loose objects from its own commits; the remote's small packs are merged, and the remote
 * repacked now and then, as {@link LocalRemote#repackIfDue(int)} decides.
 *
 * <p>Upkeep never fails a write: the version is committed by then, and a repack that fails leaves the repository as
 * it was. Failures are logged.
 */
public final class CloneUpkeep {

  private static final Logger LOG = LoggerFactory.getLogger(CloneUpkeep.class);

  /** Loose objects a clone may gather before it is repacked; each write's commit adds about seven. */
  static final int LOOSE_LIMIT = 2_000;

  private final Optional<LocalRemote> localRemote;
  private final int packLimit;

  public CloneUpkeep(String remoteUrl, int packLimit) {
    this.localRemote = LocalRemote.of(remoteUrl);
    this.packLimit = packLimit;
  }

  /** Before the first push: switches off JGit's receive-side auto-gc on a local remote (see {@link LocalRemote}). */
  public void prepareRemote() {
    localRemote.ifPresent(remote -> {
      try {
        remote.disableReceiveAutoGc();
      } catch (RuntimeException e) {
        LOG.warn("Could not switch off auto-gc of the local git remote {}: {}", remote.gitDir(), e.getMessage());
      }
    });
  }

  /** After a write: repacks the clone, and a local remote, if due. */
  public void afterWrite(DataRepo clone) {
    try {
      clone.repackIfDue(packLimit, LOOSE_LIMIT);
    } catch (RuntimeException e) {
      LOG.warn("Could not repack the clone {}: {}", clone.workTree(), e.getMessage());
    }
    localRemote.ifPresent(remote -> {
      try {
        remote.repackIfDue(packLimit);
      } catch (RuntimeException e) {
        LOG.warn("Could not repack the local git remote {}: {}", remote.gitDir(), e.getMessage());
      }
    });
  }
}
