package io.datom.spark.options;

import io.datom.core.GitRemotes;
import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The settings of one datom catalog ({@code spark.sql.catalog.<name>.*}, {@link DatomCatalogOptions}), parsed once
 * when Spark initializes it, through the one {@link SettingLookup}. The catalog's write defaults ({@code repo},
 * {@code project}, {@code retryDeadline}) are resolved by each write ({@link WriteSettings}), after its own options.
 *
 * @param name the catalog's name
 * @param store the store of a single-project catalog
 * @param governance the governance store of a portfolio catalog
 * @param s3Scheme the Hadoop scheme for S3 data locations found in {@code ref.json}
 * @param options the catalog's options, which writes through it fall back on
 */
public record CatalogSettings(String name, Optional<String> store, Optional<String> governance, String s3Scheme,
    CaseInsensitiveStringMap options) {

  public CatalogSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(governance, "governance");
    Objects.requireNonNull(s3Scheme, "s3Scheme");
    Objects.requireNonNull(options, "options");
  }

  /**
   * Parses the options of catalog {@code name}.
   *
   * @throws InvalidOptionsException if a setting is unknown, or both {@code store} and {@code governance} are set
   * @throws io.datom.core.exceptions.CredentialsInUrlException if {@code repo} carries credentials
   */
  public static CatalogSettings parse(String name, CaseInsensitiveStringMap options) {
    KnownOptions.requireCatalogOptions(name, options);
    SettingLookup lookup = new SettingLookup(options, CaseInsensitiveStringMap.empty(), key -> null);
    Optional.ofNullable(options.get(DatomWriteOptions.REPO))
        .ifPresent(repo -> GitRemotes.requireNoCredentials(repo, DatomWriteOptions.tokenSettings()));
    Optional<String> store = lookup.option(DatomCatalogOptions.STORE);
    Optional<String> governance = lookup.option(DatomCatalogOptions.GOVERNANCE);
    if (store.isPresent() && governance.isPresent()) {
      throw new InvalidOptionsException(
          "Catalog " + name + " sets both '" + DatomCatalogOptions.STORE + "' (one project) and '"
              + DatomCatalogOptions.GOVERNANCE + "' (every registered project); set only one of spark.sql.catalog."
              + name + "." + DatomCatalogOptions.STORE + " and spark.sql.catalog." + name + "."
              + DatomCatalogOptions.GOVERNANCE + ".",
          DatomCatalogOptions.STORE,
          DatomCatalogOptions.GOVERNANCE);
    }
    String s3Scheme = lookup.option(DatomCatalogOptions.S3_SCHEME).orElse(DatomCatalogOptions.S3_SCHEME_DEFAULT);
    return new CatalogSettings(name, store, governance, s3Scheme, options);
  }
}
