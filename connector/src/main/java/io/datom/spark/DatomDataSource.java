package io.datom.spark;

import io.datom.core.DatomProject;
import io.datom.core.GitRemotes;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.spark.catalog.DatomIdentifiers;
import io.datom.spark.exceptions.SparkErrors;
import io.datom.spark.options.DatomReadOptions;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.KnownOptions;
import io.datom.spark.options.ReadSettings;
import io.datom.spark.store.HadoopStore;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.SupportsCatalogOptions;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.collection.JavaConverters;

/**
 * {@code spark.read().format("datom")}: reads one version of a datom table from a store given as a Hadoop path.
 *
 * <p>The source hands every read to a {@link DatomCatalog} in path mode (registered in the session as
 * {@value #PATH_CATALOG} unless already configured), through Spark's {@link SupportsCatalogOptions}: the options
 * {@code version}/{@code versionAsOf} and {@code asOf}/{@code timestampAsOf} become Spark's own time travel, so a
 * DataFrame read and {@code SELECT … VERSION AS OF} / {@code TIMESTAMP AS OF} resolve versions by one code path.
 * Options: {@link DatomReadOptions}.
 *
 * <p>{@code df.write().format("datom")} writes new versions through the same catalog (options:
 * {@link DatomWriteOptions}): modes {@code overwrite} and {@code append} write into the table, creating it if it has
 * no version yet; {@code errorifexists} and {@code ignore} create it, with Spark's meaning when it exists.
 */
public final class DatomDataSource implements SupportsCatalogOptions, DataSourceRegister, RelationProvider {

  /** The short name used in {@code format(...)}. */
  public static final String SHORT_NAME = "datom";

  /** The catalog this source reads through; configured automatically as a path-mode {@link DatomCatalog}. */
  public static final String PATH_CATALOG = "datom_paths";

  /** The settings of this source's one read or write (Spark makes a source for each), parsed once. */
  private ReadSettings settings;
  private CaseInsensitiveStringMap parsedFrom;

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public Identifier extractIdentifier(CaseInsensitiveStringMap options) {
    KnownOptions.requireReadOrWriteOption(options);
    // Before Spark builds a plan whose string would show the option: a token in the URL never gets that far.
    Optional.ofNullable(options.get(DatomWriteOptions.REPO))
        .ifPresent(repo -> GitRemotes.requireNoCredentials(repo, DatomWriteOptions.tokenSettings()));
    // Fails early, with datom's messages, on missing, contradicting or malformed options.
    ReadSettings read = settings(options);
    return DatomIdentifiers.forPath(read.store(), read.table());
  }

  @Override
  public String extractCatalog(CaseInsensitiveStringMap options) {
    String key = "spark.sql.catalog." + PATH_CATALOG;
    SparkSession spark = SparkSession.active();
    if (!spark.conf().contains(key)) {
      spark.conf().set(key, DatomCatalog.class.getName());
    }
    return PATH_CATALOG;
  }

  @Override
  public Optional<String> extractTimeTravelVersion(CaseInsensitiveStringMap options) {
    return settings(options).version();
  }

  @Override
  public Optional<String> extractTimeTravelTimestamp(CaseInsensitiveStringMap options) {
    return settings(options).asOf();
  }

  /**
   * Spark's fallback for a read of a table the catalog loaded but cannot read: a table without versions, which the
   * path catalog loads so that a save can create it. Reports it as not found, as the catalog does for any read.
   */
  @Override
  public BaseRelation createRelation(SQLContext sqlContext, scala.collection.immutable.Map<String, String> parameters) {
    SparkSession spark = sqlContext.sparkSession();
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(JavaConverters.mapAsJavaMap(parameters));
    ReadSettings conf = settings(options);
    HadoopStore store = HadoopStore.at(conf.store(), spark.sessionState().newHadoopConf());
    try {
      DatomProject.open(store).table(conf.table()).history();
    } catch (TableNotFoundException e) {
      throw asUnchecked(SparkErrors.tableNotFound(DatomIdentifiers.forPath(conf.store(), conf.table()), e));
    }
    throw new IllegalStateException("Table " + conf.table() + " in " + store.describe() + " was created while it was "
        + "being read; read it again.");
  }

  // Spark reports a missing table as NoSuchTableException everywhere; RelationProvider's signature, written in Scala,
  // declares no exception, and Java's checked-exception rule is only the compiler's.
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException asUnchecked(Exception e) throws E {
    throw (E) e;
  }

  /** Used by Spark only outside the catalog path (which every batch read takes); resolves the same table. */
  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return getTable(null, new Transform[0], options).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
    DatomCatalog catalog = new DatomCatalog();
    catalog.initialize(PATH_CATALOG, CaseInsensitiveStringMap.empty());
    try {
      return catalog.load(extractIdentifier(options), settings(options).versionSpec());
    } catch (NoSuchTableException e) {
      // This interface allows no checked exception; the catalog always carries datom's own exception as the cause.
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The read's settings, parsed on first use: Spark hands the same options to each of the methods above. */
  private synchronized ReadSettings settings(CaseInsensitiveStringMap options) {
    if (settings == null || !options.equals(parsedFrom)) {
      settings = ReadSettings.parse(SparkSession.active(), options);
      parsedFrom = options;
    }
    return settings;
  }
}
