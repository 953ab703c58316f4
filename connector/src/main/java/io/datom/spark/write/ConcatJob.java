package io.datom.spark.write;

import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.ConcatTask;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/** The "concat" job: one task joins the parts into the object at {@code target} ({@link ConcatTask}). */
final class ConcatJob {

  private ConcatJob() {}

  /** Places the object made of {@code parts}, in order, at {@code target} unless one is there already. */
  static ConcatTask.Outcome run(SparkSession spark, Configuration hadoopConf, List<String> parts, String target) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoopConf));
    try {
      return jsc.parallelize(List.of(0), 1).map(new ConcatTask(conf, parts, target)).collect().get(0);
    } finally {
      conf.destroy();
    }
  }
}
