package io.datom.spark.catalog;

import io.datom.spark.store.HadoopStore;
import java.util.List;

/** Finds the datom project that a catalog namespace names: the strategy behind each mode of a DatomCatalog. */
public interface ProjectLocator {

  /** How many leading namespace parts select the project: 0 for a single project, 1 otherwise. */
  int projectLevels();

  /** The store of the project a namespace of {@link #projectLevels()} parts names. */
  HadoopStore store(List<String> namespace);

  /** The namespaces this catalog lists, each of {@link #projectLevels()} parts. */
  List<List<String>> namespaces();

  /** Whether the namespace names a project this catalog can serve. */
  boolean exists(List<String> namespace);

  /** Where the namespace's project is stored, for {@code DESCRIBE NAMESPACE}. */
  String location(List<String> namespace);

  /**
   * Whether an append or overwrite of a table without versions creates it, as a save to a new path does; otherwise
   * such a write fails as Spark's catalogs do, and tables are created with {@code CREATE TABLE AS SELECT}.
   */
  default boolean writesCreateTables() {
    return false;
  }
}
