package io.datom.spark;

import io.datom.core.DatomProject;
import io.datom.core.DatomTable;
import io.datom.core.TableNames;
import io.datom.core.VersionSpec;
import io.datom.core.exceptions.CredentialsInUrlException;
import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.exceptions.ProjectNotRegisteredException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.VersionHistoryNotFoundException;
import io.datom.spark.catalog.DatomCatalogView;
import io.datom.spark.catalog.DatomIdentifiers;
import io.datom.spark.catalog.DatomIdentifiers.TableReference;
import io.datom.spark.catalog.ProjectLocator;
import io.datom.spark.catalog.ProjectLocators;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.exceptions.SparkErrors;
import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.options.CatalogSettings;
import io.datom.spark.options.DatomCatalogOptions;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.KnownOptions;
import io.datom.spark.options.ReadSettings;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.table.DamagedDatomTable;
import io.datom.spark.table.DatomSparkTable;
import io.datom.spark.table.HistoryTable;
import io.datom.spark.table.NewDatomTable;
import io.datom.spark.write.WriteTarget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.StagingTableCatalog;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.collection.JavaConverters;

/**
 * A Spark catalog of datom tables, in one of three modes chosen by its options:
 *
 * <ul>
 *   <li><b>single project</b>: {@code spark.sql.catalog.study = io.datom.spark.DatomCatalog} and
 *       {@code spark.sql.catalog.study.store = s3a://bucket/trial}; tables are {@code study.lb}.
 *   <li><b>portfolio</b>: {@code spark.sql.catalog.acme.governance = s3a://acme-gov}; namespaces are the projects
 *       registered there, each resolved through its {@code ref.json}: {@code acme.STUDY_001.lb}.
 *       {@code spark.sql.catalog.acme.s3-scheme} (default {@code s3a}) is the Hadoop scheme used for S3 locations.
 *   <li><b>path</b> (neither option): the one namespace part is a store path,
 *       {@code datom_paths.`s3a://bucket/trial`.lb}; {@code format("datom")} reads through such a catalog.
 * </ul>
 *
 * <p>Every table has a history metadata table, {@code study.lb.history} (see {@link HistoryTable}). Time travel:
 * {@code VERSION AS OF '<metadata_sha or unique prefix>'} and {@code TIMESTAMP AS OF <instant>}. Stores are Hadoop
 * paths read with the session's Hadoop configuration.
 *
 * <p>Tables are written through the catalog as new versions: {@code INSERT INTO} / {@code writeTo(...).append()} add
 * rows to the current version, {@code INSERT OVERWRITE} / {@code overwrite(lit(true))} replace them,
 * {@code CREATE TABLE AS SELECT} / {@code create()} / {@code createOrReplace()} / {@code replace()} write a whole table
 * (see {@link io.datom.spark.table.DatomWriteBuilder}). A write's settings ({@code repo}, {@code project},
 * {@link DatomWriteOptions}) are taken from the write's options, else from the catalog's
 * ({@code spark.sql.catalog.study.repo = ...}). Versions are immutable: tables and namespaces cannot be altered,
 * renamed or dropped.
 *
 * <p>A missing table or namespace is reported as Spark's {@link NoSuchTableException} /
 * {@link NoSuchNamespaceException} carrying datom's message (and the core exception as cause); version, store and
 * integrity errors surface as the typed exceptions of {@code io.datom.core.exceptions}.
 */
public final class DatomCatalog implements StagingTableCatalog, SupportsNamespaces, DatomCatalogView {

  /** Catalog option: the store path of a single-project catalog. */
  public static final String STORE = DatomCatalogOptions.STORE;

  /** Catalog option: the governance store path of a portfolio catalog. */
  public static final String GOVERNANCE = DatomCatalogOptions.GOVERNANCE;

  /** Catalog option: the Hadoop scheme for S3 data locations found in {@code ref.json}; default {@code s3a}. */
  public static final String S3_SCHEME = DatomCatalogOptions.S3_SCHEME;

