package io.datom.core;

import io.datom.core.exceptions.ConcurrentWriteException;
import io.datom.core.exceptions.MirrorIncompleteException;
import io.datom.core.exceptions.RemoteRefLockedException;
import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.WriteInterruptedException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.RTimestamps;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.repo.CommitIdentity;
import io.datom.core.internal.repo.PushOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The write protocol of format §6 with §14.3, over one clone; see the package documentation. */
final class WriteProtocol {

  private final ProjectCheckout checkout;
  private final WriterOptions options;
  private final CommitIdentity author;
  private final ObjectResolution objects;
  private final VersionFiles files;
  private final StoreMirror mirror;

  WriteProtocol(ProjectCheckout checkout, WriterOptions options) {
    this.checkout = checkout;
    this.options = options;
    this.author = options.author().map(GitIdentity::commitIdentity).orElseGet(() -> checkout.repo().identity());
    this.objects = new ObjectResolution(checkout.store());
    this.files = new VersionFiles(checkout, author);
    this.mirror = new StoreMirror(checkout);
  }

  WriteResult write(WriteRequest request) {
    StepReporter steps = new StepReporter(options.observer(), request.table());
    MetadataDraft draft = steps.run(WriteStep.VALIDATED, () -> {
      MetadataDraft checked = new MetadataDraft(request, checkout.projectName());
      checkout.requireProjectInStore();
      return checked;
    });
    return new Attempts(request, draft, steps).run();
  }

  /** The table and the manifest at the remote commit {@code head}, as one attempt found them. */
  private record GitState(String head, TableState table, Manifest manifest) {}

  /** The attempts of one write: each recomputes from the remote's latest state until a push succeeds. */
  private final class Attempts {
    private final WriteRequest request;
    private final MetadataDraft draft;
    private final StepReporter steps;
    private final String table;
    private final long started = System.nanoTime();
    private Optional<PlacedParquet> placed = Optional.empty();
    /** When the remote first refused to lock the branch at the commit it still shows; empty while it moves. */
    private Optional<Long> lockedSince = Optional.empty();
    private String lockedAt;

    Attempts(WriteRequest request, MetadataDraft draft, StepReporter steps) {
      this.request = request;
      this.draft = draft;
      this.steps = steps;
      this.table = request.table();
    }

    WriteResult run() {
      while (true) {
        Optional<WriteResult> result = attempt();
        if (result.isPresent()) {
          return result.get();
        }
        backOff(steps.attempt());
        steps.nextAttempt();
      }
    }

    /**
     * The remote could not lock the branch. If the branch moved since this attempt synced, a concurrent push held
     * the lock: a lost race like any other. If it stays put for {@link RetryPolicy#lockPatience()}, no push holds the
     * lock but a file that a dead push left behind, which no retry can get past.
     */
    private void onLocked(String syncedAt) {
      String now = checkout.repo().fetchRemoteHead();
      if (lockedSince.isEmpty() || !now.equals(syncedAt) || !now.equals(lockedAt)) {
        lockedSince = now.equals(syncedAt) ? Optional.of(System.nanoTime()) : Optional.empty();
        lockedAt = now;
        return;
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - lockedSince.orElseThrow());
      if (waited.compareTo(options.retryPolicy().lockPatience()) >= 0) {
        throw new RemoteRefLockedException(checkout.remote(), checkout.repo().currentBranch(), waited);
      }
    }

    /** One attempt; empty when its push was rejected. */
    private Optional<WriteResult> attempt() {
      GitState git = steps.run(WriteStep.SYNCED, () -> {
        String head = checkout.syncToRemote(List.of(table));
        return new GitState(head, checkout.readTable(table), checkout.readManifest());
      });
      WriteAction action = steps.run(WriteStep.CHANGE_DETECTED, () -> {
        WriteAction detected = detectChange(git.table());
        // A version that is already current loses nothing, whatever it was computed from.
        if (detected != WriteAction.NONE) {
          request.base().ifPresent(base -> base.requireCurrent(table, git.table().current()));
        }
        return detected;
      });
      if (action == WriteAction.NONE) {
        return Optional.of(unchanged(git));
      }
      Optional<PlacedParquet> placedEarlier = placed;
      ObjectFacts object = steps.run(WriteStep.DATA_RESOLVED,
          () -> objects.resolve(action, request, draft, git.table(), placedEarlier));
      placed = object.placed().or(() -> placedEarlier);
      String now = RTimestamps.utc(options.clock().instant());
      TableMetadata metadata = draft.build(now, object.parquetSha().orElse(null), object.sizeBytes().orElse(null));
      steps.run(WriteStep.FILES_WRITTEN,
          () -> files.write(request, metadata, git.table().history(), git.manifest(), now));
      String commit = steps.run(WriteStep.COMMITTED,
          () -> checkout.repo().commit(VersionFiles.paths(table), request.message(), author));
      steps.starting(WriteStep.PUSHED);
      PushOutcome pushed = checkout.repo().push();
      if (pushed != PushOutcome.OK) {
        steps.completed(WriteStep.PUSH_REJECTED);
        if (pushed == PushOutcome.LOCKED) {
          onLocked(git.head());
        }
        return Optional.empty();
      }
      steps.completed(WriteStep.PUSHED);
      String subject = "table '" + table + "' (version " + draft.version() + ", committed as " + commit + ")";
      steps.run(WriteStep.MIRRORED, () -> mirrorCommitted(subject, () -> mirror.catchUp(List.of(table), commit,
          subject)));
      return Optional.of(new WriteResult(action, table, draft.version(), draft.dataSha(), commit,
          request.hash().nrow(), object.parquetSha(), placed.filter(PlacedParquet::created).isPresent(),
          steps.attempt()));
    }

    /** Runs the mirror of a committed version, naming a store failure as such: the version is safe in git. */
    private String mirrorCommitted(String subject, Supplier<String> mirrorRun) {
      try {
        return mirrorRun.get();
      } catch (StoreException e) {
        throw new MirrorIncompleteException(subject, e);
      }
    }

    /** Format §6 step 5, against the freshly fetched git state rather than the store's mirror of it. */
    private WriteAction detectChange(TableState state) {
      if (state.current().isEmpty()) {
        return WriteAction.FULL;
      }
      TableMetadata current = state.current().get();
      if (current.version().equals(draft.version())) {
        return WriteAction.NONE;
      }
      return current.dataSha().filter(draft.dataSha()::equals).isPresent()
          ? WriteAction.METADATA_ONLY
          : WriteAction.FULL;
    }

    /**
     * The table already has this version in git: R's {@code none}. If an interrupted earlier write left the store
     * mirror behind git, it is caught up here, so that re-running that write converges.
     */
    private WriteResult unchanged(GitState git) {
      steps.run(WriteStep.MIRRORED, () -> mirror.catchUp(List.of(table), git.head(), "table '" + table + "'"));
      return new WriteResult(WriteAction.NONE, table, draft.version(), draft.dataSha(), git.head(),
          request.hash().nrow(), git.table().current().flatMap(TableMetadata::parquetSha), false, steps.attempt());
    }

    private void backOff(int attemptsMade) {
      RetryPolicy policy = options.retryPolicy();
      Duration wait = policy.backoffAfter(attemptsMade, ThreadLocalRandom.current());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (!policy.allowsAttemptAfter(elapsed, wait)) {
        throw new ConcurrentWriteException(table, attemptsMade, elapsed, checkout.remote());
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WriteInterruptedException(table, e);
      }
    }
  }
}
