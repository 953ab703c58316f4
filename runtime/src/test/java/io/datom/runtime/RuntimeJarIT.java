package io.datom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link RuntimeJarJob} with only Spark's classpath plus the shaded runtime jar, and checks the jar's contents.
 */
class RuntimeJarIT {

  private static final Path RUNTIME_JAR = Paths.get(System.getProperty("datom.runtime.jar"));
  private static final Path SPARK_CLASSPATH = Paths.get(System.getProperty("datom.spark.classpath.file"));
  private static final Path JOB_CLASSES = Paths.get(System.getProperty("datom.job.classes"));
  private static final Path FIXTURE_STORE = Paths.get(System.getProperty("datom.fixture.store"));

  @Test
  void jobRunsWithSparkClasspathPlusRuntimeJarOnly() throws Exception {
    List<String> classpath = new ArrayList<>();
    classpath.add(RUNTIME_JAR.toString());
    classpath.add(JOB_CLASSES.toString());
    classpath.add(Files.readString(SPARK_CLASSPATH).trim());
    assertTrue(classpath.get(2).contains("spark-sql"), "Spark's classpath must be given to the job");

    Path store = Files.createTempDirectory("datom-runtime-it");
    copyTree(FIXTURE_STORE, store);
    Path newStore = Files.createTempDirectory("datom-runtime-it-store");
    Path remote = Files.createTempDirectory("datom-runtime-it-remote");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
    Path landing = Files.createTempDirectory("datom-runtime-it-landing");
    Files.copy(Paths.get("../connector/src/test/resources/sas-samples/mixed_data_one.sas7bdat"),
        landing.resolve("mixed.sas7bdat"));

    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("datom.spark.jvm.flags").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", String.join(java.io.File.pathSeparator, classpath),
        RuntimeJarJob.class.getName(), store.toString(), newStore.toString(), remote.toUri().toString(),
        landing.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "job timed out");
    assertEquals(0, process.exitValue(), output);

    assertTrue(output.contains("read dm rows=5"), output);
    assertTrue(output.contains("catalog tables=3"), output);
    assertTrue(output.contains("history dm versions=2"), output);
    assertTrue(output.contains("wrote t rows=1000"), output);
    assertTrue(output.contains("synced mixed full rows=24"), output);
  }

  @Test
  void jarHoldsOnlyDatomAndRelocatedClasses() throws IOException {
    try (JarFile jar = new JarFile(RUNTIME_JAR.toFile())) {
      List<String> foreign = jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("io/datom/"))
          .filter(name -> !name.startsWith("META-INF/versions/"))
          .limit(20)
          .collect(Collectors.toList());
      assertEquals(List.of(), foreign, "unrelocated third-party classes in the runtime jar");
      assertTrue(jar.getEntry("io/datom/spark/DatomDataSource.class") != null);
      assertTrue(jar.getEntry("io/datom/shaded/com/epam/parso/impl/SasFileReaderImpl.class") != null,
          "parso, relocated");
      assertTrue(jar.getEntry("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister") != null);
      // Spark provides these; carrying them would shadow the cluster's copies.
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/apache/spark/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("scala/")));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