  private String name;
  private CaseInsensitiveStringMap options;
  private ProjectLocator locator;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.options = options;
    CatalogSettings settings;
    try {
      settings = CatalogSettings.parse(name, options);
    } catch (CredentialsInUrlException e) {
      forgetSetting(DatomWriteOptions.REPO);
      throw new CredentialsInUrlException(e.redactedUrl(), DatomWriteOptions.tokenSettings() + "; the setting"
          + " spark.sql.catalog." + name + "." + DatomWriteOptions.REPO + " was removed from this session, so that"
          + " Spark does not copy it into the properties of later jobs and the event log");
    } catch (InvalidOptionsException e) {
      e.options().stream().filter(KnownOptions::looksLikeCredential).forEach(this::forgetSetting);
      throw e;
    }
    this.locator = ProjectLocators.of(settings, () -> spark().sessionState().newHadoopConf());
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Removes a refused setting that carries a credential from the session: Spark copies every session setting into the
   * properties of each job it runs, where listeners (and, unless its redaction matches the setting, the event log) see
   * it. A setting made at application start ({@code --conf}) is also in the application's configuration, which this
   * cannot change.
   */
  private void forgetSetting(String option) {
    String key = "spark.sql.catalog." + name + "." + option;
    try {
      RuntimeConfig conf = spark().conf();
      JavaConverters.mapAsJavaMap(conf.getAll()).keySet().stream()
          .filter(setting -> setting.equalsIgnoreCase(key))
          .toList()
          .forEach(conf::unset);
    } catch (RuntimeException cannot) {
      // The refusal that follows matters more than the clean-up.
    }
  }

  /** The store of a single-project catalog; empty for a portfolio or path catalog, which serve many projects. */
  @Override
  public Optional<HadoopStore> projectStore() {
    return locator.projectLevels() == 0 ? Optional.of(locator.store(List.of())) : Optional.empty();
  }

  /** The catalog's options ({@code spark.sql.catalog.<name>.*}), which writes and validation fall back on. */
  @Override
  public CaseInsensitiveStringMap options() {
    return options;
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    List<String> ns = List.of(namespace);
    if (ns.size() != locator.projectLevels() || !locator.exists(ns)) {
      throw noSuchNamespace(namespace);
    }
    return DatomProject.open(locator.store(ns)).tableNames().stream()
        .map(t -> Identifier.of(namespace, t))
        .toArray(Identifier[]::new);
  }

