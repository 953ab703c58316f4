package io.datom.spark.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.datom.core.WriteResult;
import io.datom.core.exceptions.CredentialsInUrlException;
import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.GitAuthenticationException;
import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.NoVersionAsOfException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.NotADatomStoreException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.VersionHistoryNotFoundException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.spark.DatomProjects;
import io.datom.spark.exceptions.ColumnNamesClashException;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.exceptions.SchemaMismatchException;
import io.datom.spark.exceptions.UnsupportedDatomOperationException;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.write.DatomWrites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind a user can give, through {@code format("datom")}, SQL through a {@link
 * io.datom.spark.DatomCatalog}, corrupted stores and wrong credentials. Each case asserts that the input is refused
 * with datom's exception (or Spark's, carrying datom's as its cause), that the message names the thing and says what
 * to do (and shows no secret or cell value), that nothing was written to any store or git remote, and that a good
 * operation works afterwards.
 *
 * <p>One Spark session and a few shared projects serve every case: project P ({@code dm}: two versions; {@code lb}:
 * the table corrupted-store cases damage and repair) and Q in local stores with {@code file://} remotes, an empty
 * remote, a remote that is not a datom project, and project H behind a git HTTP server that checks a token.
 */
class BadInputTest extends SparkTestBase {

  private static final String TOKEN = "zqx7-good-h0ld3r-5512";
  private static final String WRONG_TOKEN = "zqx7-wrong-h0ld3r-0907";
  private static final String CELL = "PHI-cell-4471";

  @TempDir static Path root;
  private static World world;
  private static BareGitRemote remoteP;
  private static BareGitRemote remoteQ;
  private static BareGitRemote emptyRemote;
  private static BareGitRemote notDatom;
  private static BareGitRemote remoteH;
  private static GitHttpServer http;
  private static String storeP;
  private static String storeQ;
  private static String storeH;
  private static String dmV1;
  private static String dmV2;
  private static final AtomicInteger REPAIRS = new AtomicInteger();

  @BeforeAll
  static void projects() throws Throwable {
    Path stores = Files.createDirectories(root.resolve("stores"));
    world = new World(stores);
    storeP = stores.resolve("p").toString();
    storeQ = stores.resolve("q").toString();
    storeH = stores.resolve("h").toString();
    remoteP = world.watch(BareGitRemote.createTemp());
    remoteQ = world.watch(BareGitRemote.createTemp());
    emptyRemote = world.watch(BareGitRemote.createTemp());
    notDatom = world.watch(BareGitRemote.createTemp());
    notDatom.pushFirstCommit(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), "notes");
    http = GitHttpServer.start(TOKEN);
    remoteH = world.watch(http.createRepository("h"));

    dmV1 = write(rows(3), "dm", remoteP, storeP, "STUDY_BI").metadataSha();
    dmV2 = write(rows(4), "dm", remoteP, storeP, "STUDY_BI").metadataSha();
    write(rows(2), "lb", remoteP, storeP, "STUDY_BI");
    write(spark.sql("SELECT 'V' AS vs"), "vs", remoteQ, storeQ, "STUDY_Q");
    withToken(TOKEN, () -> write(rows(1), "t", remoteH, storeH, "STUDY_H"));

    spark.conf().set("spark.sql.catalog.bi", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.bi.store", storeP);
    spark.conf().set("spark.sql.catalog.bi.repo", remoteP.url());
    spark.conf().set("spark.sql.catalog.hc", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.hc.store", storeH);
    spark.conf().set("spark.sql.catalog.hc.repo", remoteH.url());
  }

  @AfterAll
  static void close() {
    for (String key : List.of("bi", "bi.store", "bi.repo", "hc", "hc.store", "hc.repo")) {
      spark.conf().unset("spark.sql.catalog." + key);
    }
    Stream.of(remoteP, remoteQ, emptyRemote, notDatom).forEach(BareGitRemote::close);
    http.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reads: DataFrame options, versions, instants, tables, stores, history.

  static Stream<Case> reads() {
    return Stream.of(
        Case.of("read: misspelled option verison", () -> dm().option("verison", dmV1).load(storeP))
            .raises(InvalidOptionsException.class, "'verison'", "Did you mean 'version'?"),
        Case.of("read: misspelled option timestampAsOff", () -> dm().option("timestampAsOff", "2026-01-01")
            .load(storeP)).raises(InvalidOptionsException.class, "'timestampAsOff'", "Did you mean 'timestampAsOf'?"),
        Case.of("read: a write option (message)", () -> dm().option("message", "x").load(storeP).collect())
            .raises(InvalidOptionsException.class, "'message'", "for a datom read", "docs/options.md"),
        Case.of("read: a write option (repo)", () -> dm().option("repo", remoteP.url()).load(storeP).collect())
            .raises(InvalidOptionsException.class, "'repo'", "for a datom read"),
        Case.of("read: a version no history has", () -> dm().option("version", "0123abc").load(storeP))
            .raises(VersionNotFoundException.class, "0123abc", "dm", "history"),
        Case.of("read: a version in upper case", () -> dm().option("version", dmV1.substring(0, 8)
            .toUpperCase(java.util.Locale.ROOT)).load(storeP))
            .raises(InvalidOptionsException.class, "not a version", "lowercase hex", "dm.history"),
        Case.of("read: a version that is a path", () -> dm().option("version", "../../x").load(storeP))
            .raises(InvalidOptionsException.class, "'../../x'", "not a version", "dm.history"),
        Case.of("read: a version longer than a sha", () -> dm().option("versionAsOf", dmV1 + "0").load(storeP))
            .raises(InvalidOptionsException.class, "versionAsOf", "64 lowercase hex characters"),
        Case.of("read: an empty version", () -> dm().option("version", "").load(storeP))
            .raises(InvalidOptionsException.class, "'version' is empty", "drop the option"),
        Case.of("read: an empty instant", () -> dm().option("timestampAsOf", " ").load(storeP))
            .raises(InvalidOptionsException.class, "'timestampAsOf' is empty"),
        Case.of("read: a version and an instant", () -> dm().option("version", dmV1.substring(0, 6))
            .option("asOf", "2026-01-01T00:00:00Z").load(storeP))
            .raises(InvalidOptionsException.class, "'version' or 'asOf', not both"),
        Case.of("read: version and versionAsOf differ", () -> dm().option("version", dmV1.substring(0, 6))
            .option("versionAsOf", dmV2.substring(0, 6)).load(storeP))
            .raises(InvalidOptionsException.class, "'version'", "'versionAsOf'", "set only one"),
        Case.of("read: an instant that is not one", () -> dm().option("asOf", "yesterday").load(storeP))
            .raises(InvalidOptionsException.class, "'yesterday'", "ISO-8601"),
        Case.of("read: an instant out of range", () -> dm().option("asOf", "99999999999999999999").load(storeP))
            .raises(InvalidOptionsException.class, "out of range", "ISO-8601"),
        Case.of("read: an instant before the first version", () -> dm().option("asOf", "2020-01-01T00:00:00Z")
            .load(storeP)).raises(NoVersionAsOfException.class, "dm", "first version was written at"),
        Case.of("read: an unknown verify mode", () -> dm().option("verify", "sometimes").load(storeP).collect())
            .raises(InvalidOptionsException.class, "sometimes", "none", "once", "full"),
        Case.of("read: no table", () -> spark.read().format("datom").load(storeP))
            .raises(InvalidOptionsException.class, "'table' is required", ".option(\"table\""),
        Case.of("read: a table the project lacks", () -> reader("lab").load(storeP))
            .raises(TableNotFoundException.class, "'lab'", "Its tables are: dm, lb"),
        Case.of("read: a table in the wrong case", () -> reader("DM").load(storeP))
            .raises(TableNotFoundException.class, "'DM'", "case-sensitive"),
        Case.of("read: a table name with a trailing space", () -> reader("dm ").load(storeP))
            .raises(InvalidOptionsException.class, "\"dm \"", "remove the spaces"),
        Case.of("read: a table name that is a path", () -> reader("../dm").load(storeP))
            .raises(InvalidNameException.class, "\"../dm\"", "must start with a letter"),
        Case.of("read: no store", () -> dm().load())
            .raises(InvalidOptionsException.class, "No store given", "load("),
        Case.of("read: a store that does not exist", () -> dm().load(root.resolve("nowhere").toString()))
            .raises(NotADatomStoreException.class, "nowhere", "contains datom/"),
        Case.of("read: the store's datom folder given as the store", () -> dm().load(storeP + "/datom"))
            .raises(NotADatomStoreException.class, "p/datom", "contains datom/"),
        Case.of("read: store and path differ", () -> dm().option("store", storeQ).load(storeP))
            .raises(InvalidOptionsException.class, "'store'", "'path'", "set only one"),
        Case.of("read: a history read at a version", () -> reader("dm.history").option("version", dmV1).load(storeP))
            .raises(InvalidOptionsException.class, "dm.history", "Drop VERSION AS OF"),
        Case.of("read: the history of a table the project lacks", () -> reader("lab.history").load(storeP))
            .raises(TableNotFoundException.class, "'lab'", "Its tables are"),
        Case.of("read: a table of another project's store", () -> reader("dm").load(storeQ))
            .raises(TableNotFoundException.class, "'dm'", "Its tables are: vs"),
        Case.of("read: a token given as an option", () -> dm().option("token", TOKEN).load(storeP))
            .raises(InvalidOptionsException.class, "'token'", "Credentials are never options",
                "spark.datom.git.token")
            .hides(TOKEN)
    ).map(c -> c.then(BadInputTest::readDm));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void reads(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reads in SQL: VERSION AS OF, TIMESTAMP AS OF, history.

  static Stream<Case> sqlReads() {
    return Stream.of(
        Case.of("SQL read: VERSION AS OF ''", () -> sql("SELECT * FROM bi.dm VERSION AS OF ''"))
            .raises(InvalidOptionsException.class, "VERSION AS OF ''", "not a version", "dm.history"),
        Case.of("SQL read: VERSION AS OF a word", () -> sql("SELECT * FROM bi.dm VERSION AS OF 'latest'"))
            .raises(InvalidOptionsException.class, "VERSION AS OF 'latest'", "lowercase hex"),
        Case.of("SQL read: VERSION AS OF a version no history has",
            () -> sql("SELECT * FROM bi.dm VERSION AS OF 'abc123'"))
            .raises(VersionNotFoundException.class, "abc123", "dm"),
        Case.of("SQL read: TIMESTAMP AS OF before the first version",
            () -> sql("SELECT * FROM bi.dm TIMESTAMP AS OF '2020-01-01'"))
            .raises(NoVersionAsOfException.class, "dm", "Use an instant at or after"),
        Case.of("SQL read: a history at a version", () -> sql("SELECT * FROM bi.dm.history VERSION AS OF '%s'", dmV1))
            .raises(InvalidOptionsException.class, "dm.history", "Drop VERSION AS OF"),
        Case.of("SQL read: a table name that is a path", () -> sql("SELECT * FROM bi.`../dm`"))
            .raises(InvalidNameException.class, "../dm")
    ).map(c -> c.then(BadInputTest::sqlReadDm));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sqlReads(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Writes through format("datom"): options, names, types, values, lineage, custom metadata, projects, stores.

  static Stream<Case> writes() {
    String sha = "e".repeat(64);
    return Stream.of(
        Case.of("write: misspelled option mesage", () -> dmWriter(rows(4)).option("mesage", "cut 3").save(storeP))
            .raises(InvalidOptionsException.class, "'mesage'", "Did you mean 'message'?"),
        Case.of("write: a read option (version)", () -> dmWriter(rows(4)).option("version", dmV1).save(storeP))
            .raises(InvalidOptionsException.class, "'version'", "for a datom write"),
        Case.of("write: a session setting as an option", () -> dmWriter(rows(4))
            .option("spark.datom.write.staging", "/tmp").save(storeP))
            .raises(InvalidOptionsException.class, "spark.datom.write.staging", "spark.conf().set("),
        Case.of("write: no table", () -> rows(1).write().format("datom").option("repo", remoteP.url())
            .mode("overwrite").save(storeP)).raises(InvalidOptionsException.class, "'table' is required"),
        Case.of("write: no repo", () -> rows(1).write().format("datom").option("table", "dm").mode("overwrite")
            .save(storeP)).raises(InvalidOptionsException.class, "'repo' is required", "spark.sql.catalog.<name>.repo"),
        Case.of("write: a table name starting with a digit", () -> writer(rows(1), "1dm").save(storeP))
            .raises(InvalidNameException.class, "\"1dm\"", "must start with a letter"),
        Case.of("write: a reserved table name", () -> writer(rows(1), "datom").save(storeP))
            .raises(InvalidNameException.class, "\"datom\"", "reserved"),
        Case.of("write: a table name that is a path", () -> writer(rows(1), "dm/../lb").save(storeP))
            .raises(InvalidNameException.class, "dm/../lb", "may only contain"),
        Case.of("write: a table name of 129 characters", () -> writer(rows(1), "t".repeat(129)).save(storeP))
            .raises(InvalidNameException.class, "128 characters or fewer"),
        Case.of("write: a table name with a trailing space", () -> writer(rows(1), "dm ").save(storeP))
            .raises(InvalidOptionsException.class, "\"dm \"", "remove the spaces"),
        Case.of("write: into a table's history", () -> writer(rows(1), "dm.history").save(storeP))
            .raises(UnsupportedDatomOperationException.class, "dm.history", "read-only", "Write to table dm"),
        Case.of("write: another project's name", () -> dmWriter(rows(4)).option("project", "OTHER").save(storeP))
            .raises(InvalidOptionsException.class, "OTHER", "holds project STUDY_BI", "drop the option"),
        Case.of("write: a new project without a name", () -> rows(1).write().format("datom").option("table", "t")
            .option("repo", emptyRemote.url()).mode("overwrite").save(root.resolve("stores/new").toString()))
            .raises(InvalidOptionsException.class, "has no datom project yet", ".option(\"project\""),
        Case.of("write: a new project with an invalid name", () -> rows(1).write().format("datom")
            .option("table", "t").option("repo", emptyRemote.url()).option("project", "1study").mode("overwrite")
            .save(root.resolve("stores/new").toString()))
            .raises(InvalidNameException.class, "\"1study\"", "must start with a letter"),
        Case.of("write: a new project into another project's store", () -> rows(1).write().format("datom")
            .option("table", "t").option("repo", emptyRemote.url()).option("project", "NEW").mode("overwrite")
            .save(storeP)).raises(NamespaceOccupiedException.class, "\"STUDY_BI\"", "different prefix or root"),
        Case.of("write: columns differing only by case", () -> writer(spark.sql("SELECT 1 AS a, 2 AS A"), "t1")
            .save(storeP)).raises(ColumnNamesClashException.class, "a, A", "withColumnRenamed"),
        Case.of("write: a column name used twice", () -> writer(spark.sql("SELECT 1 AS a, 2 AS a"), "t1")
            .save(storeP)).raises(UnhashableColumnsException.class, "Column a (int)", "positions 1, 2", "Rename"),
        Case.of("write: a column name holding U+0000", () -> writer(spark.sql("SELECT 1 AS id")
            .withColumnRenamed("id", "i\u0000d"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "i\\u0000d", "U+0000", "Rename the column"),
        Case.of("write: a binary column", () -> writer(spark.sql("SELECT id, CAST('x' AS BINARY) AS b FROM range(2)"),
            "t1").save(storeP)).raises(UnhashableColumnsException.class, "Column b (binary)", "base64(col)"),
        Case.of("write: array, map and struct columns", () -> writer(spark.sql(
            "SELECT array(1) AS a, map('k', 1) AS m, named_struct('x', 1) AS st"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "3 columns", "Column a (array<int>)", "Column m", "Column st",
                "to_json(col)"),
        Case.of("write: a column of the null type", () -> writer(spark.sql("SELECT 1 AS id, NULL AS n"), "t1")
            .save(storeP)).raises(UnhashableColumnsException.class, "Column n (void)", "CAST(NULL AS string)"),
        Case.of("write: interval columns", () -> writer(spark.sql("SELECT INTERVAL '1' DAY AS d"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "Column d (interval day)", "fixed unit"),
        Case.of("write: R's NA integer as a value", () -> writer(spark.sql(
            "SELECT CAST(id AS INT) AS i FROM range(2) UNION ALL SELECT CAST(-2147483648 AS INT)"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "Column i (int)", "row 3", "Cast the column to bigint")
            .hides("-2147483648"),
        Case.of("write: a string value holding U+0000", () -> writer(spark.sql(
            "SELECT concat('" + CELL + "', char(0)) AS s"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "Column s (string)", "row 1", "U+0000", "Remove or replace")
            .hides(CELL),
        Case.of("write: a decimal value with 16 significant digits", () -> writer(spark.sql(
            "SELECT CAST('4471123456789012.5' AS DECIMAL(20,1)) AS d"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "Column d (decimal(20,1))", "row 1", "15 significant digits",
                "Cast the column to double")
            .hides("4471123456789012"),
        Case.of("write: no rows", () -> writer(spark.sql("SELECT id FROM range(0)"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "at least one row and one column"),
        Case.of("write: no columns", () -> writer(spark.sql("SELECT 1 AS id").drop("id"), "t1").save(storeP))
            .raises(UnhashableColumnsException.class, "at least one row and one column"),
        Case.of("write: append with other columns", () -> writer(rows(2).select("id"), "dm").mode("append")
            .save(storeP)).raises(SchemaMismatchException.class, "dm", "[id bigint, s string]",
                "mode(\"overwrite\")"),
        Case.of("write: append with another type", () -> writer(spark.sql("SELECT CAST(id AS STRING) AS id,"
            + " 's' AS s FROM range(2)"), "dm").mode("append").save(storeP))
            .raises(SchemaMismatchException.class, "column id is bigint in the table but string", "cast"),
        Case.of("write: custom metadata without a key", () -> dmWriter(rows(4)).option("custom.", "x").save(storeP))
            .raises(InvalidOptionsException.class, "'custom.'", "custom.description"),
        Case.of("write: custom metadata holding U+0000", () -> dmWriter(rows(4)).option("custom.site", "A\u0000")
            .save(storeP)).raises(InvalidMetadataException.class, "'custom.site'", "U+0000"),
        Case.of("write: a message holding U+0000", () -> dmWriter(rows(4)).option("message", "cut\u00003")
            .save(storeP)).raises(InvalidMetadataException.class, "'message'", "U+0000", "Remove or replace"),
        Case.of("write: a message with an unpaired surrogate", () -> dmWriter(rows(4)).option("message", "cut \ud800")
            .save(storeP)).raises(InvalidMetadataException.class, "'message'", "unpaired UTF-16 surrogate"),
        Case.of("write: an author name holding U+0000", () -> dmWriter(rows(4)).option("author.name", "Ann\u0000")
            .save(storeP)).raises(InvalidMetadataException.class, "author name", "U+0000"),
        Case.of("write: an author e-mail holding U+0000", () -> dmWriter(rows(4))
            .option("author.email", "ann\u0000@x.org").save(storeP))
            .raises(InvalidMetadataException.class, "author e-mail", "U+0000"),
        Case.of("write: parents that are not JSON", () -> dmWriter(rows(4)).option("parents", "[{").save(storeP))
            .raises(InvalidOptionsException.class, "'parents' is not valid JSON", "Give a JSON array"),
        Case.of("write: a parent that is not an object", () -> dmWriter(rows(4)).option("parents", "[1]")
            .save(storeP)).raises(InvalidOptionsException.class, "entry 1 is not a JSON object"),
        Case.of("write: a parent without data_sha", () -> dmWriter(rows(4)).option("parents",
            parent("RAW", "edc", sha, null)).save(storeP))
            .raises(InvalidLineageException.class, "Entry 1", "\"data_sha\""),
        Case.of("write: a parent version that is a path", () -> dmWriter(rows(4)).option("parents",
            parent("RAW", "edc", "../../x", sha)).save(storeP))
            .raises(InvalidLineageException.class, "Entry 1", "../../x", "full sha", "from its history"),
        Case.of("write: a parent data_sha in upper case", () -> dmWriter(rows(4)).option("parents",
            parent("RAW", "edc", sha, "E".repeat(64))).save(storeP))
            .raises(InvalidLineageException.class, "data_sha", "64 lowercase hex"),
        Case.of("write: a parent table that is a path", () -> dmWriter(rows(4)).option("parents",
            parent("RAW", "../edc", sha, sha)).save(storeP))
            .raises(InvalidLineageException.class, "\"../edc\"", "not a datom table name"),
        Case.of("write: a parent with an empty source", () -> dmWriter(rows(4)).option("parents",
            parent("", "edc", sha, sha)).save(storeP))
            .raises(InvalidLineageException.class, "source", "non-empty"),
        Case.of("write: a retry deadline that is not a duration", () -> dmWriter(rows(4))
            .option("retryDeadline", "soon").save(storeP))
            .raises(InvalidOptionsException.class, "'retryDeadline'", "90s or 10m", "'soon'"),
        Case.of("write: a negative retry deadline", () -> dmWriter(rows(4)).option("retryDeadline", "-5s")
            .save(storeP)).raises(InvalidOptionsException.class, "'retryDeadline'", "'-5s'"),
        Case.of("write: a session retry deadline that is not a duration", () -> dmWriter(rows(4)).save(storeP))
            .given(() -> spark.conf().set(DatomWriteOptions.RETRY_DEADLINE_CONF, "whenever"))
            .cleanup(() -> spark.conf().unset(DatomWriteOptions.RETRY_DEADLINE_CONF))
            .raises(InvalidOptionsException.class, "spark.datom.write.retryDeadline", "'whenever'"),
        Case.of("write: another project's store", () -> dmWriter(rows(4)).save(storeQ))
            .raises(StoreMismatchException.class, "stores/q", "stores/p", "Ensure the store matches"),
        Case.of("write: an empty store for an existing project", () -> dmWriter(rows(4))
            .save(root.resolve("stores/elsewhere").toString()))
            .raises(StoreMismatchException.class, "elsewhere", "stores/p"),
        Case.of("write: a repository that does not exist", () -> writer(rows(1), "t1").option("repo",
            root.resolve("nothing.git").toUri().toString()).save(storeP))
            .raises(DataRepoException.class, "nothing.git", "no such repository", "check the URL"),
        Case.of("write: a git server that cannot be reached", () -> writer(rows(1), "t1")
            .option("repo", "http://127.0.0.1:1/study.git").save(storeP))
            .raises(DataRepoException.class, "127.0.0.1:1", "cannot be reached", "re-run"),
        Case.of("write: a repository that is not a datom project", () -> writer(rows(1), "t1")
            .option("repo", notDatom.url()).save(storeP))
            .raises(NotADatomRepositoryException.class, "no .datom/project.yaml", "Check the remote URL")
    ).map(c -> c.good() == null ? c.then(BadInputTest::writeDm) : c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void writes(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // SQL through a DatomCatalog: CTAS, INSERT, INSERT OVERWRITE, UPDATE, MERGE, DELETE, ALTER, DROP, catalog settings.

  static Stream<Case> sqlStatements() {
    return Stream.of(
        Case.of("SQL: CREATE TABLE without AS SELECT", () -> sql("CREATE TABLE bi.ex (id INT)"))
            .raises(UnsupportedDatomOperationException.class, "ex", "without data", "CREATE TABLE ... AS SELECT"),
        Case.of("SQL: REPLACE TABLE without AS SELECT", () -> sql("REPLACE TABLE bi.dm (id INT)"))
            .raises(UnsupportedDatomOperationException.class, "dm", "without data", "Nothing was changed",
                "REPLACE TABLE ... AS SELECT"),
        Case.of("SQL: CREATE OR REPLACE TABLE without AS SELECT", () -> sql("CREATE OR REPLACE TABLE bi.dm (id INT)"))
            .raises(UnsupportedDatomOperationException.class, "dm", "without data"),
        Case.of("SQL: CREATE TABLE AS SELECT with an invalid name",
            () -> sql("CREATE TABLE bi.`1ex` AS SELECT 1 AS id"))
            .raises(InvalidNameException.class, "\"1ex\"", "must start with a letter"),
        Case.of("SQL: CREATE TABLE AS SELECT of a nested column",
            () -> sql("CREATE TABLE bi.ex AS SELECT array(1) AS a"))
            .raises(UnhashableColumnsException.class, "Column a (array<int>)", "to_json(col)"),
        Case.of("SQL: INSERT INTO with other columns", () -> sql("INSERT INTO bi.dm SELECT 1 AS x"))
            .raises(SchemaMismatchException.class, "Cannot append to dm", "[id bigint, s string]"),
        Case.of("SQL: INSERT INTO with too few values", () -> sql("INSERT INTO bi.dm VALUES (1)"))
            .raises(SchemaMismatchException.class, "Cannot append to dm"),
        Case.of("SQL: INSERT INTO with R's NA integer", () -> sql("INSERT OVERWRITE bi.dm SELECT CAST(-2147483648 AS"
            + " INT) AS id, 's' AS s")).raises(UnhashableColumnsException.class, "Column id (int)", "row 1")
            .hides("-2147483648"),
        Case.of("SQL: INSERT OVERWRITE with columns differing by case", () -> sql("INSERT OVERWRITE bi.dm SELECT 1 AS"
            + " a, 2 AS A")).raises(ColumnNamesClashException.class, "a, A"),
        Case.of("SQL: INSERT INTO a history", () -> sql("INSERT INTO bi.dm.history SELECT 1 AS a"))
            .raises(UnsupportedDatomOperationException.class, "dm.history", "read-only", "Write to table dm"),
        Case.of("SQL: UPDATE", () -> sql("UPDATE bi.dm SET s = 'x' WHERE id = 1"))
            .raises(UnsupportedDatomOperationException.class, "UPDATE", "dm", "immutable", "INSERT OVERWRITE"),
        Case.of("SQL: DELETE", () -> sql("DELETE FROM bi.dm WHERE id = 1"))
            .raises(UnsupportedDatomOperationException.class, "DELETE", "dm", "INSERT OVERWRITE"),
        Case.of("SQL: DELETE without WHERE", () -> sql("DELETE FROM bi.dm"))
            .raises(UnsupportedDatomOperationException.class, "dm", "at least one row", "INSERT OVERWRITE"),
        Case.of("SQL: MERGE", () -> sql("MERGE INTO bi.dm t USING (SELECT 1L AS id, 'q' AS s) u ON t.id = u.id"
            + " WHEN MATCHED THEN UPDATE SET t.s = u.s"))
            .raises(UnsupportedDatomOperationException.class, "MERGE", "dm", "INSERT OVERWRITE"),
        Case.of("SQL: TRUNCATE TABLE", () -> sql("TRUNCATE TABLE bi.dm"))
            .raises(UnsupportedDatomOperationException.class, "dm", "TRUNCATE", "at least one row"),
        Case.of("SQL: ALTER TABLE ADD COLUMN", () -> sql("ALTER TABLE bi.dm ADD COLUMN x INT"))
            .raises(UnsupportedDatomOperationException.class, "alter table dm", "immutable", "INSERT"),
        Case.of("SQL: ALTER TABLE RENAME", () -> sql("ALTER TABLE bi.dm RENAME TO bi.dm2"))
            .raises(UnsupportedDatomOperationException.class, "rename table dm", "immutable"),
        Case.of("SQL: ALTER TABLE SET TBLPROPERTIES", () -> sql("ALTER TABLE bi.dm SET TBLPROPERTIES ('a' = 'b')"))
            .raises(UnsupportedDatomOperationException.class, "alter table dm"),
        Case.of("SQL: DROP TABLE", () -> sql("DROP TABLE bi.dm"))
            .raises(UnsupportedDatomOperationException.class, "drop table dm", "immutable"),
        Case.of("SQL: CREATE NAMESPACE", () -> sql("CREATE NAMESPACE bi.other"))
            .raises(UnsupportedDatomOperationException.class, "create namespace other"),
        Case.of("SQL: writeTo with a misspelled option", () -> rows(4).writeTo("bi.dm").option("mesage", "x")
            .overwrite(org.apache.spark.sql.functions.lit(true)))
            .raises(InvalidOptionsException.class, "'mesage'", "Did you mean 'message'?"),
        Case.of("SQL: INSERT through a catalog without a repo", () -> sql("INSERT INTO norepo.dm SELECT 9L, 'z'"))
            .given(() -> catalog("norepo", "store", storeP))
            .cleanup(() -> uncatalog("norepo", "store"))
            .raises(InvalidOptionsException.class, "'repo' is required", "spark.sql.catalog.<name>.repo"),
        Case.of("SQL: a misspelled catalog setting", () -> sql("SELECT * FROM typo.dm"))
            .given(() -> catalog("typo", "stor", storeP))
            .cleanup(() -> uncatalog("typo", "stor"))
            .raises(InvalidOptionsException.class, "spark.sql.catalog.typo.stor", "Did you mean 'store'?"),
        Case.of("SQL: a catalog whose store does not exist", () -> sql("SELECT * FROM nostore.dm"))
            .given(() -> catalog("nostore", "store", root.resolve("nowhere").toString()))
            .cleanup(() -> uncatalog("nostore", "store"))
            .raises(NotADatomStoreException.class, "nowhere", "contains datom/")
    ).map(c -> c.then(BadInputTest::sqlReadDm));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sqlStatements(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Corrupted stores: malformed JSON, missing files, truncated or flipped objects, a missing manifest. Each damages
  // table lb of project P; the good operation is the recovery the message names.

  static Stream<Case> corruptedStores() {
    return Stream.of(
        Case.of("store: malformed metadata.json, repaired by validation", () -> lb().load(storeP).collect())
            .given(() -> Files.writeString(storeFile("lb/.metadata/metadata.json"), "{\"data_sha\": "))
            .raises(MalformedJsonException.class, "lb/.metadata/metadata.json", "line 1", "restore the file")
            .then(() -> {
              long rows = spark.sql("SELECT * FROM datom_validate('bi', true)").where("status = 'repaired'").count();
              assertEquals(1, rows, "validation repaired the metadata");
              assertEquals(2 + REPAIRS.get(), lb().load(storeP).count());
            }),
        Case.of("store: malformed version_history.json", () -> lb().load(storeP).collect())
            .given(() -> Files.writeString(storeFile("lb/.metadata/version_history.json"), "[{]"))
            .raises(MalformedJsonException.class, "lb/.metadata/version_history.json"),
        Case.of("store: missing version_history.json", () -> lb().load(storeP).collect())
            .given(() -> Files.delete(storeFile("lb/.metadata/version_history.json")))
            .raises(VersionHistoryNotFoundException.class, "lb", "datom_validate", "overwrite the table"),
        Case.of("store: a byte of the object flipped", () -> lb().load(storeP).collect())
            .given(() -> damageObject(bytes -> {
              bytes[bytes.length / 2] ^= 0x20;
              return bytes;
            }))
            .raises(IntegrityCheckException.class, "lb", "parquet_sha", "restore it", "write the version again"),
        Case.of("store: the object truncated, found by validation", () -> lb().load(storeP).collect())
            .given(() -> damageObject(bytes -> Arrays.copyOf(bytes, bytes.length / 2)))
            .raises(IntegrityCheckException.class, "lb", "parquet_sha")
            .then(() -> {
              List<Row> found = spark.sql("SELECT kind, table_name, repairable FROM datom_validate('bi')")
                  .collectAsList();
              assertEquals(List.of(RowFactory.create("parquet_size_differs", "lb", false)), found);
              repairLb();
            }),
        Case.of("store: the object missing", () -> lb().load(storeP).collect())
            .given(() -> Files.delete(lbObject()))
            .raises(StoreObjectNotFoundException.class, "lb/", "Restore it from a backup", "overwrite the table"),
        Case.of("store: the object missing, read in SQL", () -> sql("SELECT * FROM bi.lb"))
            .given(() -> Files.delete(lbObject()))
            .raises(StoreObjectNotFoundException.class, "lb/", "overwrite the table"),
        Case.of("store: append to a table whose object changed", () -> writer(rows(1), "lb").mode("append")
            .save(storeP))
            .given(() -> damageObject(bytes -> {
              bytes[bytes.length / 2] ^= 0x20;
              return bytes;
            }))
            .raises(IntegrityCheckException.class, "lb", "parquet_sha"),
        Case.of("store: INSERT INTO a table whose metadata is malformed", () -> sql("INSERT INTO bi.lb SELECT 7L, 'x'"))
            .given(() -> Files.writeString(storeFile("lb/.metadata/metadata.json"), "{"))
            .raises(MalformedJsonException.class, "lb/.metadata/metadata.json"),
        Case.of("store: the project's manifest missing", () -> writer(rows(2), "lb").save(storeP))
            .given(() -> Files.move(storeFile(".metadata/manifest.json"), root.resolve("manifest.json")))
            .raises(ProjectNotInStoreException.class, "manifest.json", "STUDY_BI", "datom_validate")
            .then(() -> {
              DatomProjects.validate(spark, storeP, remoteP.url(), true).collect();
              repairLb();
            })
            .cleanup(() -> Files.deleteIfExists(root.resolve("manifest.json")))
    ).map(c -> c.good() == null ? c.then(BadInputTest::repairLb) : c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void corruptedStores(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Credentials: a wrong or missing token against a token-checking git server, a token in the URL or as an option.

  static Stream<Case> credentials() {
    String tokenInUrl = remoteH.url().replace("http://", "http://git:" + TOKEN + "@");
    return Stream.of(
        Case.of("credentials: a wrong token", () -> hWriter().save(storeH))
            .given(() -> spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, WRONG_TOKEN))
            .raises(GitAuthenticationException.class, remoteH.url(), "(token: spark.datom.git.token)",
                "read and write access")
            .hides(WRONG_TOKEN),
        Case.of("credentials: no token", () -> hWriter().save(storeH))
            .raises(GitAuthenticationException.class, remoteH.url(), "token: none", "spark.datom.git.token"),
        Case.of("credentials: a wrong token, SQL INSERT", () -> sql("INSERT OVERWRITE hc.t SELECT 0L AS id, 's0' AS s"))
            .given(() -> spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, WRONG_TOKEN))
            .raises(GitAuthenticationException.class, "spark.datom.git.token")
            .hides(WRONG_TOKEN),
        Case.of("credentials: the token in the repo URL", () -> hWriter().option("repo", tokenInUrl).save(storeH))
            .raises(CredentialsInUrlException.class, remoteH.url(), "carries credentials", "spark.datom.git.token"),
        Case.of("credentials: the token as the URL's user", () -> hWriter().option("repo",
            remoteH.url().replace("http://", "http://" + TOKEN + "@")).save(storeH))
            .raises(CredentialsInUrlException.class, "carries credentials"),
        Case.of("credentials: the token in a catalog's repo", () -> sql("SELECT * FROM leaky.t"))
            .given(() -> catalog("leaky", "store", storeH, "repo", tokenInUrl))
            .cleanup(() -> uncatalogRefused("leaky", "repo", "store"))
            .raises(CredentialsInUrlException.class, "carries credentials", "spark.datom.git.token",
                "spark.sql.catalog.leaky.repo was removed from this session"),
        Case.of("credentials: the token as a catalog setting", () -> sql("SELECT * FROM tk.t"))
            .given(() -> catalog("tk", "store", storeH, "token", TOKEN))
            .cleanup(() -> uncatalogRefused("tk", "token", "store"))
            .raises(InvalidOptionsException.class, "spark.sql.catalog.tk.token", "Credentials are never options"),
        Case.of("credentials: the token as an option", () -> hWriter().option("token", TOKEN).save(storeH))
            .raises(InvalidOptionsException.class, "'token'", "Credentials are never options", "spark.datom.git.token"),
        Case.of("credentials: the token setting as an option", () -> hWriter().option(DatomWriteOptions.GIT_TOKEN_CONF,
            TOKEN).save(storeH))
            .raises(InvalidOptionsException.class, "'spark.datom.git.token'", "Credentials are never options"),
        Case.of("credentials: a GitHub token as an option", () -> hWriter().option("github_pat", TOKEN).save(storeH))
            .raises(InvalidOptionsException.class, "'github_pat'", "Credentials are never options")
    ).map(c -> (c.good() == null ? c.then(BadInputTest::writeH) : c).hides(TOKEN)
        .cleanup(chain(c.cleanup(), () -> spark.conf().unset(DatomWriteOptions.GIT_TOKEN_CONF))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void credentials(Case bad) throws Throwable {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Runs one case: refused as expected, nothing written, and the good operation works afterwards. */
  private static void check(Case bad) throws Throwable {
    if (bad.type() == null || bad.good() == null) {
      fail("Case " + bad.name() + " is incomplete");
    }
    try {
      bad.arrange().execute();
      World.Snapshot before = world.snapshot();
      Throwable thrown = assertThrows(Throwable.class, bad.act(), bad.name() + ": accepted");
      Throwable datom = causeOfType(thrown, bad.type());
      if (datom == null) {
        fail(bad.name() + ": expected " + bad.type().getSimpleName() + ", got\n" + describe(thrown), thrown);
      }
      if (datom != thrown && !isSparks(thrown)) {
        fail(bad.name() + ": " + bad.type().getSimpleName() + " is wrapped in " + describe(thrown), thrown);
      }
      String message = String.valueOf(datom.getMessage());
      for (String word : bad.says()) {
        if (!message.contains(word)) {
          fail(bad.name() + ": the message does not say \"" + word + "\":\n" + message, thrown);
        }
      }
      String everything = describe(thrown);
      for (String secret : bad.hides()) {
        if (everything.contains(secret)) {
          fail(bad.name() + ": the exception shows \"" + secret + "\":\n" + everything, thrown);
        }
      }
      World.Snapshot after = world.snapshot();
      assertEquals(before.refs(), after.refs(), bad.name() + ": a remote changed");
      assertEquals(before.files(), after.files(), bad.name() + ": the stores changed");
    } finally {
      bad.cleanup().execute();
    }
    try {
      bad.good().execute();
    } catch (Throwable e) {
      fail(bad.name() + ": the good operation afterwards failed", e);
    }
  }

  /** Whether {@code thrown} is one of Spark's exceptions (datom's NoSuchTableException is Spark's type). */
  private static boolean isSparks(Throwable thrown) {
    for (Class<?> type = thrown.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().startsWith("org.apache.spark.")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable causeOfType(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  /** The exception chain with every message and stack trace, as a log would show it. */
  private static String describe(Throwable thrown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      thrown.printStackTrace(print);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Executable chain(Executable first, Executable second) {
    return () -> {
      try {
        first.execute();
      } finally {
        second.execute();
      }
    };
  }

  // Good operations.

  private static void readDm() {
    assertEquals(4, dm().load(storeP).count());
  }

  private static void sqlReadDm() {
    assertEquals(4L, sql("SELECT count(*) FROM bi.dm").get(0).getLong(0));
  }

  /** The current rows of dm written again: a write that works, and changes nothing. */
  private static void writeDm() {
    dmWriter(rows(4)).save(storeP);
    WriteResult result = DatomWrites.lastResult().orElseThrow();
    assertEquals("none", result.action().rName());
    assertEquals(dmV2, result.metadataSha());
  }

  /** Overwrites lb with new rows, as its damage's recovery, and reads them back. */
  private static void repairLb() {
    int n = 2 + REPAIRS.incrementAndGet();
    writer(rows(n), "lb").save(storeP);
    assertEquals(n, lb().load(storeP).count());
  }

  private static void writeH() throws Throwable {
    withToken(TOKEN, () -> {
      hWriter().save(storeH);
      return DatomWrites.lastResult().orElseThrow();
    });
  }

  // Helpers.

  private static Dataset<Row> rows(int n) {
    return spark.sql("SELECT id, concat('s', id) AS s FROM range(" + n + ")");
  }

  private static DataFrameReader reader(String table) {
    return spark.read().format("datom").option("table", table);
  }

  private static DataFrameReader dm() {
    return reader("dm");
  }

  private static DataFrameReader lb() {
    return reader("lb");
  }

  private static DataFrameWriter<Row> writer(Dataset<Row> rows, String table) {
    return rows.write().format("datom").option("table", table).option("repo", remoteP.url()).mode("overwrite");
  }

  private static DataFrameWriter<Row> dmWriter(Dataset<Row> rows) {
    return writer(rows, "dm");
  }

  private static DataFrameWriter<Row> hWriter() {
    return rows(1).write().format("datom").option("table", "t").option("repo", remoteH.url()).mode("overwrite");
  }

  private static WriteResult write(Dataset<Row> rows, String table, BareGitRemote remote, String store,
      String project) {
    rows.write().format("datom").option("table", table).option("repo", remote.url()).option("project", project)
        .mode("overwrite").save(store);
    return DatomWrites.lastResult().orElseThrow();
  }

  private interface Body<T> {
    T run() throws Throwable;
  }

  private static <T> T withToken(String token, Body<T> body) throws Throwable {
    spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, token);
    try {
      return body.run();
    } finally {
      spark.conf().unset(DatomWriteOptions.GIT_TOKEN_CONF);
    }
  }

  private static String parent(String source, String table, String version, String dataSha) {
    return "[{\"source\":\"" + source + "\",\"table\":\"" + table + "\",\"version\":\"" + version + "\""
        + (dataSha == null ? "" : ",\"data_sha\":\"" + dataSha + "\"") + "}]";
  }

  /** Configures catalog {@code name} with {@code settings} (name, value, name, value, …). */
  private static void catalog(String name, String... settings) {
    spark.conf().set("spark.sql.catalog." + name, "io.datom.spark.DatomCatalog");
    for (int i = 0; i < settings.length; i += 2) {
      spark.conf().set("spark.sql.catalog." + name + "." + settings[i], settings[i + 1]);
    }
  }

  /** Removes catalog {@code name}, after checking that its refused credential left the session with the refusal. */
  private static void uncatalogRefused(String name, String refused, String... settings) {
    boolean left = !spark.conf().contains("spark.sql.catalog." + name + "." + refused);
    uncatalog(name, settings);
    spark.conf().unset("spark.sql.catalog." + name + "." + refused);
    assertTrue(left, "the refused setting spark.sql.catalog." + name + "." + refused + " left the session");
  }

  private static void uncatalog(String name, String... settings) {
    spark.conf().unset("spark.sql.catalog." + name);
    for (String setting : settings) {
      spark.conf().unset("spark.sql.catalog." + name + "." + setting);
    }
  }

  private static Path storeFile(String key) {
    return Path.of(storeP, "datom", key);
  }

  private static Path lbObject() throws Exception {
    try (Stream<Path> files = Files.list(storeFile("lb"))) {
      String current = Files.readString(storeFile("lb/.metadata/metadata.json"));
      return files.filter(f -> f.toString().endsWith(".parquet"))
          .filter(f -> current.contains(f.getFileName().toString().replace(".parquet", "")))
          .findFirst().orElseThrow();
    }
  }

  private interface Damage {
    byte[] apply(byte[] bytes);
  }

  private static void damageObject(Damage damage) throws Exception {
    Path object = lbObject();
    Files.write(object, damage.apply(Files.readAllBytes(object)));
  }
}
