package io.datom.spark.read;

import io.datom.core.ParquetIntegrity;
import io.datom.core.Snapshot;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.spark.DatomDataSource;
import io.datom.spark.DatomReadConf;
import io.datom.spark.KnownOptions;
import io.datom.spark.UnsupportedDatomOperationException;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.write.DatomWriteBuilder;
import io.datom.spark.write.WriteTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsRowLevelOperations;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TruncatableTable;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.RowLevelOperationBuilder;
import org.apache.spark.sql.connector.write.RowLevelOperationInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetTable;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * One version of a datom table as a Spark table: Spark's own {@link ParquetTable} over the version's single parquet
 * object. Scans are Spark's vectorized parquet scans, with column pruning, filter pushdown against row-group
 * statistics and splitting of the object by row groups across tasks; reading a version costs what
 * {@code spark.read.parquet} of the same object costs, plus the integrity check {@link VerifyMode} asks for. The
 * schema is read from this version's own object, never from the current version's.
 *
 * <p>Versions are immutable: {@code DELETE} and {@code TRUNCATE TABLE} are refused with datom's message (the table
 * declares row-level operations and truncation only so that Spark asks it, rather than failing with its own generic
 * message). {@code UPDATE} and {@code MERGE} are refused by the session extension
 * ({@link io.datom.spark.DatomSparkSessionExtensions}): Spark does not ask a table that accepts any schema about them.
 */
public final class DatomSparkTable implements SupportsRead, SupportsWrite, SupportsRowLevelOperations,
    TruncatableTable {

  /** Table property: the version's {@code metadata_sha}. */
  public static final String PROP_VERSION = "datom.version";
  /** Table property: the version's {@code data_sha}. */
  public static final String PROP_DATA_SHA = "datom.data_sha";
  /** Table property: the version's {@code parquet_sha}, when recorded. */
  public static final String PROP_PARQUET_SHA = "datom.parquet_sha";
  /** Table property: when the version was written (ISO-8601). */
  public static final String PROP_TIMESTAMP = "datom.timestamp";

  private static final Set<TableCapability> CAPABILITIES = Set.of(TableCapability.BATCH_READ,
      TableCapability.V1_BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.ACCEPT_ANY_SCHEMA);

  private final SparkSession spark;
  private final HadoopStore store;
  private final Snapshot snapshot;
  private final CaseInsensitiveStringMap catalogOptions;
  private final ParquetTable parquet;
  /** Why the object's footer could not be read, once {@link #schema()} tried. */
  private volatile Exception unreadable;

  private DatomSparkTable(SparkSession spark, HadoopStore store, Snapshot snapshot,
      CaseInsensitiveStringMap catalogOptions) {
    this.spark = spark;
    this.store = store;
    this.snapshot = snapshot;
    this.catalogOptions = catalogOptions;
    this.parquet = parquetTable(spark, store.pathOf(snapshot.objectKey()).toString(), name());
  }

  /** The resolved version {@code snapshot}, whose object lives in {@code store}. */
  public static DatomSparkTable of(SparkSession spark, HadoopStore store, Snapshot snapshot) {
    return of(spark, store, snapshot, CaseInsensitiveStringMap.empty());
  }

  /**
   * The resolved version {@code snapshot}, whose object lives in {@code store}, loaded by a catalog with
   * {@code catalogOptions} (which hold the settings of writes through that catalog, such as {@code repo}).
   */
  public static DatomSparkTable of(SparkSession spark, HadoopStore store, Snapshot snapshot,
      CaseInsensitiveStringMap catalogOptions) {
    return new DatomSparkTable(spark, store, snapshot, catalogOptions);
  }

  /** The version this table reads. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The store of the project this table belongs to. */
  public HadoopStore store() {
    return store;
  }

  @Override
  public String name() {
    return snapshot.table() + "@" + snapshot.version();
  }

  /**
   * The version's columns, from its object's footer. An object that cannot be read (missing, truncated, replaced)
   * gives no columns here, so that an overwrite, which needs nothing of it, can still replace the table; a scan or an
   * append then fails with the reason ({@link #newScanBuilder}, {@link #verifyObject}).
   */
  @Override
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

  /** Throws why the object cannot be read, if {@link #schema()} found it so. */
  private void requireReadable() {
    if (unreadable != null) {
      explainUnreadableObject();
      throw DatomSparkTable.<RuntimeException>rethrow(unreadable);
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

  @Override
  public Map<String, String> properties() {
    Map<String, String> props = new HashMap<>();
    props.put(TableCatalog.PROP_PROVIDER, DatomDataSource.SHORT_NAME);
    props.put(TableCatalog.PROP_LOCATION, store.pathOf(snapshot.objectKey()).toString());
    props.put(PROP_VERSION, snapshot.version());
    props.put(PROP_DATA_SHA, snapshot.dataSha());
    snapshot.parquetSha().ifPresent(sha -> props.put(PROP_PARQUET_SHA, sha));
    props.put(PROP_TIMESTAMP, snapshot.timestamp().toString());
    return props;
  }

  /**
   * Batch reads; and writes of new versions through {@link DatomWriteBuilder}, which accept any schema (a version is
   * a whole table: an overwrite may change the columns; an append checks them itself).
   */
  @Override
  public Set<TableCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return DatomWriteBuilder.into(new WriteTarget(store, snapshot.table(), Optional.of(this), catalogOptions), info);
  }

  /** Refuses {@code UPDATE}, {@code DELETE} and {@code MERGE}: rows of a version cannot change. */
  @Override
  public RowLevelOperationBuilder newRowLevelOperationBuilder(RowLevelOperationInfo info) {
    throw UnsupportedDatomOperationException.rowLevel(info.command().name(), snapshot.table());
  }

  /** Refuses {@code TRUNCATE TABLE} (and {@code DELETE} without a condition): a version has at least one row. */
  @Override
  public boolean truncateTable() {
    throw UnsupportedDatomOperationException.truncate(snapshot.table());
  }

  /**
   * Checks the version's object against its {@code parquet_sha} as a read with the session's {@code verify} setting
   * would; an append, which reads the current version's rows outside a scan, calls it first.
   *
   * @throws io.datom.core.exceptions.IntegrityCheckException if the stored bytes are not the recorded ones
   */
  public void verifyObject() {
    IntegrityGate.check(DatomReadConf.verifyMode(spark, CaseInsensitiveStringMap.empty()), spark, store, snapshot);
    schema();
    requireReadable();
  }

  /** Checks the object's integrity as the read's {@code verify} option asks, then builds Spark's parquet scan. */
  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    KnownOptions.requireReadOptions(options);
    requireReadable();
    IntegrityGate.check(DatomReadConf.verifyMode(spark, options), spark, store, snapshot);
    return parquet.newScanBuilder(options);
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
