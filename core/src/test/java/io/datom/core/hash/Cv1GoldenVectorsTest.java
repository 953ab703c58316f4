package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every table of {@code golden/cv1-vectors.json} must hash, column by column, exactly as the R package did. */
class Cv1GoldenVectorsTest {

  static List<GoldenVectors.Vector> vectors() {
    return GoldenVectors.load();
  }

  @Test
  void allVectorsAreLoaded() {
    assertEquals(19, vectors().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesDataShaAndEveryColumnHash(GoldenVectors.Vector vector) {
    TableHash hash = TableHash.ofRows(vector.columns(), vector.rows());

    assertEquals(vector.columnHashes(), hash.columnHashes(), vector.note());
    assertEquals(vector.dataSha(), hash.dataSha(), vector.note());
    assertEquals(vector.rows().size(), hash.nrow());
    assertEquals(vector.columns().size(), hash.ncol());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void dataShaIsRederivedFromTheColumnHashes(GoldenVectors.Vector vector) {
    TableHash hash = TableHash.ofColumnHashes(vector.rows().size(), vector.columnHashes());

    assertEquals(vector.dataSha(), hash.dataSha());
  }
}
