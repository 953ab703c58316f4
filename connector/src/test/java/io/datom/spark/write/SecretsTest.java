package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import io.datom.core.WriteStep;
import io.datom.core.exceptions.CredentialsInUrlException;
import io.datom.core.exceptions.GitAuthenticationException;
import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFirehoseListener;
import org.apache.spark.scheduler.EventLoggingListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.ExplainMode;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.apache.spark.util.JsonProtocol;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * No secret is ever written down. Unique marker strings are the git token (the session's {@code spark.datom.git.token},
 * which the git HTTP server requires), a wrong token, the S3 access and secret keys (the session's Hadoop
 * configuration, which the S3 server requires), and a cell value. After writes, reads, SQL, validation and failed
 * writes (a token in the repo URL, a token as an option, a wrong token, a catalog whose repo carries the token, a
 * refused cell value), the markers appear in no store object, no commit of the remote (messages and every blob), no
 * log line at DEBUG for {@code io.datom} and {@code org.eclipse.jgit}, no plan string, no exception, no file of the
 * writers' clones, and not in the event log. Spark's raw listener events carry the session's settings and the Hadoop
 * configuration unredacted (Spark redacts them when it writes the event log): that is checked too, so that
 * docs/writing-spark.md says exactly where the token travels.
 */
class SecretsTest extends SparkTestBase {

  // Unique per run; none contains a word Spark's redaction matches, so redaction cannot hide a leak.
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final String TOKEN = "zqx7gt" + RUN;
  private static final String WRONG_TOKEN = "zqx7wt" + RUN;
  private static final String S3_ACCESS = "zqx7ak" + RUN;
  private static final String S3_SECRET = "zqx7sk" + RUN;
  private static final String CELL = "zqx7cv" + RUN;

  /** Every marker, with the forms a leak could take: HTTP Basic credentials are base64 of {@code git:token}. */
  private static final Map<String, String> MARKERS = new LinkedHashMap<>();

  static {
    for (String marker : List.of(TOKEN, WRONG_TOKEN, S3_ACCESS, S3_SECRET, CELL)) {
      MARKERS.put(marker, marker);
    }
    for (String token : List.of(TOKEN, WRONG_TOKEN)) {
      MARKERS.put(Base64.getEncoder().encodeToString(("git:" + token).getBytes(StandardCharsets.UTF_8)),
          token + " as HTTP Basic credentials");
    }
  }

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static GitHttpServer git;
  private static BareGitRemote remote;
  private static String bucket;
  private static String store;
  private static LogCapture logs;
  private static EventLoggingListener eventLog;
  private static final List<String> plans = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> logicalPlans = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> exceptions = new ArrayList<>();
  /** Files of the writers' clones, read while each write had its clone (at the commit) and after every write. */
  private static final Map<String, byte[]> cloneFiles = new LinkedHashMap<>();
  private static SparkFirehoseListener rawListener;
  private static QueryExecutionListener planListener;

