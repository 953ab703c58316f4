package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.ui.SQLAppStatusStore;
import org.apache.spark.sql.execution.ui.SQLExecutionUIData;
import org.apache.spark.sql.execution.ui.SQLPlanMetric;
import org.apache.spark.sql.execution.ui.SparkPlanGraphNode;
import org.apache.spark.util.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/**
 * The SQL metrics of a write, read back from the store the SQL tab of the Spark UI and the history server render:
 * they sit on the write's node, with the values the write's jobs and driver produced.
 */
class WriteMetricsTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void emptyProject() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  private static Dataset<Row> labs(int rows) {
    return spark.sql("SELECT concat('S', id) AS usubjid, CAST(id AS INT) AS visit, id * 1.5 AS value, "
        + "CASE WHEN id % 3 = 0 THEN NULL ELSE concat('n', id) END AS note FROM range(0, " + rows + ", 1, 3)");
  }

  @Test
  void aNewVersionShowsRowsBytesHashingAndCommitOnTheWriteNode() throws Exception {
    project.overwrite(labs(1_500), "metered");
    long objectSize = (long) project.metadata("metered").sizeBytes().orElseThrow();

    Map<String, String> metrics = writeNodeMetrics();
    assertTrue(metrics.get(NODE).startsWith("OverwriteByExpressionExecV1"), metrics.get(NODE));
    assertEquals("1,500", metrics.get("number of output rows"));
    assertEquals("3", metrics.get("number of written part files"));
    assertEquals("4", metrics.get("number of hashed columns"));
    assertTrue(metrics.get("written part output").contains("KiB"), metrics.toString());
    assertTrue(metrics.get("cv1 hashing time").contains("ms"), metrics.toString());
    assertEquals(Utils.bytesToString(objectSize), metrics.get("written object size"));
    assertTrue(metrics.containsKey("object placement time"), metrics.toString());
    assertTrue(metrics.containsKey("commit time"), metrics.toString());
  }

  @Test
  void anUnchangedReExtractPlacesNoObject() throws Exception {
    project.overwrite(labs(300), "again");
    project.overwrite(labs(300), "again");

    Map<String, String> metrics = writeNodeMetrics();
    assertEquals("300", metrics.get("number of output rows"));
    assertEquals("0.0 B", metrics.get("written object size"));
  }

  @Test
  void anAppendCountsTheCurrentRowsItCopiesOnTheAppendNode() throws Exception {
    project.overwrite(labs(200), "grown");
    project.writer(labs(100), "grown").mode("append").save(project.store());

    Map<String, String> metrics = writeNodeMetrics();
    assertTrue(metrics.get(NODE).startsWith("AppendDataExecV1"), metrics.get(NODE));
    assertEquals("300", metrics.get("number of output rows"));
  }

  /** The key of the node's name in {@link #writeNodeMetrics()}. */
  private static final String NODE = "(node)";

  /**
   * The metrics, by name, of the node carrying datom's metrics in the latest execution that has one, and the node's
   * name under {@link #NODE}.
   */
  private static Map<String, String> writeNodeMetrics() throws Exception {
    spark.sparkContext().listenerBus().waitUntilEmpty();
    SQLAppStatusStore store = spark.sharedState().statusStore();
    List<SQLExecutionUIData> executions = JavaConverters.seqAsJavaList(store.executionsList());
    for (int i = executions.size() - 1; i >= 0; i--) {
      long id = executions.get(i).executionId();
      for (SparkPlanGraphNode node : JavaConverters.seqAsJavaList(store.planGraph(id).allNodes())) {
        List<SQLPlanMetric> declared = JavaConverters.seqAsJavaList(node.metrics());
        if (declared.stream().anyMatch(m -> m.name().equals("number of written part files"))) {
          Map<Object, String> values = JavaConverters.mapAsJavaMap(store.executionMetrics(id));
          Map<String, String> byName = new HashMap<>();
          declared.forEach(m -> byName.put(m.name(), values.get(m.accumulatorId())));
          byName.put(NODE, node.name());
          return byName;
        }
      }
    }
    throw new AssertionError("No execution shows datom's write metrics");
  }
}
