package io.datom.spark.write;

import io.datom.core.TableNames;
import io.datom.spark.store.HadoopStore;
import java.util.Objects;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table a write goes to: where a write enters the connector, so its table name is checked here, once, before
 * anything is planned or written.
 *
 * @param store the project's store
 * @param table the table name
 * @param catalogOptions the options of the catalog the table was loaded from (empty for {@code format("datom")})
 */
public record WriteTarget(HadoopStore store, String table, CaseInsensitiveStringMap catalogOptions) {

  /**
   * @throws io.datom.core.exceptions.InvalidNameException if {@code table} is not a datom table name (R's messages)
   */
  public WriteTarget {
    Objects.requireNonNull(store, "store");
    TableNames.requireValid(Objects.requireNonNull(table, "table"));
    Objects.requireNonNull(catalogOptions, "catalogOptions");
  }
}
