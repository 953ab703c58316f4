package io.datom.spark.write;

import io.datom.core.GitCredentials;
import io.datom.core.GitIdentity;
import io.datom.core.GitRemotes;
import io.datom.core.Parent;
import io.datom.core.RText;
import io.datom.core.RetryPolicy;
import io.datom.core.TableNames;
import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.InvalidNameException;
import io.datom.spark.DatomWriteOptions;
import io.datom.spark.InvalidOptionsException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to the options of one datom write ({@link DatomWriteOptions}): each value resolves write option, then
 * the catalog's option (for writes through a {@link io.datom.spark.DatomCatalog}), then session configuration, then
 * default. Malformed values are reported when read, before any job runs.
 */
public final class DatomWriteConf {

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{64}");
  private static final Logger LOG = LoggerFactory.getLogger(DatomWriteConf.class);
  private static final AtomicBoolean WARNED_OF_EVENT_LOG = new AtomicBoolean();

  private final SparkSession spark;
  private final CaseInsensitiveStringMap options;
  private final CaseInsensitiveStringMap catalogOptions;

  /**
   * @param options the write's options
   * @param catalogOptions the options of the catalog the table was loaded from; empty for {@code format("datom")}
   */
  public DatomWriteConf(SparkSession spark, CaseInsensitiveStringMap options, CaseInsensitiveStringMap catalogOptions) {
    this.spark = spark;
    this.options = options;
    this.catalogOptions = catalogOptions;
  }

  /** The data repository's git remote. */
  public String repo() {
    return setting(DatomWriteOptions.REPO)
        .map(repo -> GitRemotes.requireNoCredentials(repo, DatomWriteOptions.tokenSettings()))
        .orElseThrow(() -> new InvalidOptionsException(
        "Option '" + DatomWriteOptions.REPO + "' is required to write: set it to the git remote of the project's "
            + "data repository, e.g. .option(\"repo\", \"https://git.example.org/acme/study-001-data.git\") (or "
            + "spark.sql.catalog.<name>.repo for a catalog).", DatomWriteOptions.REPO));
  }

  /** The project name given for the write, if any. */
  public Optional<String> project() {
    return setting(DatomWriteOptions.PROJECT);
  }

  /** The commit message, if given (core defaults it to R's {@code Update {table}}). */
  public Optional<String> message() {
    return Optional.ofNullable(options.get(DatomWriteOptions.MESSAGE)).filter(m -> !m.isBlank())
        .map(m -> RText.require(DatomWriteOptions.MESSAGE, "Option 'message'", m));
  }

