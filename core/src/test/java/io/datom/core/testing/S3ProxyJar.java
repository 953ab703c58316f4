package io.datom.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the s3proxy jar-with-dependencies that {@link S3ProxyServer} runs, from whichever module the tests run in. */
final class S3ProxyJar {

  static final String VERSION = "4.1.0";

  private S3ProxyJar() {}

  /**
   * The first existing candidate: the parent pom's surefire properties (core's copy, then the local Maven repository),
   * then core's copy relative to the working directory, then the default local repository.
   */
  static Path locate() {
    List<Path> candidates = new ArrayList<>();
    addProperty(candidates, "datom.s3proxy.jar");
    addProperty(candidates, "datom.s3proxy.fallbackJar");
    candidates.add(Path.of("target", "s3proxy", "s3proxy.jar"));
    candidates.add(Path.of("..", "core", "target", "s3proxy", "s3proxy.jar"));
    candidates.add(
        Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", VERSION,
            "s3proxy-" + VERSION + "-jar-with-dependencies.jar"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "s3proxy " + VERSION + " jar not found; looked at " + candidates
            + ". Run `mvn -pl core generate-test-resources` (it copies the jar to core/target/s3proxy/).");
  }

  private static void addProperty(List<Path> candidates, String property) {
    String value = System.getProperty(property);
    if (value != null && !value.isBlank()) {
      candidates.add(Path.of(value));
    }
  }
}
