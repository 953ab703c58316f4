package io.datom.spark.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * One part of a version's object, written by one task: the rows of one partition of the DataFrame, or of one row
 * group of the current version in an append. What a task sends back to the driver is this small record, never rows.
 *
 * @param index the part's position in the version's row order
 * @param path the part file's Hadoop path
 * @param rows the number of rows in the part
 * @param bytes the part file's size
 * @param nulls per column ordinal, the number of nulls a string column holds in this part (0 for other columns); a
 *     string column with nulls has a {@link NullMasks} side file
 */
public record WrittenPart(int index, String path, long rows, long bytes, long[] nulls) implements Serializable {

  public WrittenPart {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(nulls, "nulls");
  }

  /** Whether the string column at {@code ordinal} holds a null in this part. */
  public boolean hasNulls(int ordinal) {
    return nulls[ordinal] > 0;
  }
}
