package io.datom.spark.table;

import io.datom.core.Snapshot;
import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.options.KnownOptions;
import io.datom.spark.options.ReadSettings;
import io.datom.spark.options.VerifyMode;
import io.datom.spark.read.StoredVersion;
import io.datom.spark.read.VersionRead;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.write.WriteTarget;
import java.util.HashMap;
import java.util.Map;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * One version of a datom table as a Spark table: scans are Spark's vectorized parquet scans over the version's single
 * object ({@link StoredVersion}), after the integrity check {@link VerifyMode} asks for.
 *
 * <p>Versions are immutable: {@code DELETE} and {@code TRUNCATE TABLE} are refused with datom's message (the table
 * declares row-level operations and truncation only so that Spark asks it, rather than failing with its own generic
 * message). {@code UPDATE} and {@code MERGE} are refused by the session extension
 * ({@link io.datom.spark.DatomSparkSessionExtensions}): Spark does not ask a table that accepts any schema about them.
 */
public final class DatomSparkTable implements SupportsRead, SupportsWrite, SupportsRowLevelOperations,
    TruncatableTable, VersionRead {

  /** The provider Spark shows for datom tables, and the short name of the data source. */
  public static final String PROVIDER = "datom";
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
  private final StoredVersion version;
  private final WriteTarget target;

  private DatomSparkTable(SparkSession spark, StoredVersion version, WriteTarget target) {
    this.spark = spark;
    this.version = version;
    this.target = target;
  }

  /**
   * The resolved version {@code snapshot}, whose object lives in {@code store}; writes to it go to {@code target}
   * (which carries the settings of the catalog the table was loaded from, such as {@code repo}).
   */
  public static DatomSparkTable of(SparkSession spark, Snapshot snapshot, WriteTarget target) {
    return new DatomSparkTable(spark, StoredVersion.of(spark, target.store(), snapshot), target);
  }

  /** The version this table reads. */
  @Override
  public Snapshot snapshot() {
    return version.snapshot();
  }

  /** The store of the project this table belongs to. */
  @Override
  public HadoopStore store() {
    return version.store();
  }

  @Override
  public String name() {
    return version.name();
  }

  /** The version's columns, from its object's footer; none when the object cannot be read (see StoredVersion). */
  @Override
  public StructType schema() {
    return version.schema();
  }

  @Override
  public Map<String, String> properties() {
    Snapshot snapshot = version.snapshot();
    Map<String, String> props = new HashMap<>();
    props.put(TableCatalog.PROP_PROVIDER, PROVIDER);
    props.put(TableCatalog.PROP_LOCATION, version.objectPath());
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

  /** An append to this version unless truncated. */
  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return DatomWriteBuilder.appendingTo(target, info);
  }

  /** Refuses {@code UPDATE}, {@code DELETE} and {@code MERGE}: rows of a version cannot change. */
  @Override
  public RowLevelOperationBuilder newRowLevelOperationBuilder(RowLevelOperationInfo info) {
    throw UnsupportedDatomOperationException.rowLevel(info.command().name(), snapshot().table());
  }

  /** Refuses {@code TRUNCATE TABLE} (and {@code DELETE} without a condition): a version has at least one row. */
  @Override
  public boolean truncateTable() {
    throw UnsupportedDatomOperationException.truncate(snapshot().table());
  }

  /** Checks the object's integrity as the read's {@code verify} option asks, then builds Spark's parquet scan. */
  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    KnownOptions.requireReadOptions(options);
    return version.newScanBuilder(options, ReadSettings.verifyMode(spark, options));
  }
}
