package io.datom.spark.options;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class WriteSettingsTest {

  /** A session's token in an application that writes an event log is warned of, since Spark logs it unredacted. */
  @Test
  void aSessionTokenInAnApplicationWithAnEventLogIsWarnedOf() {
    SparkConf logging = new SparkConf(false).set("spark.eventLog.enabled", "true").set("spark.eventLog.dir", "/logs");
    assertTrue(WriteSettings.eventLogWarning(logging).orElseThrow().contains("--conf spark.datom.git.token"));
    assertTrue(WriteSettings.eventLogWarning(logging.clone().set(DatomWriteOptions.GIT_TOKEN_CONF, "t")).isEmpty());
    assertTrue(WriteSettings.eventLogWarning(new SparkConf(false)).isEmpty());
  }
}
