package io.datom.spark.task;

import io.datom.spark.options.DatomWriteOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The Hadoop configuration a write ships to its tasks: the session's, as Spark's own file writes use it (it carries
 * the session's SQL settings too), without the git token, which only the driver needs.
 */
public final class ExecutorConf {

  private ExecutorConf() {}

  public static Configuration of(SparkSession spark) {
    Configuration conf = spark.sessionState().newHadoopConf();
    conf.unset(DatomWriteOptions.GIT_TOKEN_CONF);
    return conf;
  }
}
