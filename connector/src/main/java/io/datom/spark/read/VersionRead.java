package io.datom.spark.read;

import io.datom.core.Snapshot;
import io.datom.spark.store.HadoopStore;

/** A Spark table that reads one datom version: what a write looks for in a DataFrame's plan to record its lineage. */
public interface VersionRead {

  /** The store of the project the version belongs to. */
  HadoopStore store();

  /** The version read. */
  Snapshot snapshot();
}
