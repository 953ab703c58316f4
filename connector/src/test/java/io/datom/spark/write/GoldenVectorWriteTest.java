package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.WriteResult;
import io.datom.core.internal.format.MetadataSha;
import io.datom.core.internal.format.TableMetadata;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cv1 golden vector, written through {@code df.write.format("datom")} from a DataFrame spread over three
 * partitions, gets exactly R's {@code data_sha} and {@code column_hashes}, and its stored {@code metadata.json}
 * re-hashes (format §4) to the version the history records.
 */
class GoldenVectorWriteTest extends SparkTestBase {

  @org.junit.jupiter.api.io.TempDir static Path dir;
  private static TestProjectRemote project;

  @BeforeAll
  static void emptyProject() {
    project = TestProjectRemote.local(spark, dir.resolve("store").toString());
  }

  @AfterAll
  static void deleteRemote() {
    project.close();
  }

  static Stream<Cv1Vectors.Vector> vectors() {
    return Cv1Vectors.all().stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void writesRsIdentityForEveryGoldenVector(Cv1Vectors.Vector vector) {
    WriteResult result = project.overwrite(vector.frame(spark, 3), vector.id());

    TableMetadata stored = project.metadata(vector.id());
    assertEquals(vector.dataSha(), result.dataSha());
    assertEquals(vector.dataSha(), stored.dataSha().orElseThrow());
    assertEquals(vector.columnHashes(), stored.columnHashes());
    assertEquals(vector.rows().size(), stored.nrow().getAsLong());
    String rehashed = MetadataSha.of(stored.json());
    assertEquals(result.metadataSha(), rehashed);
    assertEquals(rehashed, project.history(vector.id()).entries().get(0).version().orElseThrow());
  }
}
