package io.datom.spark.validate;

import io.datom.core.ProjectValidator;
import io.datom.core.ValidationReport;
import io.datom.core.WriterOptions;
import io.datom.spark.catalog.DatomCatalogView;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomCatalogOptions;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.store.HadoopStore;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Validation (and repair) of a whole project's store against its data repository, as {@code DatomProjects} and the
 * SQL function {@code datom_validate} offer it.
 */
public final class ProjectValidation {

  private ProjectValidation() {}

  /**
   * Validates (and with {@code fix}, repairs) the project of a single-project {@code DatomCatalog}: the store is
   * {@code spark.sql.catalog.<catalog>.store}, the repository {@code spark.sql.catalog.<catalog>.repo}.
   *
   * @throws InvalidOptionsException if no such catalog is configured, it is not a single-project datom catalog, or it
   *     has no {@code repo}
   * @throws io.datom.core.exceptions.StoreMismatchException if the repository's project is stored elsewhere
   * @throws io.datom.core.exceptions.ProjectNotFoundException if the repository has no commits
   */
  public static Dataset<Row> validate(SparkSession spark, String catalog, boolean fix) {
    DatomCatalogView datom = DatomCatalogView.named(spark, catalog);
    HadoopStore store = datom.projectStore().orElseThrow(() -> new InvalidOptionsException("Catalog " + catalog
        + " serves many projects (a portfolio or path catalog), so it names no one project to validate. Validate "
        + "one project by its store and repository: DatomProjects.validate(spark, store, repo, fix), or in SQL "
        + "datom_validate('<store>', '<repo>', fix).", DatomCatalogOptions.STORE, DatomCatalogOptions.GOVERNANCE));
    CaseInsensitiveStringMap options = datom.options();
    if (isBlank(options.get(DatomWriteOptions.REPO))) {
      throw new InvalidOptionsException("Catalog " + catalog + " has no '" + DatomWriteOptions.REPO + "': validation "
          + "compares the store with the project's data repository. Set spark.sql.catalog." + catalog + "."
          + DatomWriteOptions.REPO + " to its git remote.", DatomWriteOptions.REPO);
    }
    return run(spark, store, options, fix);
  }

  /**
   * Validates (and with {@code fix}, repairs) the project whose store is the Hadoop path {@code store} and whose data
   * repository is the git remote {@code repo}, with no catalog.
   *
   * @throws io.datom.core.exceptions.StoreMismatchException if the repository's project is stored elsewhere
   * @throws io.datom.core.exceptions.ProjectNotFoundException if the repository has no commits
   */
  public static Dataset<Row> validate(SparkSession spark, String store, String repo, boolean fix) {
    if (isBlank(store) || isBlank(repo)) {
      throw new InvalidOptionsException("Validation needs both the project's store (a Hadoop path such as "
          + "s3a://bucket/trial) and its git remote (https://... or file://...); " + (isBlank(store) ? "the store"
          : "the repo") + " is blank.", isBlank(store) ? DatomCatalogOptions.STORE : DatomWriteOptions.REPO);
    }
    HadoopStore hadoopStore = HadoopStore.at(store.trim(), spark.sessionState().newHadoopConf());
    return run(spark, hadoopStore, new CaseInsensitiveStringMap(Map.of(DatomWriteOptions.REPO, repo.trim())), fix);
  }

  /** The columns of a validation's rows: project, commit, kind, table_name, store_key, repairable, status, detail. */
  public static StructType validationSchema() {
    return ValidationRows.SCHEMA;
  }

  private static Dataset<Row> run(SparkSession spark, HadoopStore store, CaseInsensitiveStringMap settings,
      boolean fix) {
    WriteSettings conf = WriteSettings.parse(spark, CaseInsensitiveStringMap.empty(), settings);
    WriterOptions options = WriterOptions.builder(conf.repo(), store).credentials(conf.credentials()).build();
    ValidationReport report = ProjectValidator.validate(options, fix);
    return spark.createDataFrame(ValidationRows.of(report, fix), ValidationRows.SCHEMA);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
