package io.datom.spark.options;

import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The options datom reads and writes take, and the refusal of any other: a misspelled {@code verison} that silently
 * read the current version instead of the pinned one would defeat the point of a reproducible read. Names compare
 * case-insensitively, as Spark's options do.
 */
public final class KnownOptions {

  /** Options every Spark source gets from the DataFrame API: {@code load(path)}, {@code load(p1, p2)}. */
  private static final List<String> SPARK_GENERIC = List.of(DatomReadOptions.PATH, "paths");

  /** What a read takes. */
  public static final Set<String> READ = names(SPARK_GENERIC.stream(), Stream.of(DatomReadOptions.TABLE,
      DatomReadOptions.STORE, DatomReadOptions.VERSION, DatomReadOptions.VERSION_AS_OF, DatomReadOptions.AS_OF,
      DatomReadOptions.TIMESTAMP_AS_OF, DatomReadOptions.VERIFY));

  /** What a write takes, besides {@code custom.*}. */
  public static final Set<String> WRITE = names(SPARK_GENERIC.stream(), Stream.of(DatomWriteOptions.TABLE,
      DatomReadOptions.STORE, DatomWriteOptions.REPO, DatomWriteOptions.PROJECT, DatomWriteOptions.MESSAGE,
      DatomWriteOptions.PARENTS, DatomWriteOptions.AUTHOR_NAME, DatomWriteOptions.AUTHOR_EMAIL,
      DatomWriteOptions.RETRY_DEADLINE));

  /** What a catalog takes ({@code spark.sql.catalog.<name>.<option>}): where its projects are, and write defaults. */
  public static final Set<String> CATALOG = names(Stream.of(), Stream.of(DatomCatalogOptions.STORE,
      DatomCatalogOptions.GOVERNANCE, DatomCatalogOptions.S3_SCHEME, DatomWriteOptions.REPO, DatomWriteOptions.PROJECT,
      DatomWriteOptions.RETRY_DEADLINE));

  private static final Set<String> ANY = union(READ, WRITE);

  private KnownOptions() {}

  /** Refuses an option that neither a read nor a write takes: the first check, before Spark plans anything. */
  public static void requireReadOrWriteOption(Map<String, String> options) {
    require(options, ANY, "a datom read or write");
  }

  /** Refuses an option a read does not take (a write option such as {@code message} included). */
  public static void requireReadOptions(Map<String, String> options) {
    require(options, READ, "a datom read");
  }

  /** Refuses an option a write does not take (a read option such as {@code version} included). */
  public static void requireWriteOptions(Map<String, String> options) {
    require(options, WRITE, "a datom write");
  }

  /** Refuses a catalog setting the catalog does not take, naming it as the user wrote it. */
  public static void requireCatalogOptions(String catalog, Map<String, String> options) {
    for (String given : spelledAsGiven(options)) {
      String name = given.toLowerCase(Locale.ROOT);
      if (!CATALOG.contains(name)) {
        String hint = secretHint(name).or(() -> closest(name, CATALOG).map(match -> " Did you mean '" + match + "'?"))
            .orElse("");
        throw new InvalidOptionsException("Unknown setting 'spark.sql.catalog." + catalog + "." + given + "' for a"
            + " datom catalog." + hint + " Catalog settings are: " + String.join(", ", spelled(CATALOG))
            + " (docs/options.md).", given);
      }
    }
  }

  private static void require(Map<String, String> options, Set<String> known, String operation) {
    for (String given : spelledAsGiven(options)) {
      String name = given.toLowerCase(Locale.ROOT);
      boolean custom = name.startsWith(DatomWriteOptions.CUSTOM_PREFIX);
      if (known.contains(name) || (known == WRITE || known == ANY) && custom) {
        continue;
      }
      String hint = secretHint(name).or(() -> sessionHint(given))
          .or(() -> closest(name, known).map(match -> " Did you mean '" + match + "'?")).orElse("");
      String where = ANY.contains(name) || custom
          ? " It belongs to the other direction (a read or a write), where it would mean something." : "";
      throw new InvalidOptionsException("Unknown option '" + given + "' for " + operation + "." + hint + where
          + " Options are: " + String.join(", ", spelled(known)) + (known == READ ? "" : ", custom.*")
          + " (docs/options.md).", given);
    }
  }

  /** Names that suggest a credential: such a value is never an option (its message never shows the value). */
  private static final List<String> SECRET_WORDS = List.of("token", "password", "secret", "credential", "pat");

  /** Whether an option's name suggests it holds a credential (a token, password, secret key). */
  public static boolean looksLikeCredential(String option) {
    String lowercased = option.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(word -> lowercased.equals(word) || lowercased.endsWith("." + word)
        || lowercased.endsWith("_" + word) || word.length() > 3 && lowercased.contains(word));
  }

  private static Optional<String> secretHint(String lowercased) {
    return looksLikeCredential(lowercased)
        ? Optional.of(" Credentials are never options: give the git token as the session setting "
            + DatomWriteOptions.GIT_TOKEN_CONF + " or the environment variable DATOM_GIT_TOKEN, and store credentials"
            + " in the session's Hadoop configuration (docs/writing-spark.md, \"Where the token travels\").")
        : Optional.empty();
  }

  /** A session setting ({@code spark.…}) given as an option: it takes effect only as configuration. */
  private static Optional<String> sessionHint(String given) {
    return given.toLowerCase(Locale.ROOT).startsWith("spark.")
        ? Optional.of(" It is a session setting, not an option: set it with spark.conf().set(\"" + given + "\", …) or"
            + " --conf (docs/options.md).")
        : Optional.empty();
  }

  /** The option names as the user wrote them: a {@link CaseInsensitiveStringMap}'s keys are lowercased. */
  private static Set<String> spelledAsGiven(Map<String, String> options) {
    return options instanceof CaseInsensitiveStringMap map ? map.asCaseSensitiveMap().keySet() : options.keySet();
  }

  /** The known name closest in edit distance, if any is close enough to be a likely typo. */
  static Optional<String> closest(String name, Set<String> known) {
    return known.stream()
        .map(candidate -> Map.entry(candidate, distance(name, candidate)))
        .filter(entry -> entry.getValue() <= Math.max(2, name.length() / 3))
        .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
        .map(entry -> spelledAsDocumented(entry.getKey()));
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> spelled(Set<String> known) {
    return known.stream().map(KnownOptions::spelledAsDocumented).sorted().toList();
  }

  /** The documented spelling ({@code versionAsOf}) of a lowercased name. */
  private static String spelledAsDocumented(String lowercased) {
    return Stream.of(DatomReadOptions.VERSION_AS_OF, DatomReadOptions.TIMESTAMP_AS_OF, DatomReadOptions.AS_OF,
            DatomWriteOptions.RETRY_DEADLINE)
        .filter(name -> name.toLowerCase(Locale.ROOT).equals(lowercased))
        .findFirst()
        .orElse(lowercased);
  }

  private static Set<String> names(Stream<String> generic, Stream<String> own) {
    Set<String> names = new TreeSet<>();
    Stream.concat(generic, own).map(name -> name.toLowerCase(Locale.ROOT)).forEach(names::add);
    return Set.copyOf(names);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
