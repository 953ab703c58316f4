package io.datom.spark.write;

import io.datom.spark.read.JobDescription;
import io.datom.spark.task.PartFormat;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Runs the Spark jobs of one write from the driver's thread: each under a description naming the table and the step
 * (as the Spark UI lists it), and with the session settings its tasks rely on, restoring the thread's own afterwards.
 */
final class WriteJobs {

  private final SparkContext sc;
  private final String table;

  WriteJobs(SparkContext sc, String table) {
    this.sc = sc;
    this.table = table;
  }

  /** Runs {@code job}, whose Spark jobs the UI describes as {@code datom write {table}: {step}}. */
  <T> T run(String step, Supplier<T> job) {
    String rebase = sc.getLocalProperty(PartFormat.REBASE_MODE_IN_WRITE);
    // Tasks read SQL settings from the local properties; Spark's writer must not rebase old dates (PartFormat).
    sc.setLocalProperty(PartFormat.REBASE_MODE_IN_WRITE, PartFormat.NO_REBASE);
    try {
      return JobDescription.run(sc, "datom write " + table + ": " + step, job);
    } finally {
      sc.setLocalProperty(PartFormat.REBASE_MODE_IN_WRITE, rebase);
    }
  }
}
