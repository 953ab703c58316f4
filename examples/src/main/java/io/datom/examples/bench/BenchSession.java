package io.datom.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** What both benchmark harnesses share: a local Spark session, a fresh store and an empty bare git remote. */
final class BenchSession implements AutoCloseable {

  final SparkSession spark;
  final Path work;
  final String store;
  final String remote;

  BenchSession(String name) throws IOException, GitAPIException {
    work = Files.createTempDirectory("datom-" + name + "-");
    store = work.resolve("store").toString();
    Path bare = work.resolve("remote.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    remote = bare.toUri().toString();
    spark = SparkSession.builder()
        .appName("datom " + name + " benchmark")
        .master(System.getProperty("bench.master", "local[2]"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  /** Resets the peak-usage counters of every heap pool. */
  static void resetPeakHeap() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Sum of the heap pools' peak usage since the last reset, in MiB. */
  static long peakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  static long argOrDefault(String[] args, int index, long fallback) {
    return args.length > index ? Long.parseLong(args[index].replace("_", "")) : fallback;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
