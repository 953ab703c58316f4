package io.datom.core.write;

import io.datom.core.exceptions.ConcurrentWriteException;
import io.datom.core.exceptions.WriteInterruptedException;
import io.datom.core.format.Author;
import io.datom.core.format.HistoryEntry;
import io.datom.core.format.Manifest;
import io.datom.core.format.ManifestEntry;
import io.datom.core.format.RTimestamps;
import io.datom.core.format.TableMetadata;
import io.datom.core.format.VersionHistory;
import io.datom.core.repo.GitIdentity;
import io.datom.core.repo.PushOutcome;
import io.datom.core.store.Store;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The write protocol of format §6 with §14.3, for one clone; see the package documentation. */
final class WriteProtocol {

  private final ProjectCheckout checkout;
  private final Store store;
  private final WriterOptions options;
  private final GitIdentity author;
  private final StoreMirror mirror;
  private final MirrorCheck mirrorCheck;

  WriteProtocol(ProjectCheckout checkout, WriterOptions options) {
    this.checkout = checkout;
    this.store = checkout.store();
    this.options = options;
    this.author = options.author().orElseGet(() -> checkout.repo().identity());
    this.mirror = new StoreMirror(checkout);
    this.mirrorCheck = new MirrorCheck(store);
  }

  WriteResult write(WriteRequest request) {
    String table = request.table();
    StepReporter steps = new StepReporter(options.observer(), table);
    MetadataDraft draft = steps.run(WriteStep.VALIDATED, () -> {
      MetadataDraft checked = new MetadataDraft(request, checkout.projectName());
      checkout.requireProjectInStore();
      return checked;
    });
    Optional<PlacedParquet> placed = Optional.empty();
    while (true) {
      Snapshot git = steps.run(WriteStep.SYNCED, () -> {
        String head = checkout.syncToRemote(List.of(table));
        return new Snapshot(head, checkout.readTable(table), checkout.readManifest());
      });
      WriteAction action = steps.run(WriteStep.CHANGE_DETECTED, () -> detectChange(git.table(), draft));
      if (action == WriteAction.NONE) {
        return unchanged(request, draft, git, steps);
      }
      Optional<PlacedParquet> placedEarlier = placed;
      VersionData data = steps.run(WriteStep.DATA_RESOLVED,
          () -> resolveData(action, request, draft, git.table(), placedEarlier));
      placed = data.placed().or(() -> placedEarlier);
      String now = RTimestamps.utc(options.clock().instant());
      TableMetadata metadata = draft.build(now, data.parquetSha().orElse(null), data.sizeBytes().orElse(null));
      steps.run(WriteStep.FILES_WRITTEN, () -> writeFiles(request, metadata, git, now));
      String commit = steps.run(WriteStep.COMMITTED, () -> checkout.repo().commit(
          List.of(ProjectPaths.metadataFile(table), ProjectPaths.historyFile(table), ProjectPaths.MANIFEST_FILE),
          request.message(), author));
      steps.starting(WriteStep.PUSHED);
      if (checkout.repo().push() == PushOutcome.OK) {
        steps.completed(WriteStep.PUSHED);
        steps.run(WriteStep.MIRRORED, () -> mirror.mirror(List.of(table), commit,
            "table '" + table + "' (version " + draft.version() + ", committed as " + commit + ")"));
        return new WriteResult(action, table, draft.version(), draft.dataSha(), commit, request.hash().nrow(),
            data.parquetSha(), placed.filter(PlacedParquet::created).isPresent(), steps.attempt());
      }
      steps.completed(WriteStep.PUSH_REJECTED);
      backOff(table, steps.attempt());
      steps.nextAttempt();
    }
  }

  /** A data-repository commit as the clone holds it: the table written and the manifest. */
  private record Snapshot(String head, TableState table, Manifest manifest) {}

  /**
   * What the new metadata records about the parquet object.
   *
   * @param placed the object this step placed or found by calling the {@link ParquetObject}, if it did
   */
  private record VersionData(Optional<String> parquetSha, Optional<Double> sizeBytes, Optional<PlacedParquet> placed) {}

  /** Format §6 step 5, against the freshly fetched git state rather than the store's mirror of it. */
  private static WriteAction detectChange(TableState state, MetadataDraft draft) {
    if (state.current().isEmpty()) {
      return WriteAction.FULL;
    }
    TableMetadata current = state.current().get();
    if (current.version().equals(draft.version())) {
      return WriteAction.NONE;
    }
    return current.dataSha().filter(draft.dataSha()::equals).isPresent() ? WriteAction.METADATA_ONLY
        : WriteAction.FULL;
  }

