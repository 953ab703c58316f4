package io.datom.spark.options;

/**
 * Names of the options of a datom write: {@code df.write().format("datom")}, and {@code df.writeTo(...)} through a
 * {@link DatomCatalog}. Option names are case-insensitive, as everywhere in Spark, except the key after
 * {@code custom.}. {@link WriteSettings} reads them with their fallbacks.
 *
 * <pre>{@code
 * df.write().format("datom")
 *     .option("table", "lb")                                  // required
 *     .option("repo", "https://git.example.org/acme/study-001-data.git")
 *     .option("project", "STUDY_001")                         // used when the write creates the project
 *     .option("message", "Month 6 EDC extract")
 *     .option("custom.description", "Central lab")
 *     .mode("overwrite")                                      // or append, errorifexists, ignore
 *     .save("s3a://bucket/trial");                            // the store
 * }</pre>
 *
 * <p>Secrets are never options: the git token comes from {@link #GIT_TOKEN_CONF} or the environment
 * ({@code DATOM_GIT_TOKEN}, then {@code GITHUB_PAT}), and Spark redacts that setting wherever it shows configuration.
 */
public final class DatomWriteOptions {

  private DatomWriteOptions() {}

  /** The table to write (required): a datom table name (letters, digits, {@code _}, {@code -}, space, parentheses). */
  public static final String TABLE = "table";

  /**
   * The git remote of the project's data repository (required unless the catalog sets it): {@code https://...} or
   * {@code file://...}. An empty remote (no commits) with an empty store makes the write create the project.
   */
  public static final String REPO = "repo";

  /**
   * The project's name. Required when the write creates the project (R's {@code datom_init_repo(project_name =)});
   * when the project exists, a different name is refused, so a job cannot write into the wrong study.
   */
  public static final String PROJECT = "project";

  /** The commit message and history {@code commit_message}; default {@code Update {table}}, as in R. */
  public static final String MESSAGE = "message";

  /**
   * Prefix of custom metadata (R's {@code metadata =}): {@code custom.description = Central lab} records
   * {@code "custom": {"description": "Central lab"}}. Values are strings; keys keep their case and are recorded in
   * sorted order, so the same options always give the same version.
   */
  public static final String CUSTOM_PREFIX = "custom.";

  /**
   * Parents stated explicitly, for data that came from outside datom reads: a JSON array of objects with
   * {@code source}, {@code table}, {@code version} and {@code data_sha}, and optionally {@code source_lineage}, as R's
   * {@code datom_parent()} returns them. They come first; the datom tables the DataFrame was read from follow
   * automatically.
   */
  public static final String PARENTS = "parents";

  /** The author of the commit and history entry; default {@link #AUTHOR_NAME_CONF}, else Spark's user name. */
  public static final String AUTHOR_NAME = "author.name";

  /** The author's e-mail; default {@link #AUTHOR_EMAIL_CONF}, else {@code datom@noreply}. */
  public static final String AUTHOR_EMAIL = "author.email";

  /**
   * How long a write keeps retrying when other writers keep pushing first, as a Spark duration ({@code 90s},
   * {@code 10m}); default {@link #RETRY_DEADLINE_CONF}, else core's {@code RetryPolicy.DEFAULT} (10 minutes).
   */
  public static final String RETRY_DEADLINE = "retryDeadline";

  /** Session configuration: the default of {@link #RETRY_DEADLINE}. */
  public static final String RETRY_DEADLINE_CONF = "spark.datom.write.retryDeadline";

  /** Where a Spark user puts the git token, for messages that tell them. */
  public static String tokenSettings() {
    return GIT_TOKEN_CONF + " (or the environment variable DATOM_GIT_TOKEN)";
  }

  /** Session configuration: the HTTPS token for the git remote (sent as the password of user {@code git}). */
  public static final String GIT_TOKEN_CONF = "spark.datom.git.token";

  /** Session configuration: the default author name. */
  public static final String AUTHOR_NAME_CONF = "spark.datom.author.name";

  /** Session configuration: the default author e-mail. */
  public static final String AUTHOR_EMAIL_CONF = "spark.datom.author.email";

  /**
   * Session configuration: the Hadoop directory under which writes stage their part files; default
   * {@code {store}/datom/{table}/.staging}. Any filesystem every executor and the driver can reach will do.
   */
  public static final String STAGING_CONF = "spark.datom.write.staging";

  /**
   * Session configuration: how old a staging directory must be (its newest file, that is) before a write sweeps it
   * as left by a writer that died; default {@code 1h}. A live write keeps its own directory fresh, so this only needs
   * to exceed a driver's longest pause. Spark's duration forms: {@code 30min}, {@code 2h}, {@code 7d}.
   */
  public static final String STAGING_MAX_AGE_CONF = "spark.datom.write.staging.maxAge";

  /**
   * Session configuration: how a new version's object is placed on an object store whose Hadoop filesystem offers a
   * multipart uploader ({@code s3a}): {@code parallel} (the default) uploads it in parts from many tasks;
   * {@code single} has one task write it whole, as before. Both place exactly the same bytes.
   */
  public static final String PLACEMENT_CONF = "spark.datom.write.placement";

  /**
   * Session configuration: the size of each uploaded part (all but the last) when placing in parallel; default
   * {@code 64m}, at least {@code 5m} (S3's smallest part). An object no larger than one part is written by one task.
   */
  public static final String PLACEMENT_PART_SIZE_CONF = "spark.datom.write.placement.partSize";
}
