package io.datom.spark.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The null positions of a part's string columns, recorded while the part is written. A string column's cv1 digest
 * starts with one null flag for every row of the table, before any value (format §5.3); with these side files the
 * hash job reads the flags without decoding the strings twice. Only columns that hold a null get a file: a bitmap,
 * bit {@code r} (least significant first) set when row {@code r} of the part is null.
 */
public final class NullMasks {

  private final int[] stringOrdinals;
  private final BitSet[] masks;
  private final long[] counts;

  /** Records the nulls of the string columns at these ordinals of a row. */
  public NullMasks(int[] stringOrdinals, int columns) {
    this.stringOrdinals = stringOrdinals.clone();
    this.masks = new BitSet[columns];
    this.counts = new long[columns];
  }

  /** Notes the nulls of the part's row number {@code row}. */
  public void record(InternalRow values, int row) {
    for (int ordinal : stringOrdinals) {
      if (values.isNullAt(ordinal)) {
        if (masks[ordinal] == null) {
          masks[ordinal] = new BitSet();
        }
        masks[ordinal].set(row);
        counts[ordinal]++;
      }
    }
  }

  /** Null counts by column ordinal. */
  public long[] counts() {
    return counts.clone();
  }

  /** Writes the side file of each string column that holds a null, next to the part. */
  public void writeBeside(String partPath, Configuration conf) throws IOException {
    for (int ordinal : stringOrdinals) {
      if (masks[ordinal] != null) {
        Path path = sideFile(partPath, ordinal);
        try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
          out.write(masks[ordinal].toByteArray());
        }
      }
    }
  }

  /** The null flags of a string column in a part, read from its side file. */
  public static BitSet read(String partPath, int ordinal, Configuration conf) throws IOException {
    Path path = sideFile(partPath, ordinal);
    FileSystem fs = path.getFileSystem(conf);
    try (InputStream in = fs.open(path)) {
      return BitSet.valueOf(in.readAllBytes());
    }
  }

  private static Path sideFile(String partPath, int ordinal) {
    return new Path(partPath + ".nulls-" + ordinal);
  }
}
