package io.datom.spark.task;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.execution.ExplainMode;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.sql.execution.SparkPlanInfo;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.execution.metric.SQLMetricInfo;
import org.apache.spark.sql.execution.metric.SQLMetrics;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import scala.collection.JavaConverters;

/**
 * The SQL metrics of one datom write, shown on the write's node in the SQL tab of the Spark UI and the history
 * server: the rows and part bytes the executors wrote, the cv1 hashing time of each column, the size of the object
 * placed, and the driver's time placing it and committing the version.
 *
 * <p>Spark 3.5 gives a write through the V1 fallback no metrics of its own, so these are attached to the write's node
 * the way adaptive execution updates a running plan: one plan update, posted before the write's first job, because
 * the UI only aggregates task updates of metrics that its execution knew when a job started. The executors add to
 * {@link Parts} and {@link Hashing}; the driver's values are posted by {@link #publish()}.
 */
public final class WriteMetrics {

  /**
   * What the parts tasks add to.
   *
   * @param rows the rows of the new version, in part files (an append copies the current version's rows too)
   * @param files the part files written
   * @param bytes the part files' sizes, per task
   */
  public record Parts(SQLMetric rows, SQLMetric files, SQLMetric bytes) implements Serializable {
    /** Counts one part file of {@code rowCount} rows and {@code byteCount} bytes. */
    void written(long rowCount, long byteCount) {
      rows.add(rowCount);
      files.add(1);
      bytes.add(byteCount);
    }
  }

  /**
   * What the hash tasks add to.
   *
   * @param columns the columns hashed
   * @param time the time each column's hashing took, reading its values included
   */
  public record Hashing(SQLMetric columns, SQLMetric time) implements Serializable {
    /** Counts one column hashed in {@code nanos}. */
    void hashed(long nanos) {
      columns.add(1);
      time.add(nanos);
    }
  }

  private final SparkContext sc;
  private final Optional<String> executionId;
  private final Parts parts;
  private final Hashing hashing;
  private final SQLMetric objectBytes;
  private final SQLMetric placementTime;
  private final SQLMetric commitTime;

  private WriteMetrics(SparkContext sc) {
    this.sc = sc;
    this.executionId = Optional.ofNullable(sc.getLocalProperty(SQLExecution.EXECUTION_ID_KEY()));
    this.parts = new Parts(SQLMetrics.createMetric(sc, "number of output rows"),
        SQLMetrics.createMetric(sc, "number of written part files"),
        SQLMetrics.createSizeMetric(sc, "written part output", -1));
    this.hashing = new Hashing(SQLMetrics.createMetric(sc, "number of hashed columns"),
        SQLMetrics.createNanoTimingMetric(sc, "cv1 hashing time", -1));
    this.objectBytes = SQLMetrics.createSizeMetric(sc, "written object size", -1);
    this.placementTime = SQLMetrics.createTimingMetric(sc, "object placement time", -1);
    this.commitTime = SQLMetrics.createTimingMetric(sc, "commit time", -1);
  }

  /**
   * Creates the metrics of a write about to run on this thread and shows them on the node of the SQL execution
   * running it, if there is one (a write always runs in one when started from a DataFrame or SQL).
   */
  public static WriteMetrics start(SparkContext sc) {
    WriteMetrics metrics = new WriteMetrics(sc);
    metrics.showOnWriteNode();
    return metrics;
  }

  public Parts parts() {
    return parts;
  }

  public Hashing hashing() {
    return hashing;
  }

  /** Records that placing the object took {@code elapsed} and wrote {@code bytes} (0 if it was there already). */
  public void objectPlaced(long bytes, Duration elapsed) {
    objectBytes.add(bytes);
    placementTime.add(elapsed.toMillis());
  }

  /**
   * Records how long core's write protocol took; less the object's placement, that is change detection, the commit,
   * the push and the store mirror.
   */
  public void committed(Duration protocol) {
    commitTime.add(Math.max(0, protocol.toMillis() - Math.max(0, placementTime.value())));
  }

  /** Posts the driver's values to the execution, which shows them next to the executors' ones. */
  public void publish() {
    executionId.ifPresent(id -> SQLMetrics.postDriverMetricUpdates(sc, id,
        seq(List.of(objectBytes, placementTime, commitTime))));
  }

  private List<SQLMetric> all() {
    return List.of(parts.rows(), parts.files(), parts.bytes(), hashing.columns(), hashing.time(), objectBytes,
        placementTime, commitTime);
  }

  private void showOnWriteNode() {
    if (executionId.isEmpty()) {
      return;
    }
    long id = Long.parseLong(executionId.get());
    QueryExecution execution = SQLExecution.getQueryExecution(id);
    if (execution == null) {
      return;
    }
    SparkPlanInfo node = SparkPlanInfo.fromSparkPlan(execution.executedPlan());
    List<SQLMetricInfo> metrics = new ArrayList<>(JavaConverters.seqAsJavaList(node.metrics()));
    for (SQLMetric metric : all()) {
      metrics.add(new SQLMetricInfo(metric.name().get(), metric.id(), metric.metricType()));
    }
    SparkPlanInfo withMetrics = new SparkPlanInfo(node.nodeName(), node.simpleString(), node.children(),
        node.metadata(), seq(metrics));
    String description = execution.explainString(
        ExplainMode.fromString(execution.sparkSession().sessionState().conf().uiExplainMode()));
    sc.listenerBus().post(new SparkListenerSQLAdaptiveExecutionUpdate(id, description, withMetrics));
  }

  // Spark's signatures take a scala.Seq: collection.Seq on Scala 2.12, immutable.Seq on 2.13. An immutable List is
  // both, so the same source compiles for either.
  private static <T> scala.collection.immutable.List<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toList();
  }
}
