package io.datom.spark.task;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Joins part files into one parquet object by copying their row groups, in order, byte for byte: pages are neither
 * decoded nor recompressed, and each column chunk keeps its statistics, column index, offset index and bloom filter,
 * so the object reads as fast as the parts did. The object's footer carries the last part's key-value metadata
 * (Spark's schema and version). Every part must have the same parquet schema.
 */
public final class ObjectConcatenator {

  private ObjectConcatenator() {}

  /** The size and SHA-256 of an object as written. */
  public record Written(long size, String sha256) {}

  /**
   * Writes the parts, in order, as one object to {@code out} (which is closed).
   *
   * @throws IllegalArgumentException if a part's schema differs from the first part's
   */
  public static Written concat(List<String> parts, Configuration conf, OutputStream out) throws IOException {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("An object needs at least one part");
    }
    MessageType schema = footerSchema(parts.get(0), conf);
    Map<String, String> keyValues = null;
    DigestingOutputFile file = new DigestingOutputFile(out);
    ParquetFileWriter writer =
        new ParquetFileWriter(file, schema, ParquetFileWriter.Mode.CREATE, PartFormat.ROW_GROUP_BYTES, 0);
    writer.start();
    for (String part : parts) {
      InputFile input = HadoopInputFile.fromPath(new Path(part), conf);
      try (ParquetFileReader reader = ParquetFileReader.open(input);
          SeekableInputStream bytes = input.newStream()) {
        MessageType partSchema = reader.getFileMetaData().getSchema();
        if (!partSchema.equals(schema)) {
          throw new IllegalArgumentException("Part " + part + " has the parquet schema " + partSchema
              + ", which differs from the first part's " + schema);
        }
        for (BlockMetaData rowGroup : reader.getRowGroups()) {
          copyRowGroup(reader, bytes, rowGroup, schema, writer);
        }
        keyValues = reader.getFileMetaData().getKeyValueMetaData();
      }
    }
    writer.end(keyValues);
    return new Written(file.size(), file.sha256Hex());
  }

  private static void copyRowGroup(ParquetFileReader reader, SeekableInputStream bytes, BlockMetaData rowGroup,
      MessageType schema, ParquetFileWriter writer) throws IOException {
    writer.startBlock(rowGroup.getRowCount());
    for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
      ColumnDescriptor column = schema.getColumnDescription(chunk.getPath().toArray());
      writer.appendColumnChunk(column, bytes, chunk, reader.readBloomFilter(chunk), reader.readColumnIndex(chunk),
          reader.readOffsetIndex(chunk));
    }
    writer.endBlock();
  }

  private static MessageType footerSchema(String part, Configuration conf) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(part), conf))) {
      return reader.getFileMetaData().getSchema();
    }
  }
}
