package io.datom.spark.catalog;

import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.store.HadoopStore;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.CatalogManager;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** What the connector asks of a configured {@code DatomCatalog}: the project it serves and its settings. */
public interface DatomCatalogView {

  /** The store of a single-project catalog; empty for a portfolio or path catalog, which serve many projects. */
  Optional<HadoopStore> projectStore();

  /** The catalog's options ({@code spark.sql.catalog.<name>.*}), which writes and validation fall back on. */
  CaseInsensitiveStringMap options();

  /**
   * The datom catalog configured under {@code name} in this session.
   *
   * @throws InvalidOptionsException if no catalog has that name, or it is not a datom catalog; the message says how
   *     to configure one
   */
  static DatomCatalogView named(SparkSession spark, String name) {
    String catalog = name == null ? "" : name.trim();
    CatalogManager catalogs = spark.sessionState().catalogManager();
    if (catalog.isEmpty() || !catalogs.isCatalogRegistered(catalog)) {
      throw new InvalidOptionsException("No catalog named '" + catalog + "' is configured. Configure the project's "
          + "catalog first: spark.sql.catalog." + (catalog.isEmpty() ? "study" : catalog)
          + " = io.datom.spark.DatomCatalog, with its .store and .repo.");
    }
    CatalogPlugin plugin = catalogs.catalog(catalog);
    if (!(plugin instanceof DatomCatalogView datom)) {
      throw new InvalidOptionsException("Catalog " + catalog + " is a " + plugin.getClass().getName() + ", not a "
          + "datom catalog. Name the project's catalog, the one configured as spark.sql.catalog.<name> = "
          + "io.datom.spark.DatomCatalog.");
    }
    return datom;
  }
}
