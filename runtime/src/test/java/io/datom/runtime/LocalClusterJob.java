package io.datom.runtime;

import io.datom.spark.DatomChanges;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The main paths of datom on a Spark {@code local-cluster} master, whose executors are separate JVMs that get datom
 * only as the runtime jar in {@code spark.jars}: create, no-op re-write, overwrite, append, pinned (full sha and
 * prefix) and as-of reads, SQL through the catalog (time travel, history), lineage of a derived table and changes
 * between versions ({@code DatomChanges.between} and {@code datom_changes}). Prints one {@code check name=value} line
 * per result; {@link LocalClusterIT} asserts them.
 *
 * <p>Uses DataFrame and SQL expressions only, never a lambda or a class of its own on the executors: what runs there
 * comes from Spark's jars and the runtime jar alone.
 *
 * <p>Arguments: master, store (a directory or {@code s3a://bucket/prefix}), empty git remote, then any number of
 * {@code key=value} Spark settings (the s3a ones).
 */
public final class LocalClusterJob {

  private static final String TABLE = "t";

  private LocalClusterJob() {}

  public static void main(String[] args) throws Exception {
    String master = args[0];
    String store = args[1];
    String remote = args[2];
    SparkSession.Builder builder = SparkSession.builder()
        .master(master)
        .appName("datom local-cluster check")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.extensions", "io.datom.spark.DatomSparkSessionExtensions")
        .config("spark.sql.catalog.study", "io.datom.spark.DatomCatalog")
        .config("spark.sql.catalog.study.store", store)
        .config("spark.sql.catalog.study.repo", remote);
    for (int i = 3; i < args.length; i++) {
      String[] setting = args[i].split("=", 2);
      builder.config(setting[0], setting[1]);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      new LocalClusterJob.Run(spark, store, remote).all();
    } finally {
      spark.stop();
    }
  }

  private static void check(String name, Object value) {
    System.out.println("check " + name + "=" + value);
  }

  /** One run of every path against one store. */
  private static final class Run {

    private final SparkSession spark;
    private final String store;
    private final String remote;

    Run(SparkSession spark, String store, String remote) {
      this.spark = spark;
      this.store = store;
      this.remote = remote;
    }

    void all() throws InterruptedException {
      executors();

      // create (ids 0..999), a no-op re-write, an overwrite (ids 200..1699), an append (ids 5000..5499)
      write(rows(0, 1000), "overwrite", "create");
      String v1 = lastWrite("create");
      write(rows(0, 1000), "overwrite", "same rows again");
      lastWrite("noop");
      pause();
      write(rows(200, 1700), "overwrite", "overwrite");
      String v2 = lastWrite("overwrite");
      pause();
      write(rows(5000, 5500), "append", "append");
      String v3 = lastWrite("append");

      check("current.rows", readCurrent().count());
      check("current.sum", sum(readCurrent()));
      check("v1.rows", read().option("version", v1).load(store).count());
      check("v1prefix.sum", sum(read().option("version", v1.substring(0, 8)).load(store)));
      String v2At = spark.sql("SELECT string(timestamp) FROM study." + TABLE + ".history WHERE version = '" + v2 + "'")
          .first().getString(0);
      check("asof.rows", read().option("asOf", v2At).load(store).count());

      // SQL through the catalog
      check("sql.current.rows", scalar("SELECT count(*) FROM study." + TABLE));
      check("sql.versionasof.rows",
          scalar("SELECT count(*) FROM study." + TABLE + " VERSION AS OF '" + v1.substring(0, 8) + "'"));
      check("sql.timestampasof.rows",
          scalar("SELECT count(*) FROM study." + TABLE + " TIMESTAMP AS OF '" + v2At + "'"));
      check("sql.history.versions", scalar("SELECT count(*) FROM study." + TABLE + ".history"));
      check("sql.history.latest", spark.sql("SELECT version FROM study." + TABLE + ".history ORDER BY timestamp DESC")
          .first().getString(0).equals(v3));

      // lineage: a table derived from a pinned read records that version as its parent
      read().option("version", v2).load(store).where("n >= 1600")
          .write().format("datom").option("table", "derived").option("repo", remote).option("message", "derived")
          .mode("overwrite").save(store);
      lastWrite("derived");
      check("derived.rows", spark.read().format("datom").option("table", "derived").load(store).count());
      List<Row> parents = spark.read().option("multiLine", true)
          .json(store + "/datom/derived/.metadata/metadata.json")
          .selectExpr("explode(parents) AS p").selectExpr("p.table", "p.version").collectAsList();
      check("derived.parents", parents.size());
      check("derived.parent.table", parents.get(0).getString(0));
      check("derived.parent.isv2", parents.get(0).getString(1).equals(v2));

      // changes from v1 to the current version: ids 1000..1699 and 5000..5499 added, 0..199 retracted
      Dataset<Row> changes = DatomChanges.between(read().option("version", v1).load(store), readCurrent());
      check("changes.between", counts(changes.groupBy(DatomChanges.CHANGE).count()));
      check("changes.sql", counts(spark.sql(
          "SELECT CASE WHEN added THEN 'added' ELSE 'retracted' END, count(*) FROM datom_changes('study." + TABLE
              + "', '" + v1.substring(0, 8) + "') GROUP BY added")));
    }

    /** How many executors there are and how many distinct executor JVMs run tasks of one job. */
    private void executors() throws InterruptedException {
      // Executors register a while after the context starts (their JVMs must boot): wait for both, as Spark's own
      // tests do, so that the first jobs have two JVMs to run on.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (executorCount() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      check("executors", executorCount());
      List<Row> commands = spark.sql("SELECT DISTINCT java_method('java.lang.System', 'getProperty', "
          + "'sun.java.command') FROM range(0, 64, 1, 16)").collectAsList();
      check("task.jvms", commands.size());
      check("task.jvms.executors", commands.stream()
          .allMatch(r -> r.getString(0).startsWith("org.apache.spark.executor.CoarseGrainedExecutorBackend")));
      // The executors' own classpath holds Spark's jars only: datom reaches them through spark.jars.
      check("executor.classpath.datom", spark.sql("SELECT DISTINCT java_method('java.lang.System', 'getProperty', "
          + "'java.class.path') AS cp FROM range(0, 16, 1, 4)").where("cp LIKE '%datom%'").count());
    }

    /** Registered executors: the memory status lists them and the driver. */
    private int executorCount() {
      return spark.sparkContext().getExecutorMemoryStatus().size() - 1;
    }

    private Dataset<Row> rows(long from, long to) {
      return spark.range(from, to, 1, 3)
          .selectExpr("CAST(id AS INT) AS n", "concat('s', id) AS s", "id * 0.5 AS x");
    }

    private void write(Dataset<Row> rows, String mode, String message) {
      rows.write().format("datom").option("table", TABLE).option("repo", remote).option("project", "CLUSTER")
          .option("message", message).mode(mode).save(store);
    }

    private DataFrameReader read() {
      return spark.read().format("datom").option("table", TABLE);
    }

    private Dataset<Row> readCurrent() {
      return read().load(store);
    }

    /** Prints the last write's action and rows under {@code name} and returns its version. */
    private String lastWrite(String name) {
      Row row = spark.sql("SELECT action, version, nrow FROM datom_last_write()").first();
      check(name + ".action", row.getString(0));
      check(name + ".nrow", row.get(2));
      return row.getString(1);
    }

    private long scalar(String sql) {
      return spark.sql(sql).first().getLong(0);
    }

    private static long sum(Dataset<Row> rows) {
      return rows.selectExpr("sum(n)").first().getLong(0);
    }

    private static String counts(Dataset<Row> grouped) {
      return new TreeMap<>(grouped.collectAsList().stream()
          .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)))).toString();
    }

    /** History timestamps have one-second resolution: keeps versions apart for as-of reads. */
    private static void pause() throws InterruptedException {
      Thread.sleep(1100);
    }
  }
}
