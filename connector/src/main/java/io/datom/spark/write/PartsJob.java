package io.datom.spark.write;

import io.datom.core.hash.ColumnType;
import io.datom.spark.schema.SparkColumnSpecs;
import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.PartFormat;
import io.datom.spark.task.PartWriter;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * The "write parts" job: one task per partition of the rows writes that partition as a part file
 * ({@link PartWriter}). Partition order is row order, so the parts, sorted by index, hold the rows in the order they
 * are hashed and stored. The driver receives one small {@link WrittenPart} per non-empty partition.
 */
final class PartsJob {

  private PartsJob() {}

  /**
   * Writes the partitions of {@code rows} (of {@code schema}) into {@code staging}; returns the non-empty parts in
   * row order.
   *
   * @param partFormat the Hadoop configuration of {@link PartFormat#configure}
   * @param metrics what the tasks count their parts in
   */
  static List<WrittenPart> run(JavaRDD<InternalRow> rows, StructType schema, Configuration partFormat,
      StagingArea staging, WriteMetrics.Parts metrics) {
    int[] stringOrdinals = IntStream.range(0, schema.size())
        .filter(i -> SparkColumnSpecs.of(schema.fields()[i]).type().kind() == ColumnType.Kind.STRING)
        .toArray();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(partFormat));
    try {
      PartWriter writer = new PartWriter(conf, staging.dir(), stringOrdinals, schema.size(), metrics);
      List<WrittenPart> parts = new ArrayList<>(rows.mapPartitionsWithIndex(writer, false).collect());
      parts.sort(Comparator.comparingInt(WrittenPart::index));
      return parts;
    } finally {
      conf.destroy();
    }
  }
}
