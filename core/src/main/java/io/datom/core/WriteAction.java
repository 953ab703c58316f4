package io.datom.core;

/**
 * What a write did, as R's {@code datom_write} reports it in {@code action} (format §6 step 5).
 */
public enum WriteAction {
  /** The table's current version already has this exact metadata: nothing was committed, uploaded or recorded. */
  NONE("none"),
  /** Same data as the current version, different semantic metadata: a new version that reuses the stored object. */
  METADATA_ONLY("metadata_only"),
  /** New data (or a new table): a new version whose object was placed or reused by content address. */
  FULL("full");

  private final String rName;

  WriteAction(String rName) {
    this.rName = rName;
  }

  /** The spelling R uses for this action: {@code none}, {@code metadata_only} or {@code full}. */
  public String rName() {
    return rName;
  }
}
