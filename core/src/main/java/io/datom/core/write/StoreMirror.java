package io.datom.core.write;

import io.datom.core.exceptions.MirrorIncompleteException;
import io.datom.core.format.ProjectLayout;
import io.datom.core.format.TableMetadata;
import io.datom.core.store.Store;
import java.util.Collection;

/**
 * Writes the store mirror of tables and the manifest from git (format §14.3, point 4), so that the store's current
 * pointers end at git's latest state and never stay behind an older one.
 *
 * <p>Each round writes, per table, the current version's snapshot, then the history, then the current
 * {@code metadata.json} (so a reader who sees a new current version finds it in the history), and finally the
 * manifest. It then fetches: if the remote moved meanwhile, the round is repeated from the new head. A mirror only
 * ends after writing the head it last saw, so the writer whose state is newest writes last.
 */
final class StoreMirror {

  /** Rounds before giving up; each round that does not end the mirror saw another writer's push. */
  static final int MAX_ROUNDS = 10;

  private final ProjectCheckout checkout;
  private final Store store;

  StoreMirror(ProjectCheckout checkout) {
    this.checkout = checkout;
    this.store = checkout.store();
  }

  /**
   * Mirrors {@code tables} and the manifest, starting from the clone's current commit {@code head}.
   *
   * @param subject what is mirrored, for the error message
   * @return the commit the store now mirrors
   * @throws MirrorIncompleteException if the remote kept moving for {@link #MAX_ROUNDS} rounds
   */
  String mirror(Collection<String> tables, String head, String subject) {
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      tables.forEach(this::writeTable);
      store.writeJson(ProjectLayout.STORE_MANIFEST, checkout.readManifest().toStoreJson());
      String latest = checkout.syncToRemote(tables);
      if (latest.equals(head)) {
        return head;
      }
      head = latest;
    }
    throw new MirrorIncompleteException(subject, MAX_ROUNDS);
  }

  private void writeTable(String table) {
    TableState state = checkout.readTable(table);
    if (state.current().isEmpty()) {
      return;
    }
    TableMetadata current = state.current().get();
    store.writeJson(ProjectLayout.storeSnapshot(table, current.version()), current.toJson());
    state.historyFile().ifPresent(history -> store.writeJson(ProjectLayout.storeHistory(table), history.toStoreJson()));
    store.writeJson(ProjectLayout.storeMetadata(table), current.toJson());
  }
}
