package io.datom.spark.write;

import io.datom.spark.read.JobDescription;
import io.datom.spark.task.PartFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import scala.Option;

/**
 * Runs the Spark jobs of one write from the driver's thread: each under a description naming the table and the step
 * (as the Spark UI lists it), and with the session settings its tasks rely on, restoring the thread's own afterwards.
 *
 * <p>When a job fails, Spark kills its other running tasks asynchronously, and a task that has not noticed yet may
 * still be writing a part file. A failed step therefore returns only once its jobs have no running task left (or
 * {@link #SETTLE_TIMEOUT_MS} passed), so that the write's clean-up deletes the staging directory after its last file.
 */
final class WriteJobs {

  static final long SETTLE_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(30);
  /** How long a failed step waits for the listener bus, which a busy shared cluster may never empty. */
  private static final long BUS_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);

  private final SparkContext sc;
  private final String table;

  WriteJobs(SparkContext sc, String table) {
    this.sc = sc;
    this.table = table;
  }

  /** Runs {@code job}, whose Spark jobs the UI describes as {@code datom write {table}: {step}}. */
  <T> T run(String step, Supplier<T> job) {
    String rebase = sc.getLocalProperty(PartFormat.REBASE_MODE_IN_WRITE);
    String tag = "datom-write-" + UUID.randomUUID();
    // Tasks read SQL settings from the local properties; Spark's writer must not rebase old dates (PartFormat).
    sc.setLocalProperty(PartFormat.REBASE_MODE_IN_WRITE, PartFormat.NO_REBASE);
    sc.addJobTag(tag);
    try {
      return JobDescription.run(sc, "datom write " + table + ": " + step, job);
    } catch (Exception failed) { // a failed job's SparkException is checked, though Scala does not declare it
      awaitNoRunningTasks(tag);
      throw failed;
    } finally {
      sc.removeJobTag(tag);
      sc.setLocalProperty(PartFormat.REBASE_MODE_IN_WRITE, rebase);
    }
  }

  /** Waits until the jobs tagged {@code tag} have no running task, for at most {@link #SETTLE_TIMEOUT_MS}. */
  private void awaitNoRunningTasks(String tag) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
    awaitListenerEvents(deadline);
    SparkStatusTracker tracker = sc.statusTracker();
    while (runningTasks(tracker, tag) > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Waits until the listener bus has delivered the events posted so far. The status tracker learns of jobs and tasks
   * from those events, asynchronously: right after a job fails it may not know yet of the job or of the tasks still
   * running, and would report none. The scheduler posts every task's start before the failure that ends its job, so
   * once the bus has caught up the tracker knows every task that may still write.
   */
  private void awaitListenerEvents(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    try {
      sc.listenerBus().waitUntilEmpty(Math.max(1, Math.min(left, BUS_TIMEOUT_MS)));
    } catch (TimeoutException busy) {
      // Other jobs keep the bus busy: poll what the tracker knows, until the deadline.
    } catch (RuntimeException | LinkageError notThere) {
      // waitUntilEmpty is Spark's own (private[spark] in Scala); a vendor's Spark may lack it: poll the tracker.
    }
  }

  private static int runningTasks(SparkStatusTracker tracker, String tag) {
    int running = 0;
    for (int jobId : tracker.getJobIdsForTag(tag)) {
      Option<SparkJobInfo> job = tracker.getJobInfo(jobId);
      if (job.isEmpty()) {
        continue;
      }
      for (int stageId : job.get().stageIds()) {
        Option<SparkStageInfo> stage = tracker.getStageInfo(stageId);
        running += stage.isEmpty() ? 0 : stage.get().numActiveTasks();
      }
    }
    return running;
  }
}