  /**
   * Format §6 step 7 with §14.3 point 2. A metadata-only write carries the current object's facts forward; a full
   * write reuses an earlier version's object for the same data when the store still has it, and otherwise lets the
   * parquet object place itself (create-if-absent). Only that last case touches the data, and at most once per
   * write: a retry after a rejected push uses the object an earlier attempt placed.
   */
  private VersionData resolveData(WriteAction action, WriteRequest request, MetadataDraft draft, TableState state,
      Optional<PlacedParquet> placedEarlier) {
    String key = ProjectPaths.dataObject(request.table(), draft.dataSha());
    if (action == WriteAction.METADATA_ONLY) {
      TableMetadata current = state.current().orElseThrow();
      Optional<Double> size = current.sizeBytes().isPresent()
          ? Optional.of(current.sizeBytes().getAsDouble())
          : store.size(key).map(Long::doubleValue);
      return new VersionData(current.parquetSha(), size, Optional.empty());
    }
    if (placedEarlier.isPresent()) {
      return placedData(placedEarlier.get());
    }
    Optional<String> recorded = state.history().entries().stream()
        .filter(entry -> entry.dataSha().filter(draft.dataSha()::equals).isPresent())
        .flatMap(entry -> entry.parquetSha().filter(sha -> !sha.isEmpty()).stream())
        .findFirst();
    if (recorded.isPresent()) {
      Optional<Long> size = store.size(key);
      if (size.isPresent()) {
        return new VersionData(recorded, Optional.of(size.get().doubleValue()), Optional.empty());
      }
    }
    return placedData(request.data().placeAt(store, key));
  }

  private static VersionData placedData(PlacedParquet placed) {
    return new VersionData(Optional.of(placed.parquetSha()), Optional.of((double) placed.sizeBytes()),
        Optional.of(placed));
  }

  /** Format §6 step 8: the current metadata, the history (with the dedup guard) and the manifest entry. */
  private void writeFiles(WriteRequest request, TableMetadata metadata, Snapshot git, String now) {
    String table = request.table();
    String version = metadata.version();
    VersionHistory history = git.table().history().prepend(HistoryEntry.of(version, metadata.dataSha().orElseThrow(),
        now, new Author(author.name(), author.email()), request.message(), metadata.parquetSha().orElse(null),
        request.originalFileSha().orElse(null)));
    ManifestEntry entry = ManifestEntry.of(version, metadata.dataSha().orElseThrow(), now,
        metadata.sizeBytes().orElse(0), history.size(), request.originalFileSha().orElse(null),
        request.originalFormat().orElse(null));
    checkout.writeFile(ProjectPaths.metadataFile(table), metadata.toGitFile());
    checkout.writeFile(ProjectPaths.historyFile(table), history.toGitFile());
    checkout.writeFile(ProjectPaths.MANIFEST_FILE, git.manifest().withTable(table, entry, now).toGitFile());
  }

  /**
   * The table already has this version in git: R's {@code none}. If an interrupted earlier write left the store
   * mirror behind git, it is caught up here, so that re-running that write converges.
   */
  private WriteResult unchanged(WriteRequest request, MetadataDraft draft, Snapshot git, StepReporter steps) {
    String table = request.table();
    boolean mirrored = mirrorCheck.table(git.table()).isEmpty() && mirrorCheck.manifest(git.manifest()).isEmpty();
    if (!mirrored) {
      steps.run(WriteStep.MIRRORED, () -> mirror.mirror(List.of(table), git.head(), "table '" + table + "'"));
    }
    return new WriteResult(WriteAction.NONE, table, draft.version(), draft.dataSha(), git.head(),
        request.hash().nrow(), git.table().current().flatMap(TableMetadata::parquetSha), false, steps.attempt());
  }

  private void backOff(String table, int attemptsMade) {
    RetryPolicy policy = options.retryPolicy();
    if (!policy.allowsAnotherAfter(attemptsMade)) {
      throw new ConcurrentWriteException(table, attemptsMade, checkout.remote());
    }
    try {
      Thread.sleep(policy.backoffAfter(attemptsMade, ThreadLocalRandom.current()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteInterruptedException(table, e);
    }
  }
}
