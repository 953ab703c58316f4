package io.datom.spark.task;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A parquet output file over an open stream that measures what it passes on: the byte count and the SHA-256, so an
 * object's {@code size_bytes} and {@code parquet_sha} come from the bytes as they are written, without reading the
 * object back. The parquet writer closes the stream when it ends the file.
 */
public final class DigestingOutputFile extends StreamOutputFile {

  private final OutputStream target;
  private final MessageDigest sha256;
  private long size;
  private boolean created;

  public DigestingOutputFile(OutputStream target) {
    this.target = target;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    if (created) {
      throw new IllegalStateException("A digesting output file is written once");
    }
    created = true;
    return new PositionOutputStream() {
      @Override
      public long getPos() {
        return size;
      }

      @Override
      public void write(int b) throws IOException {
        target.write(b);
        sha256.update((byte) b);
        size++;
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        size += length;
      }

      @Override
      public void flush() throws IOException {
        target.flush();
      }

      @Override
      public void close() throws IOException {
        target.close();
      }
    };
  }

  /** The number of bytes written. */
  public long size() {
    return size;
  }

  /** The SHA-256 of the bytes written, as 64 lowercase hex characters; call once, after the file has ended. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
