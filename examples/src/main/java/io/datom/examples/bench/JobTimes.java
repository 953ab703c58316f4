package io.datom.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/** Where a step's time goes: each Spark job's description (datom names table and phase) and wall time. */
final class JobTimes extends SparkListener {

  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final Map<Integer, String> descriptions = new ConcurrentHashMap<>();
  private final List<String> finished = new ArrayList<>();

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    started.put(jobStart.jobId(), jobStart.time());
    String description = jobStart.properties() == null ? null
        : jobStart.properties().getProperty("spark.job.description");
    descriptions.put(jobStart.jobId(), description == null ? "job " + jobStart.jobId() : description);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    Long start = started.remove(jobEnd.jobId());
    String description = descriptions.remove(jobEnd.jobId());
    if (start != null) {
      synchronized (finished) {
        finished.add(String.format("%s: %.1f s", description, (jobEnd.time() - start) / 1000.0));
      }
    }
  }

  /** The jobs finished since the last call, in order of their end, and forgets them. */
  List<String> drain() {
    synchronized (finished) {
      List<String> jobs = new ArrayList<>(finished);
      finished.clear();
      return jobs;
    }
  }
}
