package io.datom.spark.datoms;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One state in a sequence of states compared datom by datom.
 *
 * @param label what messages call it, e.g. {@code lb at version 3f2a9c1…} or {@code the earlier DataFrame}
 * @param rows  its rows; null for the state before a table's first version, which has none
 */
record Snapshot(String label, Dataset<Row> rows) {

  /** The state before a table's first version: no entities, no facts. */
  static Snapshot empty(String label) {
    return new Snapshot(label, null);
  }

  boolean isEmpty() {
    return rows == null;
  }
}
