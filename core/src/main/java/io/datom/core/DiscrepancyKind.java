package io.datom.core;

/** How the store mirror of a project disagrees with its data repository. */
public enum DiscrepancyKind {
  /** The store has no {@code .metadata/manifest.json}. */
  MANIFEST_MISSING(true),
  /** The store's manifest says something else than git's {@code .datom/manifest.json}. */
  MANIFEST_DIFFERS(true),
  /** The store has no {@code {table}/.metadata/metadata.json} for a table git has. */
  METADATA_MISSING(true),
  /** The store's current metadata of a table is not git's: readers see another current version. */
  METADATA_DIFFERS(true),
  /** The store has no {@code {table}/.metadata/version_history.json}. */
  HISTORY_MISSING(true),
  /** The store's history of a table is not git's. */
  HISTORY_DIFFERS(true),
  /** The snapshot {@code {table}/.metadata/{metadata_sha}.json} of the table's current version is missing. */
  SNAPSHOT_MISSING(true),
  /** The snapshot of the table's current version is not its metadata. */
  SNAPSHOT_DIFFERS(true),
  /**
   * A version in the history refers to {@code {table}/{data_sha}.parquet}, which the store does not have. Git holds no
   * data, so re-mirroring cannot repair this: the version cannot be read until the object is restored.
   */
  PARQUET_MISSING(false),
  /**
   * The parquet object of a table's current version is not the size its metadata records ({@code size_bytes}): it was
   * truncated or replaced, and reads fail its integrity check. Not repairable, as git holds no data. (Validation
   * compares sizes only; a read with {@code verify} compares contents.)
   */
  PARQUET_SIZE_DIFFERS(false);

  private final boolean repairable;

  DiscrepancyKind(boolean repairable) {
    this.repairable = repairable;
  }

  /** Whether re-mirroring the store from git repairs it. */
  public boolean repairable() {
    return repairable;
  }
}
