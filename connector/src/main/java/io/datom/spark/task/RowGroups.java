package io.datom.spark.task;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The row groups of one parquet object, in stored order, from its footer (a metadata read on the driver): where each
 * lies in the object and which rows it holds. A run of consecutive row groups is what one task reads of the object.
 *
 * @param object the object's Hadoop path
 * @param groups each row group as {@code {first byte, compressed bytes, first row, rows}}
 */
public record RowGroups(String object, List<long[]> groups) implements Serializable {

  /** The row groups of {@code object}. */
  public static RowGroups of(String object, Configuration conf) {
    List<long[]> groups = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(object), conf))) {
      long firstRow = 0;
      for (BlockMetaData group : reader.getRowGroups()) {
        groups.add(new long[] {group.getStartingPos(), group.getCompressedSize(), firstRow, group.getRowCount()});
        firstRow += group.getRowCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the footer of " + object, e);
    }
    return new RowGroups(object, List.copyOf(groups));
  }

  /** How many row groups. */
  public int size() {
    return groups.size();
  }

  /**
   * The byte range {@code {start, length}} holding row groups {@code from} (included) to {@code to} (excluded): a
   * split whose midpoint rule selects exactly them; null for none.
   */
  long[] split(int from, int to) {
    if (from >= to) {
      return null;
    }
    long start = groups.get(from)[0];
    long[] last = groups.get(to - 1);
    return new long[] {start, last[0] + last[1] - start};
  }

  /** The row position in the middle of row group {@code index}. */
  long middleRow(int index) {
    long[] group = groups.get(index);
    return group[2] + group[3] / 2;
  }

  /** The first row of row group {@code index}. */
  long firstRow(int index) {
    return groups.get(index)[2];
  }
}
