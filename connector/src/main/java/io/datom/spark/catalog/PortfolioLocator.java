package io.datom.spark.catalog;

import io.datom.core.GovernanceRegistry;
import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.store.StoreLocation;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.StorePaths;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * The projects registered in a governance store: each namespace is a project name, resolved to its data store through
 * {@code projects/{name}/ref.json} (format §1.5, §3.5) on every lookup, so a migrated project is followed at once.
 */
final class PortfolioLocator implements ProjectLocator {

  private final String governanceStore;
  private final String s3Scheme;
  private final Supplier<Configuration> hadoopConf;

  PortfolioLocator(String governanceStore, String s3Scheme, Supplier<Configuration> hadoopConf) {
    this.governanceStore = governanceStore;
    this.s3Scheme = s3Scheme;
    this.hadoopConf = hadoopConf;
  }

  @Override
  public int projectLevels() {
    return 1;
  }

  @Override
  public HadoopStore store(List<String> namespace) {
    return HadoopStore.at(location(namespace), hadoopConf.get());
  }

  @Override
  public List<List<String>> namespaces() {
    return registry().projects().stream().map(List::of).toList();
  }

  @Override
  public boolean exists(List<String> namespace) {
    return namespace.size() == 1 && registry().projects().contains(namespace.get(0));
  }

  @Override
  public String location(List<String> namespace) {
    String project = namespace.get(0);
    StoreLocation data = registry().dataLocation(project);
    return StorePaths.hadoopPath(data, s3Scheme).orElseThrow(() -> new InvalidDatomFileException(
        "projects/" + project + "/ref.json", "The ref.json of project " + project + " in governance store "
            + governanceStore + " names a store of type '" + data.type() + "'; datom stores are of type s3 or "
            + "local. Ask the governance maintainers to correct it."));
  }

  private GovernanceRegistry registry() {
    return GovernanceRegistry.open(HadoopStore.at(governanceStore, hadoopConf.get()));
  }
}
