package io.datom.spark.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where every byte of a version's object comes from, computed before a byte is copied
 * ({@link ObjectConcatenator#plan}): runs of bytes copied from the staged parts, and the few bytes the concatenation
 * writes itself (the leading magic and the tail of indexes and footer, whose offsets are already final). Any range of
 * the object can then be produced independently of the others, so many tasks can upload one object, each its own
 * range, and the bytes are exactly those {@link ObjectConcatenator#concat} writes.
 *
 * @param size the object's size in bytes
 * @param segments the object's bytes in order, without gaps
 */
public record ObjectLayout(long size, List<Segment> segments) implements Serializable {

  /** A run of the object's bytes starting at {@link #offset()}. */
  public sealed interface Segment extends Serializable permits Written, Copied {
    /** Where in the object the run starts. */
    long offset();

    /** How many bytes it holds. */
    long length();
  }

  /** Bytes the concatenation writes itself. */
  public record Written(long offset, byte[] bytes) implements Segment {
    @Override
    public long length() {
      return bytes.length;
    }
  }

  /** Bytes copied unchanged from {@code part}, starting at {@code from}. */
  public record Copied(long offset, String part, long from, long length) implements Segment {}

  public ObjectLayout {
    segments = List.copyOf(segments);
    long expected = 0;
    for (Segment segment : segments) {
      if (segment.offset() != expected) {
        throw new IllegalArgumentException("Segment at " + segment.offset() + " does not follow on at " + expected);
      }
      expected += segment.length();
    }
    if (expected != size) {
      throw new IllegalArgumentException("The segments hold " + expected + " bytes, not " + size);
    }
  }

  /** The bytes from {@code start} (inclusive) to {@code end} (exclusive), as one stream the caller closes. */
  public InputStream open(long start, long end, Configuration conf) {
    if (start < 0 || end > size || start > end) {
      throw new IllegalArgumentException("Range [" + start + ", " + end + ") is outside the object of " + size
          + " bytes");
    }
    List<Segment> covering = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment.offset() < end && segment.offset() + segment.length() > start) {
        covering.add(segment);
      }
    }
    return new RangeStream(covering, start, end, conf);
  }

  /** Reads the covering segments in turn, a staged part's run through one positioned stream each. */
  private static final class RangeStream extends InputStream {
    private final List<Segment> segments;
    private final Configuration conf;
    private final long end;
    private long position;
    private int current = -1;
    private long remainingInSegment;
    private FSDataInputStream input;
    private byte[] written;
    private int writtenAt;

    RangeStream(List<Segment> segments, long start, long end, Configuration conf) {
      this.segments = segments;
      this.conf = conf;
      this.end = end;
      this.position = start;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (remainingInSegment == 0) {
        if (position >= end || !advance()) {
          return -1;
        }
      }
      int wanted = (int) Math.min(length, remainingInSegment);
      int read;
      if (written != null) {
        System.arraycopy(written, writtenAt, buffer, offset, wanted);
        writtenAt += wanted;
        read = wanted;
      } else {
        read = input.read(buffer, offset, wanted);
        if (read < 0) {
          throw new IOException("A staged part ended early: it changed after the object was planned");
        }
      }
      remainingInSegment -= read;
      position += read;
      return read;
    }

    private boolean advance() throws IOException {
      closeInput();
      current++;
      if (current >= segments.size()) {
        return false;
      }
      Segment segment = segments.get(current);
      long skip = position - segment.offset();
      remainingInSegment = Math.min(segment.offset() + segment.length(), end) - position;
      if (segment instanceof Written w) {
        written = w.bytes();
        writtenAt = (int) skip;
      } else {
        Copied copied = (Copied) segment;
        Path path = new Path(copied.part());
        FileSystem fs = path.getFileSystem(conf);
        input = fs.open(path);
        input.seek(copied.from() + skip);
      }
      return true;
    }

    private void closeInput() throws IOException {
      written = null;
      if (input != null) {
        FSDataInputStream closing = input;
        input = null;
        closing.close();
      }
    }

    @Override
    public void close() throws IOException {
      closeInput();
    }
  }
}
