package io.datom.spark.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * The "write parts" job: one task per partition of the DataFrame writes that partition's rows as a part file
 * ({@link PartWriter}). Partition order is the DataFrame's row order, so the parts, sorted by index, hold the rows in
 * the order they are hashed and stored. The driver receives one small {@link WrittenPart} per non-empty partition.
 */
final class PartsJob {

  private PartsJob() {}

  /** Writes {@code data}'s partitions into {@code staging}; returns the non-empty parts in row order. */
  static List<WrittenPart> run(Dataset<Row> data, StagingArea staging) {
    SparkSession spark = data.sparkSession();
    StructType schema = data.schema();
    int[] stringOrdinals = IntStream.range(0, schema.size())
        .filter(i -> schema.fields()[i].dataType() instanceof StringType)
        .toArray();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf =
        jsc.broadcast(new SerializableHadoopConf(PartFormat.configure(spark, schema)));
    try {
      PartWriter writer = new PartWriter(conf, staging.dir(), stringOrdinals, schema.size());
      List<WrittenPart> parts = new ArrayList<>(
          data.queryExecution().toRdd().toJavaRDD().mapPartitionsWithIndex(writer, false).collect());
      parts.sort(Comparator.comparingInt(WrittenPart::index));
      return parts;
    } finally {
      conf.destroy();
    }
  }
}
