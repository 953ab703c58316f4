package io.datom.spark.catalog;

import io.datom.spark.DatomCatalog;
import io.datom.spark.InvalidOptionsException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** Chooses a catalog's mode from its options. */
public final class ProjectLocators {

  private static final String DEFAULT_S3_SCHEME = "s3a";

  private ProjectLocators() {}

  /**
   * A single-project locator when {@code store} is set, a portfolio locator when {@code governance} is set, a path
   * locator when neither is.
   */
  public static ProjectLocator fromOptions(
      String catalogName, CaseInsensitiveStringMap options, Supplier<Configuration> hadoopConf) {
    Optional<String> store = option(options, DatomCatalog.STORE);
    Optional<String> governance = option(options, DatomCatalog.GOVERNANCE);
    if (store.isPresent() && governance.isPresent()) {
      throw new InvalidOptionsException(
          "Catalog " + catalogName + " sets both '" + DatomCatalog.STORE + "' (one project) and '"
              + DatomCatalog.GOVERNANCE + "' (every registered project); set only one of spark.sql.catalog."
              + catalogName + "." + DatomCatalog.STORE + " and spark.sql.catalog." + catalogName + "."
              + DatomCatalog.GOVERNANCE + ".",
          DatomCatalog.STORE,
          DatomCatalog.GOVERNANCE);
    }
    if (store.isPresent()) {
      return new SingleProjectLocator(store.get(), hadoopConf);
    }
    if (governance.isPresent()) {
      String s3Scheme = option(options, DatomCatalog.S3_SCHEME).orElse(DEFAULT_S3_SCHEME);
      return new PortfolioLocator(governance.get(), s3Scheme, hadoopConf);
    }
    return new PathLocator(hadoopConf);
  }

  private static Optional<String> option(CaseInsensitiveStringMap options, String key) {
    return Optional.ofNullable(options.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