  @BeforeAll
  static void writeReadAndFailWithMarkedSecrets() throws Exception {
    logs = LogCapture.attach();
    s3 = S3ProxyServer.start(S3_ACCESS, S3_SECRET);
    bucket = s3.createBucket();
    store = "s3a://" + bucket + "/trial";
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
    git = GitHttpServer.start(TOKEN);
    remote = git.createRepository("study");
    listen();
    spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, TOKEN);
    DatomWrites.Registration observing = DatomWrites.observe(spark, new WriteObserver() {
      @Override
      public void stepCompleted(WriteEvent event) {
        if (event.step() == WriteStep.COMMITTED) {
          readCloneFiles("at the commit of " + event.table());
        }
      }
    });
    try {
      // A catalog whose repo carries the token is refused, and its setting leaves the session before any job runs.
      spark.conf().set("spark.sql.catalog.leaky", "io.datom.spark.DatomCatalog");
      spark.conf().set("spark.sql.catalog.leaky.store", store);
      spark.conf().set("spark.sql.catalog.leaky.repo", remote.url().replace("http://", "http://git:" + TOKEN + "@"));
      refused(CredentialsInUrlException.class, () -> spark.sql("SELECT * FROM leaky.lb").collect());
      assertFalse(spark.conf().contains("spark.sql.catalog.leaky.repo"), "the refused setting left the session");
      spark.conf().unset("spark.sql.catalog.leaky");
      spark.conf().unset("spark.sql.catalog.leaky.store");

      // Writes, reads and SQL that work.
      writer(labs(0, 5)).option("project", "STUDY_SECRET").option("message", "first cut").save(store);
      writer(labs(5, 3)).mode("append").save(store);
      // The history is newest first; both writes may share one second, so the timestamp cannot order them.
      List<Row> history = spark.read().format("datom").option("table", "lb.history").load(store).collectAsList();
      String first = history.get(history.size() - 1).getString(0);
      Dataset<Row> pinned = spark.read().format("datom").option("table", "lb").option("version", first).load(store);
      assertEquals(5, pinned.count());
      plans.add(pinned.queryExecution().explainString(ExplainMode.fromString("extended")));
      assertEquals(8, spark.read().format("datom").option("table", "lb").load(store).collectAsList().size());
      spark.conf().set("spark.sql.catalog.sec", "io.datom.spark.DatomCatalog");
      spark.conf().set("spark.sql.catalog.sec.store", store);
      spark.conf().set("spark.sql.catalog.sec.repo", remote.url());
      spark.sql("INSERT INTO sec.lb SELECT 'S9' AS usubjid, 9.5D AS aval").collect();
      spark.sql("CREATE TABLE sec.dm AS SELECT usubjid, count(*) AS n FROM sec.lb GROUP BY usubjid").collect();
      spark.sql("INSERT OVERWRITE sec.dm SELECT usubjid, count(*) AS n FROM sec.lb GROUP BY usubjid").collect();
      spark.sql("SELECT * FROM sec.lb.history").collect();
      spark.sql("SELECT * FROM sec.dm VERSION AS OF '" + spark.sql("SELECT version FROM sec.dm.history")
          .first().getString(0) + "'").collect();
      spark.sql("SELECT * FROM datom_validate('sec')").collect();
      // Any job that adds a file posts the application's environment, the session's Hadoop configuration with it.
      Path added = Files.writeString(dir.resolve("added.txt"), "x");
      spark.sparkContext().addFile(added.toString());

      // Writes that fail.
      refused(CredentialsInUrlException.class, () -> writer(labs(0, 1))
          .option("repo", remote.url().replace("http://", "http://git:" + TOKEN + "@")).save(store));
      refused(CredentialsInUrlException.class, () -> writer(labs(0, 1))
          .option("repo", remote.url().replace("http://", "http://" + TOKEN + "@")).save(store));
      refused(InvalidOptionsException.class, () -> writer(labs(0, 1)).option("token", TOKEN).save(store));
      refused(InvalidOptionsException.class, () -> writer(labs(0, 1)).option(DatomWriteOptions.GIT_TOKEN_CONF, TOKEN)
          .save(store));
      refused(InvalidOptionsException.class, () -> labs(0, 1).writeTo("sec.lb").option("pat", TOKEN).append());
      refused(CredentialsInUrlException.class, () -> labs(0, 1).writeTo("sec.lb")
          .option("repo", remote.url().replace("http://", "http://git:" + TOKEN + "@")).append());
      refused(UnhashableColumnsException.class, () -> writer(cellHoldingNul()).save(store));
      spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, WRONG_TOKEN);
      refused(GitAuthenticationException.class, () -> writer(labs(0, 2)).save(store));
      refused(GitAuthenticationException.class, () -> spark.sql("INSERT INTO sec.lb SELECT 'S8', 1.0D").collect());
      spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, TOKEN);
      writer(labs(0, 2)).save(store);
    } finally {
      observing.close();
    }
    readCloneFiles("after the writes");
    spark.sparkContext().listenerBus().waitUntilEmpty();
    // Heartbeats keep posting events: stop listening, so that the tests read settled lists.
    spark.sparkContext().removeSparkListener(rawListener);
    spark.listenerManager().unregister(planListener);
    spark.sparkContext().removeSparkListener(eventLog);
    eventLog.stop();
  }

  @AfterAll
  static void stop() {
    if (rawListener != null) {
      spark.sparkContext().removeSparkListener(rawListener);
    }
    if (planListener != null) {
      spark.listenerManager().unregister(planListener);
    }
    for (String key : List.of(DatomWriteOptions.GIT_TOKEN_CONF, "spark.sql.catalog.sec", "spark.sql.catalog.sec.store",
        "spark.sql.catalog.sec.repo")) {
      spark.conf().unset(key);
    }
    if (logs != null) {
      logs.detach();
    }
    if (git != null) {
      git.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void noStoreObjectHoldsASecret() {
    Map<String, byte[]> objects = new LinkedHashMap<>();
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page = s3.client().listObjectsV2(b -> b.bucket(bucket).continuationToken(continuation));
      for (S3Object object : page.contents()) {
        objects.put(object.key(), s3.client().getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray());
      }
      token = page.nextContinuationToken();
    } while (token != null);

    assertTrue(objects.keySet().stream().anyMatch(k -> k.endsWith("lb/.metadata/version_history.json")), "walked");
    objects.forEach((key, bytes) -> assertNoMarker("store object " + key, new String(bytes, StandardCharsets.UTF_8)));
  }

  @Test
  void noCommitOfTheRemoteHoldsASecret() throws IOException {
    int commits = 0;
    try (Repository repository = new FileRepositoryBuilder().setGitDir(remote.directory().toFile()).setMustExist(true)
        .build(); RevWalk walk = new RevWalk(repository)) {
      for (Ref ref : repository.getRefDatabase().getRefs()) {
        walk.markStart(walk.parseCommit(ref.getObjectId()));
      }
      for (RevCommit commit : walk) {
        commits++;
        assertNoMarker("commit " + commit.name(), commit.getFullMessage() + commit.getAuthorIdent()
            + commit.getCommitterIdent());
        try (TreeWalk tree = new TreeWalk(repository)) {
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            ObjectId blob = tree.getObjectId(0);
            assertNoMarker("commit " + commit.name() + " " + tree.getPathString(),
                new String(repository.open(blob).getBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertTrue(commits >= 6, "the writes made commits: " + commits);
  }

  @Test
  void noLogLineHoldsASecret() {
    String text = logs.text();
    assertTrue(text.contains("datom write lb"), "the capture saw datom's log lines");
    assertTrue(logs.levels().contains("DEBUG org.eclipse.jgit"), "the capture saw JGit's DEBUG lines");
    assertNoMarker("the log", text);
  }

  @Test
  void noPlanStringHoldsASecret() {
    assertTrue(plans.size() > 10, "plans were captured: " + plans.size());
    plans.forEach(plan -> assertNoMarker("a plan string", plan));
  }

  /**
   * The options of {@code df.writeTo(…)} are in the query's logical plan before datom sees them: the two writes that
   * gave the token as an option value were refused, but the logical plan a listener receives for them holds the value
   * as given (Spark redacts an option in plans only when its name or value matches its redaction patterns). No other
   * logical plan holds a secret; {@code format("datom")} options are refused before Spark builds a plan.
   */
  @Test
  void onlyTheRefusedWriteToOptionsShowTheTokenInTheirLogicalPlans() {
    List<String> showing = settled(logicalPlans).stream().filter(plan -> plan.contains(TOKEN)).toList();
    assertEquals(2, showing.size(), String.join("\n", showing));
    for (String plan : showing) {
      assertTrue(plan.startsWith("AppendData") && plan.contains("sec.lb"), plan);
      assertNoMarker("a logical plan", plan.replace("[pat=" + TOKEN + "]", "")
          .replace("[repo=" + remote.url().replace("http://", "http://git:" + TOKEN + "@") + "]", ""));
    }
    settled(logicalPlans).stream().filter(plan -> !plan.contains(TOKEN))
        .forEach(plan -> assertNoMarker("a logical plan", plan));
  }

  @Test
  void noExceptionHoldsASecret() {
    assertEquals(10, exceptions.size());
    exceptions.forEach(trace -> assertNoMarker("an exception", trace));
  }

  @Test
  void noFileOfTheWritersClonesHoldsASecret() {
    assertTrue(cloneFiles.keySet().stream().anyMatch(path -> path.contains(".datom/project.yaml")),
        "the clones were read: " + cloneFiles.keySet());
    assertTrue(cloneFiles.keySet().stream().anyMatch(path -> path.endsWith(".git/config")), "with their git config");
    cloneFiles.forEach((path, bytes) -> assertNoMarker("clone file " + path, new String(bytes,
        StandardCharsets.ISO_8859_1)));
  }

  /**
   * The event log, as Spark's own {@link EventLoggingListener} writes it. Spark redacts a job's properties only where
   * the setting is in the application's configuration: a token set on the session ({@code spark.conf().set}) is
   * written in plain text into every job's and stage's properties (Spark 3.5 and 4.0). That, and only that, holds a
   * secret; docs/writing-spark.md says so.
   */
  @Test
  void theEventLogHoldsTheSessionsTokenOnlyInJobProperties() throws IOException {
    List<String> lines;
    try (Stream<Path> files = Files.list(dir.resolve("event-log"))) {
      List<Path> written = files.toList();
      assertEquals(1, written.size(), written.toString());
      lines = Files.readAllLines(written.get(0));
    }
    SparksCopies copies = new SparksCopies();
    for (String line : lines) {
      assertNoMarker("the event log", copies.strip(line));
    }
    assertTrue(lines.stream().anyMatch(line -> line.contains("SparkListenerSQLExecutionStart")), "logged");
    assertTrue(copies.tokenInJobProperties, "Spark logs the session's token in job properties");
    assertFalse(copies.keysInEnvironment, "Spark redacts the S3 keys of the environment it logs");
  }

  /**
   * What any {@link SparkFirehoseListener} receives, serialised as the event log would be before Spark's redaction:
   * the session's settings in each job's and stage's properties (the git token among them), and the Hadoop
   * configuration in environment updates (the S3 keys among them). Nothing else carries a secret.
   */
  @Test
  void listenersSeeTheTokenOnlyInJobPropertiesAndTheS3KeysOnlyInTheEnvironment() throws IOException {
    SparksCopies copies = new SparksCopies();
    List<String> received = settled(events);
    for (String event : received) {
      assertNoMarker("a listener event", copies.strip(event));
    }
    assertTrue(copies.tokenInJobProperties, "Spark's job properties carry the session's token to listeners");
    assertTrue(received.stream().anyMatch(event -> event.contains("SparkListenerSQLExecutionStart")
        && event.contains("\"" + DatomWriteOptions.GIT_TOKEN_CONF + "\":\"*********(redacted)\"")),
        "a SQL execution lists the session's token redacted");
    assertTrue(copies.keysInEnvironment, "Spark's environment updates carry the Hadoop configuration to listeners");
  }

  /** A copy of a list the listeners filled, taken under its lock (an event in flight may still be added). */
  private static List<String> settled(List<String> filled) {
    synchronized (filled) {
      return List.copyOf(filled);
    }
  }

  /** Removes, and notes, the copies of secrets Spark itself puts in listener events. */
  private static final class SparksCopies {
    private final ObjectMapper json = new ObjectMapper();
    boolean tokenInJobProperties;
    boolean keysInEnvironment;

    String strip(String event) throws IOException {
      JsonNode node = json.readTree(event);
      String type = node.path("Event").asText();
      if (node.path("Properties") instanceof ObjectNode properties
          && List.of(TOKEN, WRONG_TOKEN).contains(properties.path(DatomWriteOptions.GIT_TOKEN_CONF).asText(""))) {
        tokenInJobProperties |= type.endsWith("JobStart");
        properties.remove(DatomWriteOptions.GIT_TOKEN_CONF);
      }
      if (node.path("Hadoop Properties") instanceof ObjectNode hadoop) {
        keysInEnvironment |= S3_SECRET.equals(hadoop.path("fs.s3a.secret.key").asText(""));
        hadoop.remove(List.of("fs.s3a.access.key", "fs.s3a.secret.key"));
      }
      return type + " " + json.writeValueAsString(node);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static void assertNoMarker(String where, String text) {
    for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
      if (text.contains(marker.getKey())) {
        int at = text.indexOf(marker.getKey());
        throw new AssertionError(where + " holds the marker " + marker.getValue() + ": …"
            + text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100)) + "…");
      }
    }
  }

  private static Dataset<Row> labs(int from, int n) {
    return spark.sql("SELECT concat('S', id) AS usubjid, id * 0.5D AS aval FROM range(" + from + ", " + (from + n)
        + ")");
  }

  /** A refused cell: built from rows, so that no plan shows it as a literal. */
  private static Dataset<Row> cellHoldingNul() {
    StructType schema = new StructType().add("usubjid", DataTypes.StringType).add("aval", DataTypes.DoubleType);
    return spark.createDataFrame(List.of(RowFactory.create(CELL + "\u0000", 1.0)), schema);
  }

  private static org.apache.spark.sql.DataFrameWriter<Row> writer(Dataset<Row> rows) {
    return rows.write().format("datom").option("table", "lb").option("repo", remote.url()).mode("overwrite");
  }

  private interface Failing {
    void run() throws Exception;
  }

  private static void refused(Class<? extends Throwable> type, Failing body) {
    Throwable thrown = assertThrows(Throwable.class, body::run);
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    thrown.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    exceptions.add(trace.toString(StandardCharsets.UTF_8));
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return;
      }
    }
    throw new AssertionError("expected " + type.getSimpleName(), thrown);
  }

  /** Reads every file of every clone datom keeps under the writers' work directory (java.io.tmpdir). */
  private static void readCloneFiles(String when) {
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(workDir)) {
      for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith("datom-clone")).toList()) {
        try (Stream<Path> files = Files.walk(entry)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            try {
              cloneFiles.put(when + ": " + workDir.relativize(file), Files.readAllBytes(file));
            } catch (IOException gone) {
              // a clone deleted while it was read
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void listen() throws IOException {
    planListener = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        capture(qe);
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        capture(qe);
      }

      private void capture(QueryExecution qe) {
        logicalPlans.add(qe.logical().toString());
        for (ExplainMode mode : List.of(ExplainMode.fromString("extended"), ExplainMode.fromString("formatted"))) {
          try {
            plans.add(qe.toString());
            plans.add(qe.explainString(mode));
          } catch (RuntimeException unplannable) {
            plans.add(String.valueOf(unplannable));
          }
        }
      }
    };
    spark.listenerManager().register(planListener);
    rawListener = new SparkFirehoseListener() {
      @Override
      public void onEvent(SparkListenerEvent event) {
        events.add(JsonProtocol.sparkEventToJsonString(event));
      }
    };
    spark.sparkContext().addSparkListener(rawListener);
    Path logDir = Files.createDirectories(dir.resolve("event-log"));
    SparkConf conf = spark.sparkContext().getConf().clone().set("spark.eventLog.compress", "false")
        .set("spark.eventLog.rolling.enabled", "false");
    eventLog = new EventLoggingListener(spark.sparkContext().applicationId(), Option.empty(), URI.create(logDir.toUri()
        .toString()), conf, spark.sparkContext().hadoopConfiguration());
    eventLog.start();
    spark.sparkContext().addSparkListener(eventLog);
  }

  /** Log4j 2 events from every logger, with {@code io.datom} and {@code org.eclipse.jgit} at DEBUG. */
  private static final class LogCapture extends AbstractAppender {
    private final StringBuilder text = new StringBuilder();
    private final java.util.Set<String> levels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Level> previous = new LinkedHashMap<>();

    private LogCapture() {
      super("datom-secrets-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture attach() {
      LogCapture capture = new LogCapture();
      capture.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      Configuration config = context.getConfiguration();
      config.addAppender(capture);
      config.getRootLogger().addAppender(capture, Level.ALL, null);
      for (String logger : List.of("io.datom", "org.eclipse.jgit")) {
        capture.previous.put(logger, LogManager.getLogger(logger).getLevel());
        Configurator.setLevel(logger, Level.DEBUG);
      }
      context.updateLoggers();
      return capture;
    }

    @Override
    public void append(LogEvent event) {
      String logger = event.getLoggerName();
      levels.add(event.getLevel() + " " + (logger.startsWith("org.eclipse.jgit") ? "org.eclipse.jgit"
          : logger.startsWith("io.datom") ? "io.datom" : "other"));
      StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(logger).append(' ')
          .append(event.getMessage().getFormattedMessage()).append('\n');
      if (event.getThrown() != null) {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        event.getThrown().printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        line.append(trace.toString(StandardCharsets.UTF_8));
      }
      synchronized (text) {
        text.append(line);
      }
    }

    String text() {
      synchronized (text) {
        return text.toString();
      }
    }

    java.util.Set<String> levels() {
      return levels;
    }

    void detach() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().removeAppender(getName());
      previous.forEach(Configurator::setLevel);
      context.updateLoggers();
      stop();
    }
  }
}
