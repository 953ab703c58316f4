package io.datom.spark.options;

/**
 * Names of the options of {@code spark.read().format("datom")}. Option names are case-insensitive, as everywhere in
 * Spark. {@link ReadSettings} reads them with their defaults and session-wide fallbacks.
 *
 * <pre>{@code
 * spark.read().format("datom")
 *     .option("table", "lb")                      // required
 *     .option("version", "3f2a9c")                // or .option("asOf", "2026-06-30T00:00:00Z")
 *     .load("s3a://bucket/trial");                // or .option("store", "s3a://bucket/trial")
 * }</pre>
 */
public final class DatomReadOptions {

  private DatomReadOptions() {}

  /**
   * The table to read (required). {@code {table}.history} reads the table's version history instead: one row per
   * version, newest first (see {@link io.datom.spark.table.HistoryTable}).
   */
  public static final String TABLE = "table";

  /** The store: the project's root plus prefix as a Hadoop path. Same as the argument of {@code load(path)}. */
  public static final String STORE = "store";

  /** Spark's own name for the argument of {@code load(path)}; an alias of {@link #STORE}. */
  public static final String PATH = "path";

  /** The version to read: a full {@code metadata_sha} or a unique prefix of one. Default: the current version. */
  public static final String VERSION = "version";

  /**
   * Reads the newest version written at or before this instant (its history {@code timestamp}). Accepts what Spark's
   * timestamp cast accepts, e.g. {@code 2026-06-30T00:00:00Z}; text without a zone is in the session time zone.
   */
  public static final String AS_OF = "asOf";

  /** Spark's time-travel option name; an alias of {@link #VERSION}. */
  public static final String VERSION_AS_OF = "versionAsOf";

  /** Spark's time-travel option name; an alias of {@link #AS_OF}. */
  public static final String TIMESTAMP_AS_OF = "timestampAsOf";

  /**
   * When to check a version's stored parquet against its recorded {@code parquet_sha}: {@code once} (the default:
   * once per object, across drivers: a verification record next to the object vouches for it while the store reports
   * it unchanged, size and ETag or modification time), {@code full} (on every read), or {@code none}. A check streams
   * the whole object through SHA-256 in a one-task job before the scan starts. Session-wide default:
   * {@link #VERIFY_SESSION_CONF}.
   */
  public static final String VERIFY = "verify";

  /** Session configuration that sets the default of {@link #VERIFY} for reads and SQL queries. */
  public static final String VERIFY_SESSION_CONF = "spark.datom.read.verify";

  /** The default of {@link #VERIFY}. */
  public static final String VERIFY_DEFAULT = "once";
}
