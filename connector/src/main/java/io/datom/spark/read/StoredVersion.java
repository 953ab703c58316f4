package io.datom.spark.read;

import io.datom.core.ParquetIntegrity;
import io.datom.core.Snapshot;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.spark.options.VerifyMode;
import io.datom.spark.store.HadoopStore;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetTable;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * One version's parquet object as Spark reads it: Spark's own {@link ParquetTable} over the single object, with
 * column pruning, filter pushdown against row-group statistics and splitting by row groups; reading it costs what
 * {@code spark.read.parquet} of the same object costs, plus the integrity check a {@link VerifyMode} asks for. The
 * schema is read from this version's own object, never from the current version's.
 */
public final class StoredVersion implements VersionRead {

  private final SparkSession spark;
  private final HadoopStore store;
  private final Snapshot snapshot;
  private final ParquetTable parquet;
  /** Why the object's footer could not be read, once {@link #schema()} tried. */
  private volatile Exception unreadable;

  private StoredVersion(SparkSession spark, HadoopStore store, Snapshot snapshot) {
    this.spark = spark;
    this.store = store;
    this.snapshot = snapshot;
    this.parquet = parquetTable(spark, store.pathOf(snapshot.objectKey()).toString(), name());
  }

  /** The resolved version {@code snapshot}, whose object lives in {@code store}. */
  public static StoredVersion of(SparkSession spark, HadoopStore store, Snapshot snapshot) {
    return new StoredVersion(spark, store, snapshot);
  }

  @Override
  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public HadoopStore store() {
    return store;
  }

  /** The version as Spark names its table: {@code {table}@{metadata_sha}}. */
  public String name() {
    return snapshot.table() + "@" + snapshot.version();
  }

  /** Where the version's object is, as a Hadoop path. */
  public String objectPath() {
    return store.pathOf(snapshot.objectKey()).toString();
  }

  /**
   * The version's columns, from its object's footer. An object that cannot be read (missing, truncated, replaced)
   * gives no columns here, so that an overwrite, which needs nothing of it, can still replace the table; a scan or an
   * append then fails with the reason ({@link #newScanBuilder}, {@link #verify}).
   */
  public StructType schema() {
    try {
      // Spark reads the footer in a job of its own.
      return JobDescription.run(spark.sparkContext(), "datom read " + snapshot.table() + ": read schema of "
          + snapshot.objectKey(), parquet::schema);
    } catch (Exception e) { // Spark raises a bad footer as its checked SparkException
      unreadable = e;
      return new StructType();
    }
  }

  /**
   * Checks the version's object against its {@code parquet_sha} as {@code mode} asks, and that it can be read; an
   * append, which reads the current version's rows outside a scan, calls it first.
   *
   * @throws io.datom.core.exceptions.IntegrityCheckException if the stored bytes are not the recorded ones
   */
  public void verify(VerifyMode mode) {
    IntegrityGate.check(mode, spark, store, snapshot);
    schema();
    requireReadable();
  }

  /** Checks the object's integrity as {@code mode} asks, then builds Spark's parquet scan. */
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options, VerifyMode mode) {
    requireReadable();
    IntegrityGate.check(mode, spark, store, snapshot);
    return parquet.newScanBuilder(options);
  }

  /** Throws why the object cannot be read, if {@link #schema()} found it so. */
  private void requireReadable() {
    if (unreadable != null) {
      explainUnreadableObject();
      throw StoredVersion.<RuntimeException>rethrow(unreadable);
    }
  }

  // Spark's messages name a path and a parquet problem; datom's name the version's key, and say when the bytes are
  // not the ones the version recorded.
  private void explainUnreadableObject() {
    if (!store.exists(snapshot.objectKey())) {
      throw StoreObjectNotFoundException.versionObject(store.describe(), snapshot.objectKey(), snapshot.table(),
          snapshot.version());
    }
    ParquetIntegrity.verify(store, snapshot);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }

  private static ParquetTable parquetTable(SparkSession spark, String objectPath, String name) {
    // The path is one exact object: no globbing, whatever characters the store path or table name contain.
    CaseInsensitiveStringMap options =
        new CaseInsensitiveStringMap(Map.of(DataSource.GLOB_PATHS_KEY(), "false"));
    return new ParquetTable(
        name,
        spark,
        options,
        JavaConverters.asScalaBuffer(List.of(objectPath)).toList(),
        Option.empty(),
        ParquetFileFormat.class);
  }
}
