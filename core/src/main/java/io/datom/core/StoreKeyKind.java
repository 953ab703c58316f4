package io.datom.core;

/**
 * What a key of a project's store holds (format §1.4), which decides how it is copied and checked when a project
 * moves between stores ({@link StoreCopyPlan}).
 */
public enum StoreKeyKind {
  /** A parquet object {@code {table}/{data_sha}.parquet}: immutable, content-addressed, never overwritten. */
  OBJECT,
  /** A metadata snapshot {@code {table}/.metadata/{metadata_sha}.json}. */
  SNAPSHOT,
  /** A table's {@code {table}/.metadata/version_history.json}. */
  HISTORY,
  /** A table's current {@code {table}/.metadata/metadata.json}. */
  METADATA,
  /** Any other file of the namespace, e.g. {@code .metadata/governance.json}. */
  OTHER,
  /** The project manifest {@code .metadata/manifest.json}: copied last, so readers find the project complete. */
  MANIFEST;

  /** Whether the key holds a JSON document the copy must reproduce byte for byte (everything but objects). */
  public boolean isDocument() {
    return this != OBJECT;
  }

  /** Of a logical key. */
  public static StoreKeyKind of(String key) {
    if (key.equals(StoreCopyPlan.MANIFEST_KEY)) {
      return MANIFEST;
    }
    String[] parts = key.split("/", -1);
    if (parts.length == 2 && !parts[0].startsWith(".") && parts[1].endsWith(".parquet")) {
      return OBJECT;
    }
    if (parts.length == 3 && !parts[0].startsWith(".") && parts[1].equals(".metadata")) {
      return switch (parts[2]) {
        case "metadata.json" -> METADATA;
        case "version_history.json" -> HISTORY;
        default -> parts[2].endsWith(".json") ? SNAPSHOT : OTHER;
      };
    }
    return OTHER;
  }
}
