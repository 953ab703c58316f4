package io.datom.spark.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
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
    DigestingOutputFile file = new DigestingOutputFile(out);
    join(parts, conf, file, InputFile::newStream, CopyObserver.NONE);
    return new Written(file.size(), file.sha256Hex());
  }

  /**
   * The layout of the object {@link #concat} writes from {@code parts}, without copying their row groups: only the
   * parts' footers and indexes are read. The bytes the layout describes are exactly those {@code concat} writes.
   *
   * @throws IllegalArgumentException if a part's schema differs from the first part's
   */
  public static ObjectLayout plan(List<String> parts, Configuration conf) throws IOException {
    LayoutRecorder recorder = new LayoutRecorder();
    join(parts, conf, recorder, input -> recorder.newSource(), recorder);
    return recorder.layout();
  }

  private static void join(List<String> parts, Configuration conf, OutputFile file, Sources sources,
      CopyObserver observer) throws IOException {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("An object needs at least one part");
    }
    MessageType schema = footerSchema(parts.get(0), conf);
    Map<String, String> keyValues = null;
    ParquetFileWriter writer =
        new ParquetFileWriter(file, schema, ParquetFileWriter.Mode.CREATE, PartFormat.ROW_GROUP_BYTES, 0);
    writer.start();
    for (String part : parts) {
      InputFile input = HadoopInputFile.fromPath(new Path(part), conf);
      try (ParquetFileReader reader = ParquetFileReader.open(input);
          SeekableInputStream bytes = sources.open(input)) {
        MessageType partSchema = reader.getFileMetaData().getSchema();
        if (!partSchema.equals(schema)) {
          throw new IllegalArgumentException("Part " + part + " has the parquet schema " + partSchema
              + ", which differs from the first part's " + schema);
        }
        for (BlockMetaData rowGroup : reader.getRowGroups()) {
          copyRowGroup(reader, bytes, rowGroup, schema, writer, part, observer);
        }
        keyValues = reader.getFileMetaData().getKeyValueMetaData();
      }
    }
    writer.end(keyValues);
  }

  private static void copyRowGroup(ParquetFileReader reader, SeekableInputStream bytes, BlockMetaData rowGroup,
      MessageType schema, ParquetFileWriter writer, String part, CopyObserver observer) throws IOException {
    writer.startBlock(rowGroup.getRowCount());
    for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
      ColumnDescriptor column = schema.getColumnDescription(chunk.getPath().toArray());
      BloomFilter bloomFilter = reader.readBloomFilter(chunk);
      ColumnIndex columnIndex = reader.readColumnIndex(chunk);
      OffsetIndex offsetIndex = reader.readOffsetIndex(chunk);
      observer.copying(part, chunk.getStartingPos(), chunk.getTotalSize());
      writer.appendColumnChunk(column, bytes, chunk, bloomFilter, columnIndex, offsetIndex);
      observer.copied();
    }
    writer.endBlock();
  }

  /** Opens the stream a part's column chunks are copied from. */
  private interface Sources {
    SeekableInputStream open(InputFile input) throws IOException;
  }

  /** Told around each column chunk the writer copies, so that a plan can record where its bytes come from. */
  private interface CopyObserver {
    CopyObserver NONE = new CopyObserver() {
      @Override
      public void copying(String part, long from, long length) {}

      @Override
      public void copied() {}
    };

    void copying(String part, long from, long length) throws IOException;

    void copied() throws IOException;
  }

  /**
   * The output of a plan: records the bytes the writer writes itself, and only counts those it copies from a part,
   * which come from a source that reads nothing ({@link NothingRead}).
   */
  private static final class LayoutRecorder extends StreamOutputFile implements CopyObserver {
    private final List<ObjectLayout.Segment> segments = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long position;
    private long pendingAt;
    private String copyPart;
    private long copyFrom;
    private long copyLength;
    private long copyAt = -1;
    private NothingRead source;

    SeekableInputStream newSource() {
      source = new NothingRead();
      return source;
    }

    @Override
    public void copying(String part, long from, long length) {
      flushPending();
      copyPart = part;
      copyFrom = from;
      copyLength = length;
      copyAt = position;
    }

    @Override
    public void copied() {
      // The writer must have copied exactly the chunk's bytes, from where the chunk starts, and written nothing else.
      if (position - copyAt != copyLength || source.position != copyFrom + copyLength) {
        throw new IllegalStateException("The parquet writer did not copy column chunk [" + copyFrom + ", "
            + (copyFrom + copyLength) + ") of part " + copyPart + " as one run of bytes; the object cannot be planned");
      }
      ObjectLayout.Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last instanceof ObjectLayout.Copied run && run.part().equals(copyPart)
          && run.from() + run.length() == copyFrom && run.offset() + run.length() == copyAt) {
        segments.set(segments.size() - 1, new ObjectLayout.Copied(run.offset(), copyPart, run.from(),
            run.length() + copyLength));
      } else {
        segments.add(new ObjectLayout.Copied(copyAt, copyPart, copyFrom, copyLength));
      }
      copyAt = -1;
      pendingAt = position;
    }

    private void flushPending() {
      if (pending.size() > 0) {
        segments.add(new ObjectLayout.Written(pendingAt, pending.toByteArray()));
        pending.reset();
      }
      pendingAt = position;
    }

    ObjectLayout layout() {
      flushPending();
      return new ObjectLayout(position, segments);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) {
          if (copyAt < 0) {
            pending.write(b);
          }
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          if (copyAt < 0) {
            pending.write(bytes, offset, length);
          }
          position += length;
        }
      };
    }
  }

  /** A source that keeps track of where it is read from, and reads nothing: the plan only counts copied bytes. */
  private static final class NothingRead extends SeekableInputStream {
    private long position;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPos) {
      position = newPos;
    }

    @Override
    public int read() {
      position++;
      return 0;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
      position += length;
      return length;
    }

    @Override
    public void readFully(byte[] bytes) {
      position += bytes.length;
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) {
      position += len;
    }

    @Override
    public int read(ByteBuffer buf) {
      int length = buf.remaining();
      buf.position(buf.limit());
      position += length;
      return length;
    }

    @Override
    public void readFully(ByteBuffer buf) {
      read(buf);
    }
  }

  private static MessageType footerSchema(String part, Configuration conf) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(part), conf))) {
      return reader.getFileMetaData().getSchema();
    }
  }
}
