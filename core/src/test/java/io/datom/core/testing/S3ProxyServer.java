package io.datom.core.testing;

import io.datom.core.store.S3Credentials;
import io.datom.core.store.S3StoreConfig;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for tests: s3proxy in a child JVM (never the test JVM) on 127.0.0.1 and a free port, storing
 * buckets in a temporary directory and requiring AWS signatures from a fixed test identity (or one given to
 * {@link #start(String, String)}, for tests that look for the keys where they must not be).
 *
 * <p>Use one per test class from {@code @BeforeAll} ({@code try (var s3 = S3ProxyServer.start())}), or let
 * {@link S3ProxyExtension} share one across the whole test run. {@link #close()} stops the process.
 */
public final class S3ProxyServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  public static final String ACCESS_KEY = "datom-test-access-key";
  public static final String SECRET_KEY = "datom-test-secret-key-s3proxy";
  public static final String REGION = "us-east-1";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final int START_ATTEMPTS = 3;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private final Process process;
  private final Thread killOnExit;
  private final Path workDir;
  private final URI endpoint;
  private final S3Client client;
  private final String accessKey;
  private final String secretKey;

  private S3ProxyServer(Process process, Path workDir, URI endpoint, String accessKey, String secretKey) {
    this.process = process;
    this.workDir = workDir;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.killOnExit = new Thread(process::destroyForcibly, "s3proxy-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    this.client =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.of(REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            .build();
  }

  /** Starts s3proxy with the fixed test identity and returns once it answers HTTP requests. */
  public static S3ProxyServer start() {
    return start(ACCESS_KEY, SECRET_KEY);
  }

  /** Starts s3proxy accepting only {@code accessKey} with {@code secretKey}. */
  public static S3ProxyServer start(String accessKey, String secretKey) {
    Path jar = S3ProxyJar.locate();
    IllegalStateException failure = new IllegalStateException("s3proxy did not start");
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        return startOnce(jar, accessKey, secretKey);
      } catch (IllegalStateException e) {
        // Most likely another process took the free port between our probe and s3proxy's bind: try another.
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  private static S3ProxyServer startOnce(Path jar, String accessKey, String secretKey) {
    Path workDir = TempDirs.create("s3proxy-");
    Process process = null;
    try {
      Path data = Files.createDirectories(workDir.resolve("data"));
      URI endpoint = URI.create("http://127.0.0.1:" + freePort());
      Path properties = writeProperties(workDir, endpoint, data, accessKey, secretKey);
      Path log = workDir.resolve("s3proxy.log");
      process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx256m",
                      "-XX:+UseSerialGC",
                      "-XX:TieredStopAtLevel=1",
                      "-jar",
                      jar.toString(),
                      "--properties",
                      properties.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      awaitReady(process, endpoint, log);
      return new S3ProxyServer(process, workDir, endpoint, accessKey, secretKey);
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      TempDirs.deleteRecursively(workDir);
      throw e instanceof IOException io ? new IllegalStateException("Could not start s3proxy", io) : (RuntimeException) e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path writeProperties(Path workDir, URI endpoint, Path data, String accessKey, String secretKey)
      throws IOException {
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", endpoint.toString());
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("s3proxy.identity", accessKey);
    properties.setProperty("s3proxy.credential", secretKey);
    properties.setProperty("jclouds.provider", "filesystem");
    properties.setProperty("jclouds.filesystem.basedir", data.toString());
    Path file = workDir.resolve("s3proxy.properties");
    try (var out = Files.newOutputStream(file)) {
      properties.store(out, "datom test s3proxy");
    }
    return file;
  }

  private static void awaitReady(Process process, URI endpoint, Path log) {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ":\n" + tail(log));
      }
      if (answers(endpoint)) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("s3proxy did not answer at " + endpoint + " within " + STARTUP_TIMEOUT + ":\n"
        + tail(log));
  }

  private static boolean answers(URI endpoint) {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for s3proxy", e);
    }
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The identity's credentials. */
  public S3Credentials credentials() {
    return S3Credentials.of(accessKey, secretKey);
  }

  /** The access key the server accepts. */
  public String accessKey() {
    return accessKey;
  }

  /** The secret key the server accepts. */
  public String secretKey() {
    return secretKey;
  }

  /** A raw S3 client for this server, for assertions a {@code Store} does not expose (content types, say). */
  public S3Client client() {
    return client;
  }

  /** Creates a bucket with a fresh unique name and returns the name. */
  public String createBucket() {
    String bucket = "datom-test-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    createBucket(bucket);
    return bucket;
  }

  /** Creates {@code bucket}. */
  public void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  /** A store configuration for {@code bucket} on this server: endpoint, path-style addressing and test credentials. */
  public S3StoreConfig.Builder storeConfig(String bucket) {
    return S3StoreConfig.builder(bucket)
        .region(REGION)
        .endpoint(endpoint)
        .pathStyle(true)
        .credentials(credentials());
  }

  /** Stops s3proxy, waits for its process to end and deletes its data. */
  @Override
  public void close() {
    client.close();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook itself will run.
    }
    TempDirs.deleteRecursively(workDir);
  }
}
