package io.datom.spark.catalog;

import io.datom.spark.options.CatalogSettings;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/** Chooses a catalog's mode from its settings. */
public final class ProjectLocators {

  private ProjectLocators() {}

  /**
   * A single-project locator when {@code store} is set, a portfolio locator when {@code governance} is set, a path
   * locator when neither is ({@link CatalogSettings#parse} refuses both).
   */
  public static ProjectLocator of(CatalogSettings settings, Supplier<Configuration> hadoopConf) {
    if (settings.store().isPresent()) {
      return new SingleProjectLocator(settings.store().get(), hadoopConf);
    }
    if (settings.governance().isPresent()) {
      return new PortfolioLocator(settings.governance().get(), settings.s3Scheme(), hadoopConf);
    }
    return new PathLocator(hadoopConf);
  }
}
