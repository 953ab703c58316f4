package io.datom.spark;

import io.datom.spark.sync.SyncRow;
import io.datom.spark.sync.SyncTargets;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Syncs a landing folder of raw extracts into a datom project, as R's {@code datom_sync_manifest} +
 * {@code datom_sync} do (format §8): every file is hashed (one Spark task per file), compared with the project's
 * manifest, and each new or changed file imported as an {@code imported} table named after the file; unchanged files
 * cost nothing more. See docs/sync.md.
 *
 * <pre>{@code
 * Dataset<Row> report = DatomSync.sync(spark, "study", "s3a://landing/STUDY_001/2026-11");
 * report.show();   // file, name, format, status, action, version, data_sha, original_file_sha, rows, seconds, error
 * }</pre>
 *
 * The sync runs when called, on the driver; the returned rows are its report ({@link #resultSchema()}). In SQL, with
 * {@link DatomSparkSessionExtensions}: {@code SELECT * FROM datom_sync('study', 's3a://landing/...')}.
 */
public final class DatomSync {

  private DatomSync() {}

  /**
   * Syncs {@code landing} into the project of the single-project {@code DatomCatalog} {@code catalog}.
   *
   * @throws io.datom.spark.exceptions.InvalidOptionsException if no such datom catalog is configured, it serves many
   *     projects, or it has no {@code repo}
   * @throws io.datom.spark.sync.InvalidLandingFolderException if the folder is missing or holds a subdirectory
   */
  public static Dataset<Row> sync(SparkSession spark, String catalog, String landing) {
    return SyncTargets.intoCatalog(spark, catalog, landing);
  }

  /**
   * Syncs {@code landing} into the existing project whose store is the Hadoop path {@code store} and whose data
   * repository is the git remote {@code repo}.
   */
  public static Dataset<Row> sync(SparkSession spark, String store, String repo, String landing) {
    return SyncTargets.intoStore(spark, store, SyncTargets.repoOnly(repo), landing);
  }

  /**
   * Syncs {@code landing} into the project whose store is {@code store}, with write options as for
   * {@code format("datom")}: {@code repo} (required), {@code project} (creates the project on an empty remote),
   * {@code authorName}, {@code authorEmail}, {@code retryDeadline}.
   */
  public static Dataset<Row> sync(SparkSession spark, String store, Map<String, String> options, String landing) {
    return SyncTargets.intoStore(spark, store, options, landing);
  }

  /**
   * The columns of a sync's report: {@code file}, {@code name}, {@code format}, {@code status}, {@code action},
   * {@code version}, {@code data_sha}, {@code original_file_sha}, {@code rows}, {@code seconds}, {@code error}.
   */
  public static StructType resultSchema() {
    return SyncRow.SCHEMA;
  }
}
