package io.datom.runtime;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A job run in a child JVM whose classpath is Spark's own jars plus the runtime jar, nothing else: it proves the jar
 * carries everything datom needs and that {@code format("datom")} and the catalog are found the way a cluster finds
 * them. Prints one line per check; the test reads them.
 */
public final class RuntimeJarJob {

  private RuntimeJarJob() {}

  public static void main(String[] args) {
    String store = args[0];
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("datom runtime jar check")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.catalog.study", "io.datom.spark.DatomCatalog")
        .config("spark.sql.catalog.study.store", store)
        .getOrCreate();
    try {
      long rows = spark.read().format("datom").option("table", "dm").load(store).count();
      System.out.println("read dm rows=" + rows);
      List<Row> tables = spark.sql("SHOW TABLES IN study").collectAsList();
      System.out.println("catalog tables=" + tables.size());
      long history = spark.sql("SELECT * FROM study.dm.history").count();
      System.out.println("history dm versions=" + history);
    } finally {
      spark.stop();
    }
  }
}
