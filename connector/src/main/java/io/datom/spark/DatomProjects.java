package io.datom.spark;

import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.validate.ProjectValidation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Operations on a whole datom project from Spark. {@link #validate} compares a project's store with its data
 * repository and, when asked, repairs the store (R's {@code datom_validate(conn, fix =)}): the remedy when a writer
 * died between its push and the store mirror, or a store file was damaged. SQL reaches the same through
 * {@code SELECT * FROM datom_validate('study', true)} (see {@link DatomSparkSessionExtensions}).
 *
 * <pre>{@code
 * DatomProjects.validate(spark, "study", false).show(false);    // what is wrong, if anything
 * DatomProjects.validate(spark, "study", true).show(false);     // and repair it
 * }</pre>
 *
 * <p>Validation runs on the driver when called, cloning the data repository with the session's git token
 * ({@code spark.datom.git.token}, else the environment), and returns its report as a small local DataFrame of
 * {@link #validationSchema()}: one row per discrepancy, or one {@code ok} row. A repair re-mirrors the store from git,
 * exactly as a write ends, so it is safe while others write.
 */
public final class DatomProjects {

  private DatomProjects() {}

  /**
   * Validates (and with {@code fix}, repairs) the project of a single-project {@link DatomCatalog}: the store is
   * {@code spark.sql.catalog.<catalog>.store}, the repository {@code spark.sql.catalog.<catalog>.repo}.
   *
   * @throws InvalidOptionsException if no such catalog is configured, it is not a single-project datom catalog, or it
   *     has no {@code repo}
   * @throws io.datom.core.exceptions.StoreMismatchException if the repository's project is stored elsewhere
   * @throws io.datom.core.exceptions.ProjectNotFoundException if the repository has no commits
   */
  public static Dataset<Row> validate(SparkSession spark, String catalog, boolean fix) {
    return ProjectValidation.validate(spark, catalog, fix);
  }

  /**
   * Validates (and with {@code fix}, repairs) the project whose store is the Hadoop path {@code store} and whose data
   * repository is the git remote {@code repo}, with no catalog.
   *
   * @throws io.datom.core.exceptions.StoreMismatchException if the repository's project is stored elsewhere
   * @throws io.datom.core.exceptions.ProjectNotFoundException if the repository has no commits
   */
  public static Dataset<Row> validate(SparkSession spark, String store, String repo, boolean fix) {
    return ProjectValidation.validate(spark, store, repo, fix);
  }

  /** The columns of a validation's rows: project, commit, kind, table_name, store_key, repairable, status, detail. */
  public static StructType validationSchema() {
    return ProjectValidation.validationSchema();
  }
}
