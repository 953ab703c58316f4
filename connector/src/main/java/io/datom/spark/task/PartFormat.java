package io.datom.spark.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Map$;

/**
 * How the parts of a version's object are encoded (format §14.2): Spark's own parquet writer, as
 * {@code df.write.parquet} uses it, with INT64 {@code TIMESTAMP(MICROS)} timestamps (never INT96, which arrow reads as
 * nanoseconds), dates and timestamps written as they are (no Julian rebasing: R reads the proleptic Gregorian values),
 * the standard rather than the legacy layout, snappy compression, every column optional, and row groups of
 * {@link #ROW_GROUP_BYTES} so that readers can split one large object across tasks.
 */
public final class PartFormat {

  /** Target row-group size: a 10-million-row version becomes a few dozen row groups, each one read task. */
  public static final long ROW_GROUP_BYTES = 32L << 20;

  /** The session setting that rebases old dates on write; the executors see the value the driver's thread sets. */
  public static final String REBASE_MODE_IN_WRITE = SQLConf.PARQUET_REBASE_MODE_IN_WRITE().key();

  /** No rebasing: values are stored as Spark holds them, in the proleptic Gregorian calendar R and arrow use. */
  public static final String NO_REBASE = "CORRECTED";

  private PartFormat() {}

  /** The schema the parts are written with: the table's columns, every one nullable, without field metadata. */
  public static StructType storedSchema(StructType schema) {
    return new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, Metadata.empty()))
        .toArray(StructField[]::new));
  }

  /**
   * A Hadoop configuration, derived from the session's, that makes Spark's {@code ParquetOutputWriter} write parts of
   * {@code schema} in this format.
   */
  public static Configuration configure(SparkSession spark, StructType schema) {
    SQLConf sqlConf = spark.sessionState().conf().clone();
    Map<String, String> format = Map.of(
        SQLConf.PARQUET_OUTPUT_TIMESTAMP_TYPE().key(), "TIMESTAMP_MICROS",
        SQLConf.PARQUET_WRITE_LEGACY_FORMAT().key(), "false",
        SQLConf.PARQUET_FIELD_ID_WRITE_ENABLED().key(), "false",
        SQLConf.PARQUET_COMPRESSION().key(), "snappy");
    format.forEach(sqlConf::setConfString);
    try {
      Job job = Job.getInstance(ExecutorConf.of(spark));
      // Also in the Hadoop conf, which carries the session's own values: from Spark 4.2 on, prepareWrite sets these
      // only where that conf has none, so a session's INT96 would otherwise win.
      format.forEach(job.getConfiguration()::set);
      ParquetUtils.prepareWrite(sqlConf, job, storedSchema(schema), new ParquetOptions(Map$.MODULE$.empty(), sqlConf));
      Configuration conf = job.getConfiguration();
      conf.setLong(ParquetOutputFormat.BLOCK_SIZE, ROW_GROUP_BYTES);
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not configure the parquet writer", e);
    }
  }
}
