package io.datom.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark installation assembled from the jars the build resolved, shaped like a distribution: an empty
 * {@code RELEASE} file and {@code jars/} holding a link to each jar. With {@code SPARK_HOME} pointing at it, a
 * {@code local-cluster} master's workers launch executors with {@code $SPARK_HOME/jars/*} as their classpath (Spark's
 * launcher looks for {@code RELEASE} to tell a distribution from a source tree; it also wants
 * {@code SPARK_SCALA_VERSION}, which a distribution's {@code load-spark-env.sh} sets), so executors see exactly what a
 * cluster's Spark installation holds, and datom only through {@code spark.jars}.
 */
final class LocalSparkHome {

  private final Path home;

  private LocalSparkHome(Path home) {
    this.home = home;
  }

  /**
   * Assembles (or re-assembles) {@code home} from classpath files, each one line of jar paths separated by the
   * platform's path separator, as {@code dependency:build-classpath} writes them. A jar name seen twice is linked once.
   */
  static LocalSparkHome assemble(Path home, List<Path> classpathFiles) throws IOException {
    Path jars = home.resolve("jars");
    if (Files.isDirectory(jars)) {
      try (var old = Files.list(jars)) {
        for (Path link : (Iterable<Path>) old::iterator) {
          Files.delete(link);
        }
      }
    }
    Files.createDirectories(jars);
    for (Path file : classpathFiles) {
      for (String entry : Files.readString(file).trim().split(File.pathSeparator)) {
        Path jar = Path.of(entry);
        Path link = jars.resolve(jar.getFileName().toString());
        if (!entry.isBlank() && Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
      }
    }
    Files.write(home.resolve("RELEASE"), new byte[0]);
    return new LocalSparkHome(home);
  }

  /** The installation's root, for {@code SPARK_HOME}. */
  Path home() {
    return home;
  }

  /** A classpath of every jar in {@code jars/}, as a wildcard entry. */
  String jarsClasspath() {
    return home.resolve("jars") + File.separator + "*";
  }

  /** The names of the linked jars, for messages. */
  List<String> jarNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (var links = Files.list(home.resolve("jars"))) {
      links.forEach(link -> names.add(link.getFileName().toString()));
    }
    return names;
  }
}
