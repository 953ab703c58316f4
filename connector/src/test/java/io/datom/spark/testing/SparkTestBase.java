package io.datom.spark.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local Spark session per test class ({@code local[2]}, UI off, two shuffle partitions, UTC session time zone,
 * datom's session extension), with small helpers in the style of Iceberg's Spark test bases.
 */
public abstract class SparkTestBase {

  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("datom-spark-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.driver.host", "127.0.0.1")
            // Datom objects store timestamps as INT64 micros, never INT96 (format §14.2).
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            // datom's SQL functions, as the docs tell users to enable them.
            .config("spark.sql.extensions", "io.datom.spark.DatomSparkSessionExtensions")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  /** Runs a SQL statement and collects its rows. */
  protected static List<Row> sql(String query, Object... args) {
    return spark.sql(String.format(query, args)).collectAsList();
  }

  /** Runs {@code body} with the given SQL settings, restoring the previous values afterwards. */
  protected static <T> T withSQLConf(Map<String, String> settings, Supplier<T> body) {
    SQLConf conf = spark.sessionState().conf();
    Map<String, String> previous = new java.util.HashMap<>();
    settings.keySet().forEach(k -> previous.put(k, conf.contains(k) ? conf.getConfString(k) : null));
    settings.forEach(conf::setConfString);
    try {
      return body.get();
    } finally {
      previous.forEach((k, v) -> {
        if (v == null) {
          conf.unsetConf(k);
        } else {
          conf.setConfString(k, v);
        }
      });
    }
  }
}
