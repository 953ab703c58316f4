package io.datom.core;

import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.exceptions.MirrorIncompleteException;
import io.datom.core.exceptions.StoreException;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.repo.CommitOrder;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.store.MirrorDocument;
import io.datom.core.store.Store;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a project's store mirror level with git, never replacing a newer state by an older one (format §14.3 point
 * 4; the argument is in docs/writing-core.md, "The store never goes backwards").
 *
 * <p>Each mirror document (a table's history and current {@code metadata.json}, the manifest) is replaced by a
 * compare-and-swap ({@link Store#replaceMirrorDocument}) that records the commit it mirrors. A document that records a
 * commit is replaced from a descendant of that commit. A document that records a commit this clone cannot place (one
 * pushed after the clone's fetch, or one older than a shallow clone's history), or records none (R's writers record
 * nothing), is replaced only while this clone's commit is still the remote's latest, when nothing in the store can be
 * newer.
 *
 * <p>Which tables: those asked for, plus every table that changed in git since the commit the store's manifest records.
 * The manifest is written last, after the tables, so the commit it records says that every table's documents are at
 * least that new: a writer that died between its push and its mirror leaves the manifest behind, and the next writer
 * of any table mirrors what it left. A manifest without a commit means one pass over every table.
 */
final class StoreMirror {

  /** Restarts from a newer remote state before giving up; each restart met an unrecorded document and a newer push. */
  static final int MAX_ROUNDS = 10;
  /** Compare-and-swaps of one document before giving up; each failure means another writer replaced it meanwhile. */
  private static final int CAS_ATTEMPTS = 50;

  private final ProjectCheckout checkout;
  private final Store store;
  private final DataRepo repo;

  StoreMirror(ProjectCheckout checkout) {
    this.checkout = checkout;
    this.store = checkout.store();
    this.repo = checkout.repo();
  }

  /**
   * Mirrors {@code tables} and every table lagging behind git, then the manifest, from the clone's current commit
   * {@code head}.
   *
   * @param subject what is mirrored, for the error message
   * @return the commit mirrored: {@code head}, or a newer one if the clone had to move on to the remote's latest
   * @throws MirrorIncompleteException if unrecorded documents and new pushes kept forcing a restart
   */
  String catchUp(Collection<String> tables, String head, String subject) {
    return mirror(tables, head, subject, false);
  }

  /** Like {@link #catchUp}, for every table of the project whatever the manifest records: the repair. */
  String repairAll(String head, String subject) {
    return mirror(List.of(), head, subject, true);
  }

  private String mirror(Collection<String> tables, String head, String subject, boolean everyTable) {
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      if (round(tables, head, everyTable)) {
        return head;
      }
      head = checkout.syncToRemote(tables);
    }
    throw new MirrorIncompleteException(subject, MAX_ROUNDS);
  }

  /** One pass at {@code head}; false when it met an unrecorded document while {@code head} was no longer the latest. */
  private boolean round(Collection<String> tables, String head, boolean everyTable) {
    Set<String> toMirror = new TreeSet<>(tables);
    toMirror.addAll(everyTable ? checkout.tables() : lagging(head));
    for (String table : toMirror) {
      if (!mirrorTable(table, head)) {
        return false;
      }
    }
    return replace(ProjectLayout.STORE_MANIFEST, checkout.readManifest().toStoreJson(), head);
  }

  /**
   * The tables that changed in git between the commit the store's manifest records and {@code head}: every table when
   * the manifest records none, or records a commit this clone cannot place while {@code head} is the latest (older
   * than a shallow clone's history); none when the manifest is as new as {@code head} or newer.
   */
  private Set<String> lagging(String head) {
    Optional<String> recorded = store.readMirrorDocument(ProjectLayout.STORE_MANIFEST).flatMap(MirrorDocument::commit);
    if (recorded.isEmpty()) {
      return new TreeSet<>(checkout.tables());
    }
    return switch (repo.order(recorded.get(), head)) {
      case ANCESTOR -> {
        Set<String> changed = new TreeSet<>(repo.changedTopLevelFolders(recorded.get(), head));
        changed.retainAll(checkout.tables());
        yield changed;
      }
      case SAME, DESCENDANT -> Set.of();
      case UNKNOWN -> isLatest(head) ? new TreeSet<>(checkout.tables()) : Set.of();
    };
  }

  /** Snapshot, history, then current metadata, so a reader who sees a new current version finds it in the history. */
  private boolean mirrorTable(String table, String head) {
    TableState state = checkout.readTable(table);
    if (state.current().isEmpty()) {
      return true;
    }
    TableMetadata current = state.current().get();
    // A revert rewrites its version's snapshot with the new created_at, as R does: guarded like the rest.
    if (!replace(ProjectLayout.storeSnapshot(table, current.version()), current.toJson(), head)) {
      return false;
    }
    if (state.historyFile().isPresent()
        && !replace(ProjectLayout.storeHistory(table), state.historyFile().get().toStoreJson(), head)) {
      return false;
    }
    return replace(ProjectLayout.storeMetadata(table), current.toJson(), head);
  }

  /**
   * Replaces the document at {@code key} by {@code json}, which mirrors {@code head}, unless the store holds a state at
   * least as new; false when the stored document records no commit, differs, and {@code head} is no longer the latest.
   */
  private boolean replace(String key, String json, String head) {
    for (int attempt = 1; attempt <= CAS_ATTEMPTS; attempt++) {
      Optional<MirrorDocument> stored = store.readMirrorDocument(key);
      if (stored.isPresent()) {
        MirrorDocument document = stored.get();
        if (document.commit().isPresent()) {
          CommitOrder order = repo.order(document.commit().get(), head);
          if (order == CommitOrder.SAME || order == CommitOrder.DESCENDANT) {
            return true; // as new as head, or newer
          }
          if (order == CommitOrder.UNKNOWN && !isLatest(head)) {
            return true; // maybe pushed after this clone's fetch, so maybe newer: the newer writer mirrors it
          }
          // An ancestor, or a commit the clone cannot place while head is the latest: older either way.
        } else if (!sameJson(document.bytes(), json, key) && !isLatest(head)) {
          return false; // unrecorded and different: only the remote's latest state may replace it
        }
      }
      if (store.replaceMirrorDocument(key, json, head, stored)) {
        return true;
      }
    }
    throw new StoreException("The store document " + key + " of " + store.describe() + " changed under "
        + CAS_ATTEMPTS + " consecutive replacements. Another writer is rewriting it in a loop; check for a runaway job.");
  }

  /**
   * Whether {@code head} is the remote's latest commit, asked after the document in question was read: if so, whatever
   * that document mirrors was pushed before it was written, so it is at most {@code head}.
   */
  private boolean isLatest(String head) {
    return repo.fetchRemoteHead().equals(head);
  }

  private static boolean sameJson(byte[] stored, String expected, String key) {
    try {
      return JsonParser.parse(stored, key).equals(JsonParser.parse(expected, key));
    } catch (MalformedJsonException unparsable) {
      return false;
    }
  }
}
