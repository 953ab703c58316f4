package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.hash.Sha256;
import io.datom.core.hash.TableHash;
import io.datom.spark.task.HashTask;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashJobTest extends SparkTestBase {

  @TempDir Path tmp;

  static Stream<Cv1Vectors.Vector> vectors() {
    return Cv1Vectors.all().stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void everyGoldenVectorHashesAsRDoesWhenSpreadOverPartitions(Cv1Vectors.Vector vector) {
    TableHash hash = hash(vector.frame(spark, 3));

    assertEquals(vector.columnHashes(), hash.columnHashes());
    assertEquals(vector.dataSha(), hash.dataSha());
  }

  @Test
  void valuesTheHashCannotRepresentAreRefusedForEveryOffendingColumn() {
    Dataset<Row> frame = spark.sql("SELECT CAST(id AS INT) AS ok, CASE WHEN id = 3 THEN -2147483648 ELSE 1 END AS a, "
        + "CASE WHEN id = 5 THEN concat('x', char(0)) ELSE 'y' END AS b FROM range(0, 10, 1, 3)");

    UnhashableColumnsException e = assertThrows(UnhashableColumnsException.class, () -> hash(frame));

    assertEquals(List.of("a", "b"), e.offenders().stream().map(o -> o.column()).toList());
  }

  @Test
  void aTableWithoutRowsIsRefused() {
    Dataset<Row> frame = spark.sql("SELECT id FROM range(0, 0, 1, 2)");

    UnhashableColumnsException e = assertThrows(UnhashableColumnsException.class, () -> hash(frame));

    assertEquals("`data` must have at least one row and one column.", e.getMessage());
  }

  @Test
  void joinsTheObjectWhileHashingWhenAsked() throws Exception {
    Cv1Vectors.Vector vector = Cv1Vectors.byId("lab_5000");
    Dataset<Row> frame = vector.frame(spark, 3);
    Path object = tmp.resolve("joined.parquet");
    Configuration conf = spark.sessionState().newHadoopConf();
    HashJob.Hashed hashed;
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), conf)) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      List<WrittenPart> parts = jobs.run("parts", () -> StagedParts.write(frame, staging));
      hashed = jobs.run("hash", () -> HashJob.run(spark, conf, frame.schema(), parts,
          Optional.of(object.toUri().toString()), WriteMetrics.start(spark.sparkContext()).hashing()));
    }

    assertEquals(vector.dataSha(), hashed.hash().dataSha());
    HashTask.JoinedObject joined = hashed.object().orElseThrow();
    byte[] bytes = Files.readAllBytes(object);
    assertEquals(bytes.length, joined.size());
    assertEquals(Sha256.hex(bytes), joined.sha256());
    assertEquals(frame.collectAsList(), spark.read().parquet(object.toString()).collectAsList());
  }

  private TableHash hash(Dataset<Row> frame) {
    Configuration conf = spark.sessionState().newHadoopConf();
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), conf)) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      List<WrittenPart> parts = jobs.run("parts", () -> StagedParts.write(frame, staging));
      return jobs.run("hash", () -> HashJob.run(spark, conf, frame.schema(), parts, Optional.empty(),
          WriteMetrics.start(spark.sparkContext()).hashing())).hash();
    }
  }
}
