package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The rows of a table's current version, in their stored order, as an RDD with one partition per row group of its
 * object: what an append puts before the new rows. Spark's own file scan cannot be used for this, because it orders
 * the splits of a file by size, not by position.
 */
public final class CurrentRows {

  private CurrentRows() {}

  /** The rows of the object at {@code object}, read as {@code schema}. */
  public static JavaRDD<InternalRow> of(JavaSparkContext jsc, Configuration conf, String object, StructType schema) {
    List<long[]> rowGroups = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(object), conf))) {
      for (BlockMetaData rowGroup : reader.getRowGroups()) {
        rowGroups.add(new long[] {rowGroup.getStartingPos(), rowGroup.getCompressedSize()});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the footer of the current version's object " + object, e);
    }
    Broadcast<SerializableHadoopConf> hadoop = jsc.broadcast(new SerializableHadoopConf(conf));
    return jsc.parallelize(rowGroups, Math.max(1, rowGroups.size()))
        .flatMap(new RowGroupRows(hadoop, object, schema));
  }

  /** Reads one row group's rows. */
  private static final class RowGroupRows implements FlatMapFunction<long[], InternalRow> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<SerializableHadoopConf> conf;
    private final String object;
    private final StructType schema;

    RowGroupRows(Broadcast<SerializableHadoopConf> conf, String object, StructType schema) {
      this.conf = conf;
      this.object = object;
      this.schema = schema;
    }

    @Override
    public Iterator<InternalRow> call(long[] range) throws IOException {
      PartReader reader = PartReader.open(new Path(object), range[0], range[1], schema, conf.value().get());
      TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> closeQuietly(reader));
      return new Iterator<>() {
        private Iterator<InternalRow> batch = Collections.emptyIterator();
        private boolean exhausted;

        @Override
        public boolean hasNext() {
          while (!batch.hasNext() && !exhausted) {
            ColumnarBatch next = nextBatch(reader);
            if (next == null) {
              exhausted = true;
            } else {
              batch = next.rowIterator();
            }
          }
          return batch.hasNext();
        }

        @Override
        public InternalRow next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return batch.next();
        }
      };
    }

    private static ColumnarBatch nextBatch(PartReader reader) {
      try {
        return reader.next();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void closeQuietly(PartReader reader) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // The task is over; nothing depends on the reader any more.
      }
    }
  }
}
