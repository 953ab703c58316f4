package io.datom.core;

import io.datom.core.store.Store;
import java.util.concurrent.atomic.AtomicInteger;

/** A parquet object that counts how often the writer asked it to place itself: tests of "the data is not touched". */
final class CountingParquet implements ParquetObject {

  private final ParquetObject delegate;
  private final AtomicInteger calls = new AtomicInteger();

  CountingParquet(ParquetObject delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlacedParquet placeAt(Store store, String key) {
    calls.incrementAndGet();
    return delegate.placeAt(store, key);
  }

  int calls() {
    return calls.get();
  }
}
