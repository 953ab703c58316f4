package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOutputWriter;

/**
 * The task of the parts job: writes one partition's rows, in order, to a part file in the staging directory with
 * Spark's parquet writer ({@link PartFormat}), recording the string columns' nulls ({@link NullMasks}). An empty
 * partition writes nothing. Each task attempt writes its own file, so a retried or speculative attempt never meets a
 * half-written one.
 */
public final class PartWriter implements Function2<Integer, Iterator<InternalRow>, Iterator<WrittenPart>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableHadoopConf> conf;
  private final String stagingDir;
  private final int[] stringOrdinals;
  private final int columns;
  private final WriteMetrics.Parts metrics;

  public PartWriter(Broadcast<SerializableHadoopConf> conf, String stagingDir, int[] stringOrdinals, int columns,
      WriteMetrics.Parts metrics) {
    this.conf = conf;
    this.stagingDir = stagingDir;
    this.stringOrdinals = stringOrdinals.clone();
    this.columns = columns;
    this.metrics = metrics;
  }

  @Override
  public Iterator<WrittenPart> call(Integer index, Iterator<InternalRow> rows) throws IOException {
    if (!rows.hasNext()) {
      return Collections.emptyIterator();
    }
    TaskContext task = TaskContext.get();
    String path = stagingDir + "/" + String.format("part-%05d-%d.parquet", index, task.taskAttemptId());
    Configuration taskConf = new Configuration(conf.value().get());
    TaskAttemptID attempt = new TaskAttemptID("datom", task.stageId(), TaskType.MAP, index, task.attemptNumber());
    ParquetOutputWriter writer = new ParquetOutputWriter(path, new TaskAttemptContextImpl(taskConf, attempt));
    NullMasks nulls = new NullMasks(stringOrdinals, columns);
    int count = 0;
    try {
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        nulls.record(row, count);
        writer.write(row);
        count = Math.addExact(count, 1);
      }
    } catch (ArithmeticException e) {
      throw new IllegalStateException("Partition " + index + " holds more than " + Integer.MAX_VALUE + " rows; "
          + "repartition the DataFrame before writing it (the row order is kept within partitions).", e);
    } finally {
      writer.close();
    }
    nulls.writeBeside(path, taskConf);
    long bytes = new Path(path).getFileSystem(taskConf).getFileStatus(new Path(path)).getLen();
    metrics.written(count, bytes);
    return List.of(new WrittenPart(index, path, count, bytes, nulls.counts())).iterator();
  }
}
