package io.datom.spark;

import io.datom.core.SwitchResult;
import io.datom.spark.move.StoreMoves;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Moves a datom project from one store to another (R's {@code datom_storage_copy}, {@code datom_storage_verify} and
 * {@code datom_repo_set_data_store}), at cluster scale: stores are Hadoop paths ({@code /data/trial},
 * {@code s3a://bucket/trial}, {@code hdfs://…}, {@code abfss://…}), configured the Hadoop way.
 *
 * <pre>{@code
 * DatomStores.move(spark, "/data/trial", "s3a://study-bucket/trial", "https://git.example.org/acme/study.git")
 *     .show(false);
 * }</pre>
 *
 * <p>{@link #move} copies every object and metadata file (objects first, one Spark task each; metadata after the
 * objects it refers to; the manifest last), verifies the copy (sizes, documents byte for byte, each object's
 * {@code parquet_sha} recomputed on an executor) and only then rewrites {@code .datom/project.yaml} as R does and
 * pushes it, so R and Spark both open the project at its new store. Every step may be run again: a copy completes
 * what an interrupted one left, and a switch already made is not made twice. The source is left as it is.
 * SQL reaches the same through {@code datom_store_copy}, {@code datom_store_verify} and {@code datom_move} (see
 * {@link DatomSparkSessionExtensions}).
 */
public final class DatomStores {

  private DatomStores() {}

  /**
   * Copies the project at store {@code from} to store {@code to}: objects are created only where absent (an object
   * of another size already there is refused, naming its key), documents are copied byte for byte.
   *
   * @return one row per key of {@link #schema()}, with its action: {@code copied}, {@code present} or
   *     {@code replaced}
   * @throws io.datom.core.exceptions.ObjectConflictException if the destination holds another object at a key
   * @throws io.datom.core.exceptions.NamespaceOccupiedException if the destination holds another project
   * @throws io.datom.core.exceptions.ProjectNotInStoreException if {@code from} holds no project
   */
  public static Dataset<Row> copy(SparkSession spark, String from, String to) {
    return StoreMoves.copy(spark, from, to);
  }

  /**
   * Verifies a copy: each key of {@code from} present at {@code to} with the same size, documents byte-identical,
   * and each parquet object hashing to its recorded {@code parquet_sha} (one Spark task per object).
   *
   * @return one row per key of {@link #schema()}, {@code ok} and, when not ok, the issue in {@code detail}
   */
  public static Dataset<Row> verify(SparkSession spark, String from, String to) {
    return StoreMoves.verify(spark, from, to);
  }

  /**
   * Points the project's data repository at store {@code to} (R's {@code datom_repo_set_data_store}); its
   * {@code project.yaml} must name {@code from}. Neither copies nor verifies: use it after {@link #verify} passed,
   * or use {@link #move}.
   *
   * @param repo   the project's git remote (the token comes from {@code spark.datom.git.token} or the environment)
   * @param region the region recorded for an S3 destination, or {@code null} for the session's S3A region of the
   *               bucket, else {@code us-east-1} (R's default)
   * @throws io.datom.core.exceptions.StoreMismatchException if {@code project.yaml} names neither store
   * @throws IllegalArgumentException if {@code to} is neither a local nor an S3 store (R could not open it)
   */
  public static SwitchResult switchDataStore(SparkSession spark, String repo, String from, String to, String region) {
    return StoreMoves.switchDataStore(spark, repo, from, to, region);
  }

  /** {@link #switchDataStore(SparkSession, String, String, String, String)} with the region found in the session. */
  public static SwitchResult switchDataStore(SparkSession spark, String repo, String from, String to) {
    return switchDataStore(spark, repo, from, to, null);
  }

  /**
   * Copies, verifies and, only if every key verified, switches the data store in git.
   *
   * @return one row per key (action, {@code ok}) and a last row for {@code .datom/project.yaml}: {@code switched}
   *     with the commit, or {@code unchanged} when it already named {@code to}
   * @throws io.datom.core.exceptions.CopyVerificationException naming every key that did not verify; the project
   *     stays at {@code from}
   */
  public static Dataset<Row> move(SparkSession spark, String from, String to, String repo, String region) {
    return StoreMoves.move(spark, from, to, repo, region);
  }

  /** {@link #move(SparkSession, String, String, String, String)} with the region found in the session. */
  public static Dataset<Row> move(SparkSession spark, String from, String to, String repo) {
    return move(spark, from, to, repo, null);
  }

  /** The columns of the rows: key, kind, bytes, action, ok, detail. */
  public static StructType schema() {
    return StoreMoves.schema();
  }
}
