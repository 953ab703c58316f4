package io.datom.spark.table;

import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.write.WriteTarget;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * A datom table about to receive a version that defines it whole: one being created ({@code CREATE TABLE AS SELECT},
 * {@code writeTo(...).create()}, {@code mode("errorifexists")}), replaced ({@code createOrReplace()},
 * {@code replace()}), or written for the first time through {@code format("datom")}. It cannot be read.
 *
 * <p>As a staged table, its changes are the version itself: the write commits it, git's atomic push being datom's
 * commit point, so {@link #commitStagedChanges()} has nothing left to do and {@link #abortStagedChanges()} nothing to
 * undo (a failed write references nothing it placed). A table staged and committed without a write
 * ({@code REPLACE TABLE t (id INT)}, with no {@code AS SELECT}) would change nothing, so it is refused.
 */
public final class NewDatomTable implements StagedTable, SupportsWrite {

  private static final Set<TableCapability> CAPABILITIES =
      Set.of(TableCapability.V1_BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.ACCEPT_ANY_SCHEMA);

  private final WriteTarget target;
  private final StructType schema;
  private final boolean replaces;
  /** Whether Spark asked for a write: a staged table committed without one was declared without data. */
  private volatile boolean written;

  private NewDatomTable(WriteTarget target, StructType schema, boolean replaces) {
    this.target = target;
    this.schema = schema;
    this.replaces = replaces;
  }

  /**
   * A table being created: its first version lands only if the table still has none when the write commits; if
   * another writer created it meanwhile, the write is refused ({@link io.datom.core.exceptions.TableChangedException})
   * rather than replacing that writer's version. A truncating write ({@code mode("overwrite")}) replaces regardless.
   *
   * @param target where the version goes
   * @param schema the schema Spark declared for the table (empty when not known yet)
   */
  public static NewDatomTable created(WriteTarget target, StructType schema) {
    return new NewDatomTable(target, schema, false);
  }

  /**
   * A table being replaced, or created or replaced: its next version is exactly the written rows, whatever is current
   * when the write commits.
   */
  public static NewDatomTable replacing(WriteTarget target, StructType schema) {
    return new NewDatomTable(target, schema, true);
  }

  @Override
  public String name() {
    return target.table();
  }

  @Override
  public StructType schema() {
    return schema;
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
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    written = true;
    return replaces ? DatomWriteBuilder.replacing(target, info) : DatomWriteBuilder.creating(target, info);
  }

  @Override
  public void commitStagedChanges() {
    // The write already committed the version (see the class documentation); without a write there is none.
    if (!written) {
      throw UnsupportedDatomOperationException.stagedWithoutData(replaces, target.table(), target.store().describe());
    }
  }

  @Override
  public void abortStagedChanges() {
    // Nothing to undo: a write that fails leaves no version behind (see the class documentation).
  }
}
