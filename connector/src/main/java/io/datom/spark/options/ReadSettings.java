package io.datom.spark.options;

import io.datom.core.VersionSpec;
import io.datom.spark.exceptions.InvalidOptionsException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Option;

/**
 * The settings of one datom read, parsed once from its options: each value resolves read option, then session
 * configuration, then default, through the one {@link SettingLookup} (as Iceberg's {@code SparkReadConf} does).
 * Aliases ({@code path}/{@code store}, {@code versionAsOf}/{@code version}, {@code timestampAsOf}/{@code asOf}) may
 * both be given only with equal values. Parsing checks everything, so a malformed read fails before Spark plans it.
 *
 * @param table the table to read, possibly with a {@code .history} suffix
 * @param store the store path, from {@code load(path)} or option {@code store}
 * @param version the requested version ({@code version} or {@code versionAsOf}), if any
 * @param asOf the requested instant ({@code asOf} or {@code timestampAsOf}) as given, if any
 * @param versionSpec the version selection: a version, an instant, or the current version
 */
public record ReadSettings(String table, String store, Optional<String> version, Optional<String> asOf,
    VersionSpec versionSpec) {

  /** A full {@code metadata_sha} or a prefix of one: what a version can be. */
  private static final Pattern VERSION = Pattern.compile("[0-9a-f]{1,64}");

  /**
   * Parses the options of a read in {@code spark}'s session.
   *
   * @throws InvalidOptionsException if an option is missing, malformed or contradicts another
   */
  public static ReadSettings parse(SparkSession spark, CaseInsensitiveStringMap options) {
    Parser parser = new Parser(spark, new SettingLookup(options, CaseInsensitiveStringMap.empty(),
        key -> spark.conf().get(key, null)));
    VersionSpec spec = parser.versionSpec();
    String store = parser.store();
    return new ReadSettings(parser.table(), store, parser.version(), parser.asOf(), spec);
  }

  /**
   * When a scan checks the stored parquet: its option {@code verify}, else the session's
   * {@code spark.datom.read.verify}, else {@code once}. Catalog reads have no options and use the session's setting.
   */
  public static VerifyMode verifyMode(SparkSession spark, CaseInsensitiveStringMap options) {
    String value = options.get(DatomReadOptions.VERIFY);
    if (value == null) {
      value = spark.conf().get(DatomReadOptions.VERIFY_SESSION_CONF, DatomReadOptions.VERIFY_DEFAULT);
    }
    return VerifyMode.parse(value);
  }

  /**
   * Returns {@code version} if it can be a version: a full {@code metadata_sha} or a prefix of one, in lowercase hex.
   * Anything else could never match (R compares case-sensitively), so it is a mistake to name, not a version to look
   * for.
   *
   * @param given how the user gave it, for the message: {@code Option 'version' = '…'}, {@code VERSION AS OF '…'}
   * @param table the table read, whose history the message points to
   * @throws InvalidOptionsException if it cannot be a version
   */
  public static String requireVersion(String version, String given, String table) {
    if (!VERSION.matcher(version).matches()) {
      throw new InvalidOptionsException(given + " is not a version. A version is a metadata_sha (64 lowercase hex"
          + " characters, 0-9 and a-f) or a unique prefix of one: read " + table + ".history to list the versions of "
          + table + ".", DatomReadOptions.VERSION);
    }
    return version;
  }

  /** Reads the settings from the options, each check in the order a read meets them. */
  private static final class Parser {

    private final SparkSession spark;
    private final SettingLookup lookup;

    Parser(SparkSession spark, SettingLookup lookup) {
      this.spark = spark;
      this.lookup = lookup;
    }

    /** The table to read, possibly with a {@code .history} suffix. */
    String table() {
      Optional.ofNullable(lookup.given(DatomReadOptions.TABLE))
          .filter(name -> !name.isBlank() && !name.equals(name.strip()))
          .ifPresent(name -> {
            // Names are exact, and "dm " is not "dm": trimming would silently read or overwrite another table.
            throw new InvalidOptionsException("Option '" + DatomReadOptions.TABLE + "' is \"" + name + "\", with"
                + " leading or trailing spaces. Table names are exact: remove the spaces.", DatomReadOptions.TABLE);
          });
      return option(DatomReadOptions.TABLE)
          .orElseThrow(
              () ->
                  new InvalidOptionsException(
                      "Option '" + DatomReadOptions.TABLE + "' is required: name the datom table to read or write,"
                          + " e.g. .option(\"table\", \"dm\").",
                      DatomReadOptions.TABLE));
    }

    /** The store path, from {@code load(path)} or option {@code store}. */
    String store() {
      return aliased(DatomReadOptions.STORE, DatomReadOptions.PATH)
          .orElseThrow(
              () ->
                  new InvalidOptionsException(
                      "No store given: pass the project's store to load(\"s3a://bucket/prefix\") or set option '"
                          + DatomReadOptions.STORE + "'.",
                      DatomReadOptions.STORE));
    }

    /** The requested version ({@code version} or {@code versionAsOf}), if any. */
    Optional<String> version() {
      requireNotBlank(DatomReadOptions.VERSION, DatomReadOptions.VERSION_AS_OF);
      for (String name : new String[] {DatomReadOptions.VERSION, DatomReadOptions.VERSION_AS_OF}) {
        option(name).ifPresent(value -> requireVersion(value, "Option '" + name + "' = '" + value + "'",
            Optional.ofNullable(lookup.given(DatomReadOptions.TABLE)).orElse("{table}")));
      }
      return aliased(DatomReadOptions.VERSION, DatomReadOptions.VERSION_AS_OF);
    }

    /** The requested instant ({@code asOf} or {@code timestampAsOf}) as given, if any. */
    Optional<String> asOf() {
      requireNotBlank(DatomReadOptions.AS_OF, DatomReadOptions.TIMESTAMP_AS_OF);
      return aliased(DatomReadOptions.AS_OF, DatomReadOptions.TIMESTAMP_AS_OF);
    }

    /** A version selector given but empty is a mistake, not a request for the current version. */
    private void requireNotBlank(String... names) {
      for (String name : names) {
        String value = lookup.given(name);
        if (value != null && value.isBlank()) {
          throw new InvalidOptionsException("Option '" + name + "' is empty. Give a version (a full metadata_sha or a"
              + " unique prefix) or an instant, or drop the option to read the current version.", name);
        }
      }
    }

    /**
     * The version selection: a version, an instant, or the current version. Fails when both a version and an instant
     * are given, or when the instant is not a timestamp.
     */
    VersionSpec versionSpec() {
      requireOneVersionSelector();
      Optional<String> version = version();
      if (version.isPresent()) {
        return VersionSpec.version(version.get());
      }
      return asOfInstant().map(VersionSpec::asOf).orElse(VersionSpec.current());
    }

    // Parsed as Spark parses TIMESTAMP AS OF: text by Spark's timestamp cast in the session time zone, digits only as
    // seconds since the epoch.
    private Optional<Instant> asOfInstant() {
      return asOf().map(this::parseInstant);
    }

    private Instant parseInstant(String text) {
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
        try {
          return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException | DateTimeException outOfRange) {
          throw new InvalidOptionsException("Option " + DatomReadOptions.AS_OF + " = '" + text + "' is out of range as"
              + " seconds since 1970-01-01. Use an ISO-8601 instant such as 2026-06-30T00:00:00Z.",
              DatomReadOptions.AS_OF);
        }
      }
      String zone = spark.sessionState().conf().sessionLocalTimeZone();
      Option<Object> micros =
          DateTimeUtils.stringToTimestamp(UTF8String.fromString(text), DateTimeUtils.getZoneId(zone));
      if (micros.isEmpty()) {
        throw new InvalidOptionsException(
            "Option " + DatomReadOptions.AS_OF + " = '" + text + "' is not a timestamp. Use an ISO-8601 instant such "
                + "as 2026-06-30T00:00:00Z (text without a zone is read in the session time zone, " + zone + ").",
            DatomReadOptions.AS_OF);
      }
      return Instant.EPOCH.plus((Long) micros.get(), ChronoUnit.MICROS);
    }

    private void requireOneVersionSelector() {
      if (version().isPresent() && asOf().isPresent()) {
        throw new InvalidOptionsException(
            "Both a version (" + version().get() + ") and an instant (" + asOf().get() + ") were given; a read selects "
                + "one version, so set either '" + DatomReadOptions.VERSION + "' or '" + DatomReadOptions.AS_OF
                + "', not both.",
            DatomReadOptions.VERSION,
            DatomReadOptions.AS_OF);
      }
    }

    private Optional<String> option(String name) {
      return lookup.option(name);
    }

    private Optional<String> aliased(String name, String alias) {
      Optional<String> primary = option(name);
      Optional<String> secondary = option(alias);
      if (primary.isPresent() && secondary.isPresent() && !primary.equals(secondary)) {
        throw new InvalidOptionsException(
            "Options '" + name + "' (" + primary.get() + ") and '" + alias + "' (" + secondary.get() + ") mean the"
                + " same thing but differ; set only one of them.",
            name,
            alias);
      }
      return primary.or(() -> secondary);
    }
  }
}
