package io.datom.spark.write;

import io.datom.spark.read.DatomSparkTable;
import io.datom.spark.store.HadoopStore;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table a write goes to.
 *
 * @param store the project's store
 * @param table the table name
 * @param current the table's current version as Spark loaded it, or empty for a table without versions
 * @param catalogOptions the options of the catalog the table was loaded from (empty for {@code format("datom")})
 */
public record WriteTarget(HadoopStore store, String table, Optional<DatomSparkTable> current,
    CaseInsensitiveStringMap catalogOptions) {

  public WriteTarget {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(catalogOptions, "catalogOptions");
  }
}
