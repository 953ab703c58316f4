package io.datom.spark.table;

import io.datom.spark.write.WriteTarget;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A datom table whose current version cannot be read from the store (its {@code metadata.json} malformed, its history
 * missing, …). It can still be overwritten, which does not need the current version, so a damaged table can always be
 * replaced from Spark; a read or an append, which need it, fail with the error that made it unreadable.
 */
public final class DamagedDatomTable implements SupportsRead, SupportsWrite {

  private static final Set<TableCapability> CAPABILITIES = Set.of(TableCapability.BATCH_READ,
      TableCapability.V1_BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.ACCEPT_ANY_SCHEMA);

  private final WriteTarget target;
  private final RuntimeException damage;

  private DamagedDatomTable(WriteTarget target, RuntimeException damage) {
    this.target = target;
    this.damage = damage;
  }

  /** The table at {@code target}, whose current version failed to load with {@code damage}. */
  public static DamagedDatomTable of(WriteTarget target, RuntimeException damage) {
    return new DamagedDatomTable(target, damage);
  }

  @Override
  public String name() {
    return target.table();
  }

  /** No columns: the current version's cannot be known, and a write defines its own (any schema is accepted). */
  @Override
  public StructType schema() {
    return new StructType();
  }

  @Override
  public Map<String, String> properties() {
    return Map.of(TableCatalog.PROP_PROVIDER, DatomSparkTable.PROVIDER,
        TableCatalog.PROP_LOCATION, target.store().describe());
  }

  @Override
  public Set<TableCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw damage;
  }

  /** An overwrite (truncating) replaces the table; an untruncated write is an append, which reads the damage. */
  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return DatomWriteBuilder.appendingTo(target, info);
  }

  /** The error that made the current version unreadable. */
  public Optional<RuntimeException> damage() {
    return Optional.of(damage);
  }
}
