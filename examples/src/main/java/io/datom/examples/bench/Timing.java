package io.datom.examples.bench;

import java.util.Arrays;

/** Wall-clock timing of a repeated action: median of several runs after a warm-up. */
final class Timing {

  private Timing() {}

  static double medianSeconds(int runs, Runnable action) {
    action.run(); // warm-up: JIT, Spark's plan caches, the OS page cache
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }
}
