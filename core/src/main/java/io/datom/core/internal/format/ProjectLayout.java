package io.datom.core.internal.format;

import java.util.Set;

/**
 * Where a project's files live: repository paths in the data repo (format §1.1) and logical keys in the store (§1.4).
 * Store keys are logical: a {@link io.datom.core.store.Store} maps them under {@code {prefix}/datom/}.
 */
public final class ProjectLayout {

  public static final String PROJECT_FILE = ".datom/project.yaml";
  public static final String MANIFEST_FILE = ".datom/manifest.json";
  public static final String GITIGNORE_FILE = ".gitignore";
  public static final String README_FILE = "README.md";
  public static final String STORE_MANIFEST = ".metadata/manifest.json";

  /** Top-level folders that are never tables, although some pass name validation (format §1.1). */
  public static final Set<String> NOT_TABLES = Set.of("input_files", "renv", "man", "R", "tests", "vignettes", "src");

  private ProjectLayout() {}

  public static String metadataFile(String table) {
    return table + "/metadata.json";
  }

  public static String historyFile(String table) {
    return table + "/version_history.json";
  }

  public static String storeMetadata(String table) {
    return table + "/.metadata/metadata.json";
  }

  public static String storeHistory(String table) {
    return table + "/.metadata/version_history.json";
  }

  public static String storeSnapshot(String table, String metadataSha) {
    return table + "/.metadata/" + metadataSha + ".json";
  }

  public static String dataObject(String table, String dataSha) {
    return table + "/" + dataSha + ".parquet";
  }
}
