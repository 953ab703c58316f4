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

  /**
   * Medians of two actions timed in turns, a then b, after one warm-up of each: on a machine whose load changes
   * (other processes, the OS), each pair of runs sees about the same load, so the medians compare fairly.
   */
  static double[] interleavedMedianSeconds(int runs, Runnable a, Runnable b) {
    a.run();
    b.run();
    double[] aSeconds = new double[runs];
    double[] bSeconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      aSeconds[i] = seconds(a);
      bSeconds[i] = seconds(b);
    }
    Arrays.sort(aSeconds);
    Arrays.sort(bSeconds);
    return new double[] {aSeconds[runs / 2], bSeconds[runs / 2]};
  }

  private static double seconds(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
