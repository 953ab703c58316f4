package io.datom.spark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.store.StoreLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePathsTest {

  @Test
  void s3LocationsUseTheGivenSchemeAndTheKeyBuildersPrefix() {
    assertEquals(Optional.of("s3a://bucket/trial"),
        StorePaths.hadoopPath(StoreLocation.s3("bucket", "/trial/", "eu-west-1"), "s3a"));
    assertEquals(Optional.of("s3://bucket"), StorePaths.hadoopPath(StoreLocation.s3("bucket", "", null), "s3"));
  }

  @Test
  void localLocationsAreFileUrisWhateverTheDefaultFilesystem() {
    assertEquals(Optional.of("file:/data/my studies/s1"),
        StorePaths.hadoopPath(StoreLocation.local("/data/my studies", "s1/"), "s3a"));
  }

  @Test
  void unknownTypesHaveNoPath() {
    assertEquals(Optional.empty(), StorePaths.hadoopPath(new StoreLocation("gcs", "b", null, null), "s3a"));
  }
}
