package io.datom.runtime;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A job run in a child JVM whose classpath is Spark's own jars plus the runtime jar, nothing else: it proves the jar
 * carries everything datom needs and that {@code format("datom")} and the catalog are found the way a cluster finds
 * them, for reads (of an R-written project), for writes (creating a project on an empty git remote) and for a sync of
 * a landing folder (a {@code .sas7bdat} read by the relocated parso). Prints one
 * line per check; the test reads them.
 */
public final class RuntimeJarJob {

  private RuntimeJarJob() {}

  public static void main(String[] args) {
    String store = args[0];
    String newStore = args[1];
    String emptyRemote = args[2];
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

      spark.range(1000).selectExpr("CAST(id AS INT) AS n", "concat('s', id) AS s")
          .write().format("datom").option("table", "t").option("repo", emptyRemote).option("project", "RUNTIME")
          .mode("overwrite").save(newStore);
      long written = spark.read().format("datom").option("table", "t").load(newStore).count();
      System.out.println("wrote t rows=" + written);

      // A sync imports a .sas7bdat with parso, which the jar carries relocated.
      String landing = args[3];
      List<Row> synced = io.datom.spark.DatomSync.sync(spark, newStore, java.util.Map.of("repo", emptyRemote),
          landing).collectAsList();
      for (Row row : synced) {
        System.out.println("synced " + row.getAs("name") + " " + row.getAs("action") + " rows=" + row.getAs("rows"));
      }
    } finally {
      spark.stop();
    }
  }
}