  /**
   * The table's current version. In path mode (the catalog behind {@code format("datom")}), a table without versions
   * loads as a {@link NewDatomTable}, which can be written but not read: {@code save()} in modes {@code append} and
   * {@code overwrite} creates a table, as Spark's file sources create a path. The project is opened once.
   */
  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    Optional<TableReference> ref = DatomIdentifiers.parse(ident, locator.projectLevels());
    if (ref.isEmpty()) {
      throw new NoSuchTableException(ident);
    }
    TableReference table = ref.get();
    boolean creatable = !table.history() && locator.writesCreateTables();
    if (creatable && !TableNames.isValid(table.table())) {
      return NewDatomTable.created(writeTarget(locator.store(table.project()), table), new StructType()); // refused
    }
    // Whether a creatable table exists is asked outside the damage check, as Spark's tableExists asks it.
    Optional<Located> found = creatable ? Optional.of(locate(ident, table)) : Optional.empty();
    if (found.isPresent() && !found.get().table().exists()) {
      return NewDatomTable.created(writeTarget(found.get().store(), table), new StructType());
    }
    try {
      return load(ident, table, found.isPresent() ? found.get() : locate(ident, table), VersionSpec.current());
    } catch (MalformedJsonException | VersionHistoryNotFoundException | InvalidDatomFileException damage) {
      // An overwrite needs nothing of the current version: the damaged table stays writable, reads meet the damage.
      if (!table.history()) {
        return DamagedDatomTable.of(writeTarget(locator.store(table.project()), table), damage);
      }
      throw damage;
    }
  }

  /** Whether the table has a version (a table being created has none yet). */
  @Override
  public boolean tableExists(Identifier ident) {
    Optional<TableReference> ref = DatomIdentifiers.parse(ident, locator.projectLevels());
    if (ref.isEmpty() || !locator.exists(ref.get().project())) {
      return false;
    }
    TableReference table = ref.get();
    return TableNames.isValid(table.table())
        && DatomProject.open(locator.store(table.project())).table(table.table()).exists();
  }

  @Override
  public Table loadTable(Identifier ident, String version) throws NoSuchTableException {
    String checked = ReadSettings.requireVersion(version, "VERSION AS OF '" + version + "'", ident.name());
    return load(ident, VersionSpec.version(checked));
  }

  @Override
  public Table loadTable(Identifier ident, long timestampMicros) throws NoSuchTableException {
    return load(ident, VersionSpec.asOf(Instant.EPOCH.plus(timestampMicros, ChronoUnit.MICROS)));
  }

  /** Loads a table's version, or its history, as Spark tables; the DataFrame source uses this too. */
  Table load(Identifier ident, VersionSpec spec) throws NoSuchTableException {
    TableReference ref =
        DatomIdentifiers.parse(ident, locator.projectLevels()).orElseThrow(() -> new NoSuchTableException(ident));
    return load(ident, ref, locate(ident, ref), spec);
  }

  private Table load(Identifier ident, TableReference ref, Located located, VersionSpec spec)
      throws NoSuchTableException {
    try {
      return ref.history()
          ? HistoryTable.of(located.table(), spec)
          : DatomSparkTable.of(spark(), located.table().snapshot(spec), writeTarget(located.store(), ref));
    } catch (TableNotFoundException | ProjectNotRegisteredException e) {
      throw SparkErrors.tableNotFound(ident, e);
    }
  }

  /** The referenced table and its project's store: the one place a catalog operation opens the project. */
  private Located locate(Identifier ident, TableReference ref) throws NoSuchTableException {
    try {
      HadoopStore store = locator.store(ref.project());
      return new Located(store, DatomProject.open(store).table(ref.table()));
    } catch (TableNotFoundException | ProjectNotRegisteredException e) {
      throw SparkErrors.tableNotFound(ident, e);
    }
  }

  private record Located(HadoopStore store, DatomTable table) {}

  @Override
  public String[][] listNamespaces() {
    return locator.namespaces().stream().map(ns -> ns.toArray(String[]::new)).toArray(String[][]::new);
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    if (!namespaceExists(namespace)) {
      throw noSuchNamespace(namespace);
    }
    return new String[0][];
  }

  @Override
  public boolean namespaceExists(String[] namespace) {
    return namespace.length == locator.projectLevels() && locator.exists(List.of(namespace));
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace) throws NoSuchNamespaceException {
    if (!namespaceExists(namespace)) {
      throw noSuchNamespace(namespace);
    }
    return Map.of(SupportsNamespaces.PROP_LOCATION, locator.location(List.of(namespace)));
  }

  @Override
  public Table createTable(Identifier ident, StructType schema, Transform[] partitions, Map<String, String> props) {
    throw UnsupportedDatomOperationException.createWithoutData(ident.toString(), name);
  }

  /** A table created with its first version ({@code CREATE TABLE AS SELECT}, {@code writeTo(...).create()}). */
  @Override
  public StagedTable stageCreate(Identifier ident, StructType schema, Transform[] partitions,
      Map<String, String> properties) throws NoSuchNamespaceException {
    return NewDatomTable.created(target(ident), schema);
  }

  /** A table whose next version is exactly the written rows ({@code REPLACE TABLE AS SELECT}, {@code replace()}). */
  @Override
  public StagedTable stageReplace(Identifier ident, StructType schema, Transform[] partitions,
      Map<String, String> properties) throws NoSuchNamespaceException {
    return NewDatomTable.replacing(target(ident), schema);
  }

  /** As {@link #stageCreate} when the table has no version, else as {@link #stageReplace}. */
  @Override
  public StagedTable stageCreateOrReplace(Identifier ident, StructType schema, Transform[] partitions,
      Map<String, String> properties) throws NoSuchNamespaceException {
    return NewDatomTable.replacing(target(ident), schema);
  }

  // A datom version is a whole table, so created and replaced tables are written alike; the write makes the version.
  private WriteTarget target(Identifier ident) throws NoSuchNamespaceException {
    TableReference ref = DatomIdentifiers.parse(ident, locator.projectLevels())
        .orElseThrow(() -> UnsupportedDatomOperationException.notATable(ident.toString(), name));
    if (ref.history()) {
      throw UnsupportedDatomOperationException.historyReadOnly(ref.table());
    }
    if (!locator.exists(ref.project())) {
      throw noSuchNamespace(ident.namespace());
    }
    return writeTarget(locator.store(ref.project()), ref);
  }

  private WriteTarget writeTarget(HadoopStore store, TableReference ref) {
    return new WriteTarget(store, ref.table(), options);
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly("ALTER TABLE", "alter table " + ident);
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly("DROP TABLE", "drop table " + ident);
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly("RENAME TABLE", "rename table " + oldIdent);
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata) {
    throw readOnly("CREATE NAMESPACE", "create namespace " + String.join(".", namespace));
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw readOnly("ALTER NAMESPACE", "alter namespace " + String.join(".", namespace));
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade) {
    throw readOnly("DROP NAMESPACE", "drop namespace " + String.join(".", namespace));
  }

  private NoSuchNamespaceException noSuchNamespace(String[] namespace) {
    return new NoSuchNamespaceException(namespace);
  }

  private UnsupportedDatomOperationException readOnly(String statement, String operation) {
    return UnsupportedDatomOperationException.immutable(statement, operation, name);
  }

  private static SparkSession spark() {
    return SparkSession.active();
  }
}
