package io.datom.spark.catalog;

import io.datom.spark.store.HadoopStore;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/** One project, at a store path: its tables have no namespace ({@code study.lb}). */
final class SingleProjectLocator implements ProjectLocator {

  private final String store;
  private final Supplier<Configuration> hadoopConf;

  SingleProjectLocator(String store, Supplier<Configuration> hadoopConf) {
    this.store = store;
    this.hadoopConf = hadoopConf;
  }

  @Override
  public int projectLevels() {
    return 0;
  }

  @Override
  public HadoopStore store(List<String> namespace) {
    return HadoopStore.at(store, hadoopConf.get());
  }

  @Override
  public List<List<String>> namespaces() {
    return List.of();
  }

  @Override
  public boolean exists(List<String> namespace) {
    return namespace.isEmpty();
  }

  @Override
  public String location(List<String> namespace) {
    return store;
  }
}
