package io.datom.spark.table;

import io.datom.spark.options.WriteSettings;
import io.datom.spark.write.SparkTableWrite;
import io.datom.spark.write.WriteMode;
import io.datom.spark.write.WriteTarget;
import java.util.Locale;
import org.apache.spark.sql.connector.write.V1Write;
import org.apache.spark.sql.sources.InsertableRelation;

/**
 * A datom write, run through Spark's V1 fallback so that it receives the query as a DataFrame on the driver. A
 * version's identity is computed over all of its rows in order and its lineage comes from the query's plan; Spark's
 * row-level {@code BatchWrite} offers neither. The executors still do all the data work ({@link SparkTableWrite}).
 */
final class DatomV1Write implements V1Write {

  private final WriteTarget target;
  private final WriteMode mode;
  private final WriteSettings conf;

  DatomV1Write(WriteTarget target, WriteMode mode, WriteSettings conf) {
    this.target = target;
    this.mode = mode;
    this.conf = conf;
  }

  @Override
  public String description() {
    return "datom " + mode.name().toLowerCase(Locale.ROOT) + " " + target.table() + " in "
        + target.store().describe();
  }

  @Override
  public InsertableRelation toInsertableRelation() {
    // Truncation or append was decided when the write was built; Spark's overwrite flag is always false here.
    return (data, overwrite) -> new SparkTableWrite(target, mode, conf).run(data);
  }
}
