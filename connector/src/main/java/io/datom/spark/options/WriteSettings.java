package io.datom.spark.options;

import io.datom.core.BaseVersion;
import io.datom.core.GitCredentials;
import io.datom.core.GitIdentity;
import io.datom.core.GitRemotes;
import io.datom.core.Parent;
import io.datom.core.RText;
import io.datom.core.RetryPolicy;
import io.datom.core.TableNames;
import io.datom.core.TableWrite;
import io.datom.core.WriterOptions;
import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.store.Store;
import io.datom.spark.exceptions.InvalidOptionsException;
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
 * The settings of one datom write ({@link DatomWriteOptions}), parsed once, before any job runs: each value resolves
 * write option, then the catalog's option (for writes through a {@code DatomCatalog}), then session configuration,
 * then default, through the one {@link SettingLookup}. Malformed values are refused by {@link #parse}.
 *
 * @param repo the data repository's git remote
 * @param project the project name given for the write, if any
 * @param message the commit message, if given (core defaults it to R's {@code Update {table}})
 * @param customMetadata the {@code custom.*} options as custom metadata, keys in sorted order; empty when none
 * @param explicitParents the parents stated in option {@code parents}: empty when the option is not set, an empty
 *     list when it is {@code []} (a declaration of no parents, recorded as {@code "parents": []} as R does)
 * @param author who authors the commit: options, then session configuration, then Spark's user and datom's e-mail
 * @param credentials the token for the remote: {@code spark.datom.git.token}, else {@code DATOM_GIT_TOKEN}, else
 *     {@code GITHUB_PAT}
 * @param retryPolicy how rejected pushes are retried: option {@code retryDeadline}, else the session's, else core's
 * @param stagingRoot where part files are staged, if the session sets it
 * @param stagingMaxAge how old a staging directory must be before a write sweeps it as a dead writer's
 * @param baseVerifyMode how an append checks the object of the version it adds to: the session's read setting
 * @param placement how a new object is placed on an object store
 */
public record WriteSettings(String repo, Optional<String> project, Optional<String> message,
    Optional<SortedMap<String, String>> customMetadata, Optional<List<Parent>> explicitParents, GitIdentity author,
    GitCredentials credentials, RetryPolicy retryPolicy, Optional<String> stagingRoot, Duration stagingMaxAge,
    VerifyMode baseVerifyMode, Placement placement) {

  /** How old a staging directory must be before a write sweeps it, unless the session says otherwise. */
  public static final Duration DEFAULT_STAGING_MAX_AGE = Duration.ofHours(1);

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{64}");
  private static final Logger LOG = LoggerFactory.getLogger(WriteSettings.class);
  private static final AtomicBoolean WARNED_OF_EVENT_LOG = new AtomicBoolean();

  /**
   * Parses the settings of a write in {@code spark}'s session.
   *
   * @param options the write's options
   * @param catalogOptions the options of the catalog the table was loaded from; empty for {@code format("datom")}
   * @throws InvalidOptionsException if a setting is missing or malformed
   */
  public static WriteSettings parse(SparkSession spark, CaseInsensitiveStringMap options,
      CaseInsensitiveStringMap catalogOptions) {
    SettingLookup lookup = new SettingLookup(options, catalogOptions, key -> spark.conf().get(key, null));
    Parser parser = new Parser(spark, lookup);
    String repo = parser.repo();
    Duration stagingMaxAge = parser.stagingMaxAge();
    GitCredentials credentials = parser.credentials();
    GitIdentity author = parser.author();
    RetryPolicy retryPolicy = parser.retryPolicy();
    Optional<String> project = lookup.setting(DatomWriteOptions.PROJECT);
    Optional<List<Parent>> parents = parser.explicitParents();
    Optional<String> message = lookup.text(DatomWriteOptions.MESSAGE)
        .map(m -> RText.require(DatomWriteOptions.MESSAGE, "Option 'message'", m));
    Optional<SortedMap<String, String>> custom = parser.customMetadata();
    VerifyMode verify = ReadSettings.verifyMode(spark, CaseInsensitiveStringMap.empty());
    return new WriteSettings(repo, project, message, custom, parents, author, credentials, retryPolicy,
        lookup.session(DatomWriteOptions.STAGING_CONF), stagingMaxAge, verify,
        Placement.parse(lookup.session(DatomWriteOptions.PLACEMENT_CONF),
            lookup.session(DatomWriteOptions.PLACEMENT_PART_SIZE_CONF)));
  }

  /** Core's options for a writer of the project in {@code store}: its remote, credentials, author and retries. */
  public WriterOptions.Builder writerOptions(Store store) {
    return WriterOptions.builder(repo, store).credentials(credentials).author(author).retryPolicy(retryPolicy);
  }

  /**
   * {@code write} with this write's message and custom metadata, and the given parents and base, applied.
   *
   * @param parents the version's parents, if any are recorded
   * @param base the version the rows were computed from (an append's), which must still be current at commit
   */
  public TableWrite applyTo(TableWrite write, Optional<List<Parent>> parents, Optional<BaseVersion> base) {
    base.ifPresent(write::basedOn);
    message.ifPresent(write::message);
    customMetadata.ifPresent(write::customMetadata);
    parents.ifPresent(write::parents);
    return write;
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

  /** Reads the settings from the options, each check in the order a write meets them. */
  private static final class Parser {

    private final SparkSession spark;
    private final SettingLookup lookup;

    Parser(SparkSession spark, SettingLookup lookup) {
      this.spark = spark;
      this.lookup = lookup;
    }

    String repo() {
      return lookup.setting(DatomWriteOptions.REPO)
          .map(repo -> GitRemotes.requireNoCredentials(repo, DatomWriteOptions.tokenSettings()))
          .orElseThrow(() -> new InvalidOptionsException("Option '" + DatomWriteOptions.REPO + "' is required to"
              + " write: set it to the git remote of the project's data repository, e.g. .option(\"repo\","
              + " \"https://git.example.org/acme/study-001-data.git\") (or spark.sql.catalog.<name>.repo for a"
              + " catalog).", DatomWriteOptions.REPO));
    }

    Optional<SortedMap<String, String>> customMetadata() {
      SortedMap<String, String> custom = new TreeMap<>();
      for (Map.Entry<String, String> option : lookup.options().asCaseSensitiveMap().entrySet()) {
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

    Optional<List<Parent>> explicitParents() {
      Optional<String> text = lookup.text(DatomWriteOptions.PARENTS);
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

    GitIdentity author() {
      String name = lookup.text(DatomWriteOptions.AUTHOR_NAME, DatomWriteOptions.AUTHOR_NAME_CONF)
          .orElseGet(() -> spark.sparkContext().sparkUser());
      String email = lookup.text(DatomWriteOptions.AUTHOR_EMAIL, DatomWriteOptions.AUTHOR_EMAIL_CONF)
          .orElse(GitIdentity.FALLBACK.email());
      return new GitIdentity(name, email);
    }

    GitCredentials credentials() {
      Optional<String> token = lookup.session(DatomWriteOptions.GIT_TOKEN_CONF);
      if (token.isPresent() && !WARNED_OF_EVENT_LOG.get()) {
        eventLogWarning(spark.sparkContext().getConf()).filter(w -> WARNED_OF_EVENT_LOG.compareAndSet(false, true))
            .ifPresent(LOG::warn);
      }
      return token.map(t -> GitCredentials.token(t, DatomWriteOptions.GIT_TOKEN_CONF))
          .orElseGet(() -> GitCredentials.resolve(null));
    }

    RetryPolicy retryPolicy() {
      Optional<String> deadline =
          lookup.setting(DatomWriteOptions.RETRY_DEADLINE, DatomWriteOptions.RETRY_DEADLINE_CONF);
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

    Duration stagingMaxAge() {
      Optional<String> age = lookup.session(DatomWriteOptions.STAGING_MAX_AGE_CONF);
      if (age.isEmpty()) {
        return DEFAULT_STAGING_MAX_AGE;
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
  }
}
