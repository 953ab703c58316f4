package io.datom.core.write;

import java.util.Set;

/** Where a project's files live: repository paths in the data repo (format §1.1) and logical keys in the store (§1.4). */
final class ProjectPaths {

  static final String PROJECT_FILE = ".datom/project.yaml";
  static final String MANIFEST_FILE = ".datom/manifest.json";
  static final String GITIGNORE_FILE = ".gitignore";
  static final String README_FILE = "README.md";
  static final String STORE_MANIFEST = ".metadata/manifest.json";

  /** Top-level folders that are never tables, although some pass name validation (format §1.1). */
  static final Set<String> NOT_TABLES = Set.of("input_files", "renv", "man", "R", "tests", "vignettes", "src");

  private ProjectPaths() {}

  static String metadataFile(String table) {
    return table + "/metadata.json";
  }

  static String historyFile(String table) {
    return table + "/version_history.json";
  }

  static String storeMetadata(String table) {
    return table + "/.metadata/metadata.json";
  }

  static String storeHistory(String table) {
    return table + "/.metadata/version_history.json";
  }

  static String storeSnapshot(String table, String metadataSha) {
    return table + "/.metadata/" + metadataSha + ".json";
  }

  static String dataObject(String table, String dataSha) {
    return table + "/" + dataSha + ".parquet";
  }
}
