package io.datom.core;

import io.datom.core.store.MirrorDocument;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store that forwards everything to another and records, in order, every JSON document it was made to write: the
 * sequence a reader polling the store could have observed.
 */
final class RecordingStore implements Store {

  /** One document that landed in the store. */
  record Written(String key, String json) {}

  private final Store delegate;
  private final boolean recordsCommits;
  private final List<Written> written = new ArrayList<>();

  private RecordingStore(Store delegate, boolean recordsCommits) {
    this.delegate = delegate;
    this.recordsCommits = recordsCommits;
  }

  /** Forwards the mirror's compare-and-swaps too: a writer of this project. */
  static RecordingStore over(Store delegate) {
    return new RecordingStore(delegate, true);
  }

  /**
   * Writes mirror documents as plain overwrites that record no commit, as R's writers do (the {@link Store} defaults,
   * whose check-then-write is no guard against a concurrent writer).
   */
  static RecordingStore likeR(Store delegate) {
    return new RecordingStore(delegate, false);
  }

  /** Every document written under {@code key}, in order. */
  synchronized List<String> writtenTo(String key) {
    return written.stream().filter(w -> w.key().equals(key)).map(Written::json).toList();
  }

  @Override
  public StoreLocation location() {
    return delegate.location();
  }

  @Override
  public Optional<byte[]> read(String key) {
    return delegate.read(key);
  }

  @Override
  public InputStream open(String key) {
    return delegate.open(key);
  }

  @Override
  public boolean exists(String key) {
    return delegate.exists(key);
  }

  @Override
  public Optional<Long> size(String key) {
    return delegate.size(key);
  }

  @Override
  public synchronized void writeJson(String key, String json) {
    delegate.writeJson(key, json);
    written.add(new Written(key, json));
  }

  @Override
  public Optional<MirrorDocument> readMirrorDocument(String key) {
    return recordsCommits ? delegate.readMirrorDocument(key) : Store.super.readMirrorDocument(key);
  }

  @Override
  public synchronized boolean replaceMirrorDocument(String key, String json, String commit,
      Optional<MirrorDocument> expected) {
    if (!recordsCommits) {
      return Store.super.replaceMirrorDocument(key, json, commit, expected);
    }
    boolean replaced = delegate.replaceMirrorDocument(key, json, commit, expected);
    if (replaced) {
      written.add(new Written(key, json));
    }
    return replaced;
  }

  @Override
  public boolean putIfAbsent(String key, Path source) {
    return delegate.putIfAbsent(key, source);
  }

  @Override
  public List<String> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }
}
