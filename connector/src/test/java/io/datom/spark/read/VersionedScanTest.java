package io.datom.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.testing.ParquetObjects;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetScan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/** Scans go through Spark's parquet machinery: per-version schemas, pruning, pushdown and row-group splits. */
class VersionedScanTest extends SparkTestBase {

  @TempDir static Path dir;
  private static TestProject project;
  private static TestProject.Written v1;
  private static TestProject.Written v2;
  private static TestProject.Written big;

  @BeforeAll
  static void writeVersions() {
    project = TestProject.create(dir.resolve("store"), "SCANS");
    v1 = project.write("lb", spark.sql("SELECT CAST(id AS INT) AS id, CONCAT('s', id) AS name FROM range(3)"),
        "LB cut 1", Instant.parse("2026-03-01T00:00:00Z"));
    v2 = project.write("lb", spark.sql(
        "SELECT id, CONCAT('s', id) AS name, id * 1.5D AS score FROM range(4)"), "LB cut 2",
        Instant.parse("2026-04-01T00:00:00Z"));
    String rows = "SELECT id, CAST(rand(%d) * 1000 AS INT) AS value, CONCAT('code-', id %% 7) AS code FROM range(%d, %d)";
    big = project.writeRowGroups("big", List.of(
        spark.sql(String.format(rows, 1, 0, 20_000)), spark.sql(String.format(rows, 2, 20_000, 40_000))),
        "two row groups", Instant.parse("2026-05-01T00:00:00Z"));
  }

  private static Dataset<Row> read(String table, String version) {
    return spark.read().format("datom").option("table", table).option("version", version).load(project.store());
  }

  @Test
  void eachVersionHasItsOwnSchema() {
    Dataset<Row> old = read("lb", v1.version());
    assertEquals(List.of("id", "name"), Arrays.asList(old.columns()));
    assertEquals(DataTypes.IntegerType, old.schema().apply("id").dataType());
    assertEquals(3, old.count());
    Dataset<Row> current = spark.read().format("datom").option("table", "lb").load(project.store());
    assertEquals(List.of("id", "name", "score"), Arrays.asList(current.columns()));
    assertEquals(DataTypes.LongType, current.schema().apply("id").dataType());
    assertEquals(4, current.count());
  }

  @Test
  void thePlanShowsPrunedColumnsAndPushedFilters() {
    Dataset<Row> query = read("lb", v2.version()).where("score > 2.0 AND name = 's2'").select("name");
    ParquetScan scan = parquetScan(query);
    assertEquals(List.of("name", "score"), Arrays.asList(scan.readDataSchema().fieldNames()));
    List<String> pushed = Arrays.stream(scan.pushedFilters()).map(Filter::toString).toList();
    assertTrue(pushed.contains("GreaterThan(score,2.0)"), pushed.toString());
    assertTrue(pushed.contains("EqualTo(name,s2)"), pushed.toString());
    String plan = query.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("PushedFilters: [IsNotNull(score), IsNotNull(name), GreaterThan(score,2.0), EqualTo(name,s2)]"), plan);
    assertTrue(plan.contains("ReadSchema: struct<name:string,score:double>"), plan);
    assertEquals(List.of("s2"), query.as(Encoders.STRING()).collectAsList());
  }

  @Test
  void aTwoRowGroupObjectIsReadByTwoTasks() {
    assertEquals(2, ParquetObjects.rowGroups(big.object()));
    long size = big.object().toFile().length();
    withSQLConf(Map.of("spark.sql.files.maxPartitionBytes", String.valueOf(size / 2 + 1)), () -> {
      Dataset<Row> datom = spark.read().format("datom").option("table", "big").load(project.store());
      Dataset<Row> plain = spark.read().parquet(big.object().toString());
      assertEquals(2, datom.rdd().getNumPartitions());
      assertEquals(plain.rdd().getNumPartitions(), datom.rdd().getNumPartitions(), "same splits as spark.read.parquet");
      List<Long> perTask = datom.mapPartitions(
          (MapPartitionsFunction<Row, Long>) rows -> {
            long n = 0;
            while (rows.hasNext()) {
              rows.next();
              n++;
            }
            return List.of(n).iterator();
          }, Encoders.LONG()).collectAsList();
      assertEquals(List.of(20_000L, 20_000L), perTask, "each task reads one row group");
      return null;
    });
  }

  @Test
  void eachVersionIsAParquetScanOfItsOwnObject() {
    assertEquals(List.of("file:" + v1.object()), rootPaths(parquetScan(read("lb", v1.version()))));
    assertEquals(List.of("file:" + v2.object()),
        rootPaths(parquetScan(spark.read().format("datom").option("table", "lb").load(project.store()))));
  }

  private static List<String> rootPaths(ParquetScan scan) {
    return JavaConverters.seqAsJavaList(scan.fileIndex().rootPaths()).stream().map(Object::toString).toList();
  }

  private static ParquetScan parquetScan(Dataset<Row> query) {
    SparkPlan plan = query.queryExecution().executedPlan();
    List<SparkPlan> leaves = JavaConverters.seqAsJavaList(plan.collectLeaves());
    BatchScanExec scan = (BatchScanExec) leaves.stream().filter(BatchScanExec.class::isInstance).findFirst()
        .orElseThrow(() -> new AssertionError("no batch scan in " + plan));
    return (ParquetScan) scan.scan();
  }
}
