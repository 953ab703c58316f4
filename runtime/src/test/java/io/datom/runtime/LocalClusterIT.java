package io.datom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.testing.S3ProxyServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LocalClusterJob} on a Spark {@code local-cluster[2,1,1024]} master: the driver in a child JVM with
 * Spark's jars plus the runtime jar, two executors in JVMs of their own launched by Spark's workers from an assembled
 * {@link LocalSparkHome} (Spark's jars and, as on a cluster, hadoop-aws with its AWS SDK), getting datom only through
 * {@code spark.jars}. Once against a local store, once against s3proxy through {@code s3a://}; one cluster each.
 */
class LocalClusterIT {

  private static final Path RUNTIME_JAR = Paths.get(System.getProperty("datom.runtime.jar"));
  private static final Path SPARK_CLASSPATH = Paths.get(System.getProperty("datom.spark.classpath.file"));
  private static final Path S3A_CLASSPATH = Paths.get(System.getProperty("datom.s3a.classpath.file"));
  private static final Path JOB_CLASSES = Paths.get(System.getProperty("datom.job.classes"));
  private static final Path SPARK_HOME = Paths.get(System.getProperty("datom.local.spark.home"));
  private static final String JVM_FLAGS = System.getProperty("datom.spark.jvm.flags").trim();
  private static final String SCALA_BINARY_VERSION = System.getProperty("datom.scala.binary.version");
  private static final String MASTER = "local-cluster[2,1,1024]";

  private static LocalSparkHome sparkHome;

  @BeforeAll
  static void assembleSparkHome() throws Exception {
    sparkHome = LocalSparkHome.assemble(SPARK_HOME, List.of(SPARK_CLASSPATH, S3A_CLASSPATH));
    List<String> jars = sparkHome.jarNames();
    assertTrue(jars.stream().anyMatch(n -> n.startsWith("spark-core_")), jars.toString());
    assertTrue(jars.stream().anyMatch(n -> n.startsWith("hadoop-aws-")), jars.toString());
    assertTrue(jars.stream().noneMatch(n -> n.contains("datom")), jars.toString());
  }

  @Test
  void mainPathsOnSeparateExecutorJvmsWithALocalStore() throws Exception {
    Path store = Files.createTempDirectory("datom-cluster-store");
    Map<String, String> checks = run(store.toString(), Map.of());
    assertMainPaths(checks);
  }

  @Test
  void mainPathsOnSeparateExecutorJvmsWithAnS3aStore() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      String store = "s3a://" + s3.createBucket() + "/trial";
      Map<String, String> checks = run(store, s3aSettings(s3));
      assertMainPaths(checks);
      // The version objects are in the bucket, not on a local disk.
      String bucket = store.substring("s3a://".length(), store.indexOf('/', "s3a://".length()));
      long objects = s3.client().listObjectsV2(b -> b.bucket(bucket).prefix("trial/datom/t/")).contents().stream()
          .filter(o -> o.key().endsWith(".parquet")).count();
      assertEquals(3, objects, "one parquet object per version of t");
    }
  }

  private static void assertMainPaths(Map<String, String> checks) {
    Map<String, String> expected = new TreeMap<>();
    expected.put("executors", "2");
    expected.put("task.jvms", "2");
    expected.put("task.jvms.executors", "true");
    expected.put("executor.classpath.datom", "0");
    expected.put("create.action", "full");
    expected.put("create.nrow", "1000");
    expected.put("noop.action", "none");
    expected.put("noop.nrow", "1000");
    expected.put("overwrite.action", "full");
    expected.put("overwrite.nrow", "1500");
    expected.put("append.action", "full");
    expected.put("append.nrow", "2000");
    expected.put("current.rows", "2000");
    expected.put("current.sum", Long.toString(sum(200, 1700) + sum(5000, 5500)));
    expected.put("v1.rows", "1000");
    expected.put("v1prefix.sum", Long.toString(sum(0, 1000)));
    expected.put("asof.rows", "1500");
    expected.put("sql.current.rows", "2000");
    expected.put("sql.versionasof.rows", "1000");
    expected.put("sql.timestampasof.rows", "1500");
    expected.put("sql.history.versions", "3");
    expected.put("sql.history.latest", "true");
    expected.put("derived.action", "full");
    expected.put("derived.nrow", "100");
    expected.put("derived.rows", "100");
    expected.put("derived.parents", "1");
    expected.put("derived.parent.table", "t");
    expected.put("derived.parent.isv2", "true");
    expected.put("changes.between", "{added=1200, retracted=200}");
    expected.put("changes.sql", "{added=1200, retracted=200}");
    assertEquals(expected, new TreeMap<>(checks));
  }

  private static long sum(long from, long to) {
    return (from + to - 1) * (to - from) / 2;
  }

  private static Map<String, String> s3aSettings(S3ProxyServer s3) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.hadoop.fs.s3a.endpoint", s3.endpoint().toString());
    settings.put("spark.hadoop.fs.s3a.endpoint.region", S3ProxyServer.REGION);
    settings.put("spark.hadoop.fs.s3a.path.style.access", "true");
    settings.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
    settings.put("spark.hadoop.fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("spark.hadoop.fs.s3a.access.key", s3.accessKey());
    settings.put("spark.hadoop.fs.s3a.secret.key", s3.secretKey());
    settings.put("spark.hadoop.fs.s3a.attempts.maximum", "2");
    settings.put("spark.hadoop.fs.s3a.retry.limit", "2");
    return settings;
  }

  /** Runs the job in a child driver JVM and returns its {@code check} lines as name to value. */
  private static Map<String, String> run(String store, Map<String, String> settings) throws Exception {
    Path remote = Files.createTempDirectory("datom-cluster-remote");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();

    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(JVM_FLAGS.split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp",
        String.join(File.pathSeparator, RUNTIME_JAR.toString(), JOB_CLASSES.toString(), sparkHome.jarsClasspath()),
        LocalClusterJob.class.getName(), MASTER, store, remote.toUri().toString()));
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.jars", RUNTIME_JAR.toString());
    conf.put("spark.executor.extraJavaOptions", JVM_FLAGS);
    conf.put("spark.executor.memory", "512m");
    conf.putAll(settings);
    conf.forEach((key, value) -> command.add(key + "=" + value));

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", sparkHome.home().toString());
    // What a distribution's load-spark-env.sh sets; without it the launcher looks for a source tree's build dirs.
    builder.environment().put("SPARK_SCALA_VERSION", SCALA_BINARY_VERSION);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Path log = Files.createTempFile("datom-cluster-job", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean finished = process.waitFor(8, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "job timed out:\n" + tail(output));
    assertEquals(0, process.exitValue(), tail(output));

    Map<String, String> checks = new LinkedHashMap<>();
    output.lines().filter(line -> line.startsWith("check ")).forEach(line -> {
      String[] pair = line.substring("check ".length()).split("=", 2);
      checks.put(pair[0], pair[1]);
    });
    return checks;
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 20_000));
  }
}
