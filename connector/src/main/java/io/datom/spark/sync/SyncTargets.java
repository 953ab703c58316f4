package io.datom.spark.sync;

import io.datom.spark.catalog.DatomCatalogView;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomCatalogOptions;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.store.HadoopStore;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The project a sync goes to: a single-project catalog's, or a store path with write options. */
public final class SyncTargets {

  private SyncTargets() {}

  /**
   * Syncs {@code landing} into the project of the single-project {@code DatomCatalog} named {@code catalog} (its
   * {@code store}, {@code repo} and write settings).
   */
  public static Dataset<Row> intoCatalog(SparkSession spark, String catalog, String landing) {
    DatomCatalogView datom = DatomCatalogView.named(spark, catalog);
    HadoopStore store = datom.projectStore().orElseThrow(() -> new InvalidOptionsException("Catalog " + catalog
        + " serves many projects (a portfolio or path catalog), so it names no one project to sync into. Sync by "
        + "store and repository: DatomSync.sync(spark, store, repo, landing), or in SQL datom_sync('<store>', "
        + "'<repo>', '<landing>').", DatomCatalogOptions.STORE, DatomCatalogOptions.GOVERNANCE));
    WriteSettings conf = WriteSettings.parse(spark, CaseInsensitiveStringMap.empty(), datom.options());
    return LandingSync.run(spark, store, conf, requireLanding(landing));
  }

  /**
   * Syncs {@code landing} into the project whose store is the Hadoop path {@code store}, with the write options
   * {@code options} ({@code repo} required; {@code project} to create the project on an empty remote; author …).
   */
  public static Dataset<Row> intoStore(SparkSession spark, String store, Map<String, String> options,
      String landing) {
    if (store == null || store.isBlank()) {
      throw new InvalidOptionsException("A sync needs the project's store, a Hadoop path such as s3a://bucket/trial; "
          + "it is blank.", DatomCatalogOptions.STORE);
    }
    WriteSettings conf = WriteSettings.parse(spark, new CaseInsensitiveStringMap(new HashMap<>(options)),
        CaseInsensitiveStringMap.empty());
    HadoopStore hadoopStore = HadoopStore.at(store.trim(), spark.sessionState().newHadoopConf());
    return LandingSync.run(spark, hadoopStore, conf, requireLanding(landing));
  }

  /** The write options of a sync by {@code repo} alone. */
  public static Map<String, String> repoOnly(String repo) {
    return Map.of(DatomWriteOptions.REPO, repo == null ? "" : repo.trim());
  }

  private static String requireLanding(String landing) {
    if (landing == null || landing.isBlank()) {
      throw new InvalidOptionsException("A sync needs the landing folder, a Hadoop path such as "
          + "s3a://bucket/landing/2026-11; it is blank.");
    }
    return landing.trim();
  }
}
