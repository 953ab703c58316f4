package io.datom.core;

import io.datom.core.store.MirrorDocument;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A store that dies part-way through a sequence of JSON writes, the way a writer process killed in the middle of its
 * store mirror leaves it: once {@linkplain #crashAfterJsonWrites armed}, it lets a given number of
 * JSON writes ({@code writeJson} or a mirror document's compare-and-swap) through and throws {@link SimulatedCrash}
 * instead of the next one (and of every later write, as a dead process writes nothing more). Reads pass through.
 */
final class CrashingStore implements Store {

  /** What the store throws in place of a write after the crash. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String message) {
      super(message);
    }
  }

  private final Store delegate;
  private volatile int allowedJsonWrites = Integer.MAX_VALUE;
  private volatile Predicate<String> crashOnKey = key -> false;
  private volatile boolean crashed;

  CrashingStore(Store delegate) {
    this.delegate = delegate;
  }

  /** From now on, lets {@code writes} JSON writes through, then crashes. */
  void crashAfterJsonWrites(int writes) {
    allowedJsonWrites = writes;
  }

  /** Crashes at the first JSON write of a key {@code keys} accepts (and stays crashed). */
  void crashOnJsonWrite(Predicate<String> keys) {
    crashOnKey = keys;
  }

  boolean crashed() {
    return crashed;
  }

  @Override
  public void writeJson(String key, String json) {
    beforeJsonWrite(key);
    delegate.writeJson(key, json);
  }

  @Override
  public Optional<MirrorDocument> readMirrorDocument(String key) {
    return delegate.readMirrorDocument(key);
  }

  @Override
  public boolean replaceMirrorDocument(String key, String json, String commit, Optional<MirrorDocument> expected) {
    beforeJsonWrite(key);
    return delegate.replaceMirrorDocument(key, json, commit, expected);
  }

  private void beforeJsonWrite(String key) {
    if (crashed || allowedJsonWrites <= 0 || crashOnKey.test(key)) {
      crashed = true;
      throw new SimulatedCrash("simulated crash instead of writing " + key);
    }
    if (allowedJsonWrites != Integer.MAX_VALUE) {
      allowedJsonWrites--;
    }
  }

  @Override
  public boolean putIfAbsent(String key, Path source) {
    if (crashed) {
      throw new SimulatedCrash("simulated crash instead of placing " + key);
    }
    return delegate.putIfAbsent(key, source);
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
  public List<String> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }
}
