package io.datom.spark.write;

import io.datom.spark.task.PartFormat;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs the parts job on a DataFrame, as a write does. */
final class StagedParts {

  private StagedParts() {}

  static List<WrittenPart> write(Dataset<Row> frame, StagingArea staging) {
    return PartsJob.run(frame.queryExecution().toRdd().toJavaRDD(), frame.schema(),
        PartFormat.configure(frame.sparkSession(), frame.schema()), staging,
        WriteMetrics.start(frame.sparkSession().sparkContext()).parts());
  }
}
