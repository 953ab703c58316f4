package io.datom.spark.options;

/**
 * Names of the settings of a datom catalog, {@code spark.sql.catalog.<name>.<option>}; besides these a catalog takes
 * the write defaults {@link DatomWriteOptions#REPO}, {@link DatomWriteOptions#PROJECT} and
 * {@link DatomWriteOptions#RETRY_DEADLINE}.
 */
public final class DatomCatalogOptions {

  private DatomCatalogOptions() {}

  /** The store path of a single-project catalog. */
  public static final String STORE = "store";

  /** The governance store path of a portfolio catalog. */
  public static final String GOVERNANCE = "governance";

  /** The Hadoop scheme for S3 data locations found in {@code ref.json}; default {@link #S3_SCHEME_DEFAULT}. */
  public static final String S3_SCHEME = "s3-scheme";

  /** The default of {@link #S3_SCHEME}. */
  public static final String S3_SCHEME_DEFAULT = "s3a";
}
