package io.datom.spark.task;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.hadoop.ParquetInputFormat;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.execution.datasources.parquet.VectorizedParquetRecordReader;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads some columns of a part file, all of its rows in order, as column batches: Spark's vectorized parquet reader,
 * the one {@code spark.read.parquet} uses, so values come back exactly as any Spark read of the object would see them.
 */
public final class PartReader implements AutoCloseable {

  /** Rows per batch, Spark's default for columnar parquet reads. */
  public static final int BATCH_ROWS = 4096;

  private final VectorizedParquetRecordReader reader;

  private PartReader(VectorizedParquetRecordReader reader) {
    this.reader = reader;
  }

  /**
   * Opens {@code path} to read {@code columns} (names and Spark types as written).
   *
   * @param conf the executor's Hadoop configuration; not modified
   */
  public static PartReader open(String path, StructType columns, Configuration conf) throws IOException {
    Path file = new Path(path);
    return open(file, 0, file.getFileSystem(conf).getFileStatus(file).getLen(), columns, conf);
  }

  /**
   * Opens the row groups of {@code file} whose midpoint lies in {@code [start, start + length)} (parquet's rule for
   * splits) to read {@code columns}.
   */
  public static PartReader open(Path file, long start, long length, StructType columns, Configuration conf)
      throws IOException {
    Configuration readConf = new Configuration(conf);
    readConf.set(ParquetInputFormat.READ_SUPPORT_CLASS, ParquetReadSupport.class.getName());
    readConf.set(ParquetReadSupport.SPARK_ROW_REQUESTED_SCHEMA(), columns.json());
    // The schema converter requires these SQL settings; names are matched exactly, as datom compares them.
    readConf.setBoolean(SQLConf.CASE_SENSITIVE().key(), true);
    readConf.setBoolean(SQLConf.PARQUET_BINARY_AS_STRING().key(), false);
    readConf.setBoolean(SQLConf.PARQUET_INT96_AS_TIMESTAMP().key(), true);
    readConf.setBoolean(SQLConf.PARQUET_INFER_TIMESTAMP_NTZ_ENABLED().key(), true);
    readConf.setBoolean(SQLConf.LEGACY_PARQUET_NANOS_AS_LONG().key(), false);
    readConf.setBoolean(SQLConf.PARQUET_FIELD_ID_READ_ENABLED().key(), false);
    VectorizedParquetRecordReader reader = new VectorizedParquetRecordReader(false, BATCH_ROWS);
    try {
      reader.initialize(new FileSplit(file, start, length, new String[0]),
          new TaskAttemptContextImpl(readConf, new TaskAttemptID()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reader.close();
      throw new IOException("Interrupted while opening " + file, e);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    return new PartReader(reader);
  }

  /** The next batch of rows (the same object each time, refilled), or {@code null} after the last row. */
  public ColumnarBatch next() throws IOException {
    ColumnarBatch batch = reader.resultBatch();
    return reader.nextBatch() ? batch : null;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
