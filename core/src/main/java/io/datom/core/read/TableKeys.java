package io.datom.core.read;

/** The logical store keys a reader uses (format §1.4). */
final class TableKeys {

  static final String MANIFEST = ".metadata/manifest.json";

  private TableKeys() {}

  static String metadata(String table) {
    return table + "/.metadata/metadata.json";
  }

  static String history(String table) {
    return table + "/.metadata/version_history.json";
  }

  static String snapshot(String table, String version) {
    return table + "/.metadata/" + version + ".json";
  }
}
