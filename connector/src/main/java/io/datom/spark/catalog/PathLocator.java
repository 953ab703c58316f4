package io.datom.spark.catalog;

import io.datom.spark.store.HadoopStore;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/** Any project, named by its store path as the one namespace part: {@code datom_paths.`s3a://bucket/trial`.lb}. */
final class PathLocator implements ProjectLocator {

  private final Supplier<Configuration> hadoopConf;

  PathLocator(Supplier<Configuration> hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  @Override
  public int projectLevels() {
    return 1;
  }

  @Override
  public HadoopStore store(List<String> namespace) {
    return HadoopStore.at(namespace.get(0), hadoopConf.get());
  }

  @Override
  public List<List<String>> namespaces() {
    return List.of();
  }

  @Override
  public boolean exists(List<String> namespace) {
    return namespace.size() == 1;
  }

  @Override
  public String location(List<String> namespace) {
    return namespace.get(0);
  }

  /** {@code format("datom").mode("overwrite").save(store)} creates the table (with an empty remote, the project too). */
  @Override
  public boolean writesCreateTables() {
    return true;
  }
}
