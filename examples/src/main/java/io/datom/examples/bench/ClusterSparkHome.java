package io.datom.examples.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark installation for a {@code local-cluster} master, assembled from this JVM's own classpath: {@code jars/}
 * links every jar on it (Spark, datom and their dependencies, as a cluster with datom installed holds them) and an
 * empty {@code RELEASE} marks it a distribution, so that Spark's workers launch each executor in its own JVM with
 * {@code $SPARK_HOME/jars/*}. The workers read {@code SPARK_HOME} (and {@code SPARK_SCALA_VERSION}) from the
 * environment, so the caller must set them to this folder before the JVM starts.
 */
final class ClusterSparkHome {

  private ClusterSparkHome() {}

  /**
   * Fills {@code home} from {@code java.class.path}; returns the classpath's folders (compiled classes of the build
   * reactor), which a {@code jars/} folder cannot hold, for {@code spark.executor.extraClassPath}.
   */
  static String assemble(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (var old = Files.list(jars)) {
      for (Path link : (Iterable<Path>) old::iterator) {
        Files.delete(link);
      }
    }
    List<String> folders = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isDirectory(path)) {
        folders.add(path.toString());
      } else if (entry.endsWith(".jar")) {
        Path link = jars.resolve(path.getFileName().toString());
        if (Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, path);
        }
      }
    }
    Files.write(home.resolve("RELEASE"), new byte[0]);
    return String.join(File.pathSeparator, folders);
  }
}
