package io.datom.spark.sync;

/** A landing file's status against the project's manifest, as R's {@code datom_sync_manifest} gives it (format §8). */
public enum SyncStatus {
  /** No table of that name in the manifest. */
  NEW("new"),
  /** The manifest's {@code original_file_sha} differs (or is absent: a derived table). */
  CHANGED("changed"),
  /** The manifest records this very file. */
  UNCHANGED("unchanged"),
  /** An extension R's sync does not import. */
  UNSUPPORTED_FORMAT("unsupported_format");

  private final String rName;

  SyncStatus(String rName) {
    this.rName = rName;
  }

  /** The status as R spells it. */
  public String rName() {
    return rName;
  }
}