  /** The {@code custom.*} options as custom metadata, keys in sorted order; empty when there are none. */
  public Optional<SortedMap<String, String>> customMetadata() {
    SortedMap<String, String> custom = new TreeMap<>();
    for (Map.Entry<String, String> option : options.asCaseSensitiveMap().entrySet()) {
      String key = option.getKey();
      if (key.regionMatches(true, 0, DatomWriteOptions.CUSTOM_PREFIX, 0, DatomWriteOptions.CUSTOM_PREFIX.length())) {
        String name = key.substring(DatomWriteOptions.CUSTOM_PREFIX.length());
        if (name.isEmpty()) {
          throw new InvalidOptionsException("Option '" + key + "' names no custom field: write custom metadata as "
              + ".option(\"custom.description\", \"Central lab\").", key);
        }
        String shown = RText.printable(key);
        RText.require(key, "The name of option '" + shown + "'", name);
        custom.put(name, RText.require(key, "Option '" + shown + "'", option.getValue()));
      }
    }
    return custom.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableSortedMap(custom));
  }

  /**
   * The parents stated in option {@code parents}: empty when the option is not set, an empty list when it is
   * {@code []} (a declaration of no parents, recorded as {@code "parents": []} as R does).
   */
  public Optional<List<Parent>> explicitParents() {
    Optional<String> text = Optional.ofNullable(options.get(DatomWriteOptions.PARENTS)).filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<Parent> parents = ParentsOption.parse(text.get());
    Parent.requireValid(parents);
    for (int i = 0; i < parents.size(); i++) {
      requireFullSha(parents.get(i).version(), "version", i + 1);
      requireFullSha(parents.get(i).dataSha(), "data_sha", i + 1);
      requireTableName(parents.get(i).table(), i + 1);
    }
    return Optional.of(parents);
  }

  /**
   * A stated parent names an exact version: R checks only that the fields are present, but a value that is not a
   * full lowercase sha (such as {@code ../../x}) could never be followed back, and is refused.
   */
  private static void requireFullSha(String value, String field, int entry) {
    if (!FULL_SHA.matcher(value).matches()) {
      throw new InvalidLineageException("parents", entry, "Entry " + entry + " of `parents` has " + field + " \""
          + value + "\", which is not a full sha (64 lowercase hex characters). Copy the parent's " + field
          + " from its history.");
    }
  }

  /** A stated parent's table is a datom table: a name such as {@code ../x} could never be followed back either. */
  private static void requireTableName(String table, int entry) {
    try {
      TableNames.requireValid(table);
    } catch (InvalidNameException e) {
      throw new InvalidLineageException("parents", entry, "Entry " + entry + " of `parents` has table \""
          + RText.printable(table) + "\", which is not a datom table name (" + e.getMessage() + "). Copy the"
          + " parent's table name from its project.");
    }
  }

  /** Who authors the commit: options, then session configuration, then Spark's user and datom's fallback e-mail. */
  public GitIdentity author() {
    String name = Optional.ofNullable(options.get(DatomWriteOptions.AUTHOR_NAME)).filter(n -> !n.isBlank())
        .or(() -> conf(DatomWriteOptions.AUTHOR_NAME_CONF))
        .orElseGet(() -> spark.sparkContext().sparkUser());
    String email = Optional.ofNullable(options.get(DatomWriteOptions.AUTHOR_EMAIL)).filter(e -> !e.isBlank())
        .or(() -> conf(DatomWriteOptions.AUTHOR_EMAIL_CONF))
        .orElse(GitIdentity.FALLBACK.email());
    return new GitIdentity(name, email);
  }

  /** The token for the remote: {@code spark.datom.git.token}, else {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}. */
  public GitCredentials credentials() {
    Optional<String> token = conf(DatomWriteOptions.GIT_TOKEN_CONF);
    if (token.isPresent() && !WARNED_OF_EVENT_LOG.get()) {
      eventLogWarning(spark.sparkContext().getConf()).filter(w -> WARNED_OF_EVENT_LOG.compareAndSet(false, true))
          .ifPresent(LOG::warn);
    }
    return token.map(t -> GitCredentials.token(t, DatomWriteOptions.GIT_TOKEN_CONF))
        .orElseGet(() -> GitCredentials.resolve(null));
  }

  /**
   * The warning for a session whose token Spark writes into its event log in plain text: Spark copies every session
   * setting into the properties of each job, and when it logs them it redacts only the settings of the application's
   * configuration. Empty when the application logs no events, or its configuration holds the token (then redacted).
   */
  static Optional<String> eventLogWarning(SparkConf application) {
    if (!application.getBoolean("spark.eventLog.enabled", false)
        || application.contains(DatomWriteOptions.GIT_TOKEN_CONF)) {
      return Optional.empty();
    }
    return Optional.of(DatomWriteOptions.GIT_TOKEN_CONF + " is set on the session (spark.conf().set or SQL SET), not"
        + " in the application's configuration, and this application writes an event log: Spark records the session's"
        + " settings in each job's properties there without redacting them, so the token is in the event log under "
        + application.get("spark.eventLog.dir", "spark.eventLog.dir") + ". Give the token at start instead (--conf "
        + DatomWriteOptions.GIT_TOKEN_CONF + "=…, which Spark redacts) or as the environment variable DATOM_GIT_TOKEN"
        + " of the driver, and replace this token.");
  }

  /** How rejected pushes are retried: option {@code retryDeadline}, else the session's, else core's default. */
  public RetryPolicy retryPolicy() {
    Optional<String> deadline = setting(DatomWriteOptions.RETRY_DEADLINE)
        .or(() -> conf(DatomWriteOptions.RETRY_DEADLINE_CONF));
    if (deadline.isEmpty()) {
      return RetryPolicy.DEFAULT;
    }
    try {
      long millis = JavaUtils.timeStringAsMs(deadline.get());
      if (millis < 0) {
        throw new NumberFormatException("negative");
      }
      return RetryPolicy.within(Duration.ofMillis(millis));
    } catch (NumberFormatException e) {
      throw new InvalidOptionsException("Option '" + DatomWriteOptions.RETRY_DEADLINE + "' (or "
          + DatomWriteOptions.RETRY_DEADLINE_CONF + ") must be a duration such as 90s or 10m, got '" + deadline.get()
          + "'.", DatomWriteOptions.RETRY_DEADLINE);
    }
  }

  /** Where part files are staged, if the session sets it. */
  public Optional<String> stagingRoot() {
    return conf(DatomWriteOptions.STAGING_CONF);
  }

  /** How old a staging directory must be before a write sweeps it as a dead writer's; default one hour. */
  public Duration stagingMaxAge() {
    Optional<String> age = conf(DatomWriteOptions.STAGING_MAX_AGE_CONF);
    if (age.isEmpty()) {
      return StagingArea.DEFAULT_MAX_AGE;
    }
    try {
      long seconds = JavaUtils.timeStringAsSec(age.get());
      if (seconds <= 0) {
        throw new NumberFormatException("not positive");
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new InvalidOptionsException(DatomWriteOptions.STAGING_MAX_AGE_CONF + " must be a positive duration such "
          + "as 1h, 30min or 7d, got '" + age.get() + "'.", DatomWriteOptions.STAGING_MAX_AGE_CONF);
    }
  }

  private Optional<String> setting(String name) {
    return Optional.ofNullable(options.get(name))
        .or(() -> Optional.ofNullable(catalogOptions.get(name)))
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }

  private Optional<String> conf(String key) {
    return Optional.ofNullable(spark.conf().get(key, null)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
