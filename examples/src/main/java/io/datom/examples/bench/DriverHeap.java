package io.datom.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of this JVM (the driver, when executors run elsewhere) over one measured step: the sum of the heap pools'
 * peak usage (everything allocated, garbage included, so it follows the heap's size more than what is kept), and the
 * largest old generation left after a collection, sampled every 50 ms (what the driver actually keeps).
 */
final class DriverHeap implements AutoCloseable {

  private final AtomicLong maxRetained = new AtomicLong();
  private final long gcsBefore = collections();
  private final Thread sampler;
  private volatile boolean running = true;

  private DriverHeap() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    sampler = new Thread(this::sample, "driver-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts measuring now. */
  static DriverHeap measure() {
    return new DriverHeap();
  }

  private void sample() {
    while (running) {
      maxRetained.accumulateAndGet(retainedBytes(), Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Bytes in the tenured pools after their last collection (0 before any). */
  private static long retainedBytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null && isTenured(pool.getName())) {
        bytes += afterGc.getUsed();
      }
    }
    return bytes;
  }

  private static boolean isTenured(String poolName) {
    return poolName.contains("Old") || poolName.contains("Tenured");
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
  }

  /** Sum of the heap pools' peaks since {@link #measure()}, in MiB. */
  long peakMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  /** The largest old generation seen after a collection since {@link #measure()}, in MiB. */
  long retainedMiB() {
    return Math.max(maxRetained.get(), retainedBytes()) >> 20;
  }

  /** Collections since {@link #measure()}. */
  long collectionsSince() {
    return collections() - gcsBefore;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
