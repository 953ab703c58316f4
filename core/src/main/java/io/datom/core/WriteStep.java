package io.datom.core;

/**
 * The steps of the write protocol (format §6 with §14.3), in the order they run. Steps from {@link #SYNCED} to
 * {@link #PUSHED} run once per attempt: a rejected push ({@link #PUSH_REJECTED}) starts the next attempt at
 * {@link #SYNCED}. A write whose action is {@link WriteAction#NONE} stops after {@link #CHANGE_DETECTED}, apart from
 * {@link #MIRRORED} when the store mirror had fallen behind git.
 */
public enum WriteStep {
  /**
   * The request passed every check (the table name, column names, lineage, custom metadata, a reachable store) and
   * the new version's metadata was built in memory, so its {@code metadata_sha} is known. Nothing has been touched.
   */
  VALIDATED,
  /** The writer's clone was brought to the remote's current state. */
  SYNCED,
  /** The new version was compared with the table's current version in git: none, metadata only, or full. */
  CHANGE_DETECTED,
  /** The parquet object for the new version is settled: placed at its content address, found there, or reused. */
  DATA_RESOLVED,
  /** {@code metadata.json}, {@code version_history.json} and {@code .datom/manifest.json} were written in the clone. */
  FILES_WRITTEN,
  /** Those three files were committed. */
  COMMITTED,
  /**
   * The push was rejected because another writer pushed first; the next attempt recomputes from the new state.
   * Reported as completed in place of {@link #PUSHED}, whose start announced the push.
   */
  PUSH_REJECTED,
  /** The commit reached the remote: the version exists. */
  PUSHED,
  /** The store mirror (snapshot, history, current metadata, manifest) equals git's latest state. */
  MIRRORED
}
