package io.datom.core.testing;

import io.datom.core.store.ObjectIdentity;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that counts the requests made to it, to pin how many reads an operation costs. */
public final class CountingStore implements Store {

  private final Store delegate;
  private final AtomicInteger requests = new AtomicInteger();

  /** Counts the requests made through it to {@code delegate}. */
  public CountingStore(Store delegate) {
    this.delegate = delegate;
  }

  /** The requests made so far, of any kind. */
  public int requests() {
    return requests.get();
  }

  @Override
  public StoreLocation location() {
    return delegate.location();
  }

  @Override
  public Optional<ObjectIdentity> identity(String key) {
    requests.incrementAndGet();
    return delegate.identity(key);
  }

  @Override
  public Optional<byte[]> read(String key) {
    requests.incrementAndGet();
    return delegate.read(key);
  }

  @Override
  public InputStream open(String key) {
    requests.incrementAndGet();
    return delegate.open(key);
  }

  @Override
  public boolean exists(String key) {
    requests.incrementAndGet();
    return delegate.exists(key);
  }

  @Override
  public Optional<Long> size(String key) {
    requests.incrementAndGet();
    return delegate.size(key);
  }

  @Override
  public void writeJson(String key, String json) {
    requests.incrementAndGet();
    delegate.writeJson(key, json);
  }

  @Override
  public boolean putIfAbsent(String key, Path source) {
    requests.incrementAndGet();
    return delegate.putIfAbsent(key, source);
  }

  @Override
  public List<String> list(String prefix) {
    requests.incrementAndGet();
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    requests.incrementAndGet();
    delegate.delete(key);
  }
}
