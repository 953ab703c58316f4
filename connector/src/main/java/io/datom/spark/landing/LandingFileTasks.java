package io.datom.spark.landing;

import io.datom.core.hash.Sha256;
import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/** What executors do with landing files: hash one, or read one SAS file's rows, each as one sequential stream. */
public final class LandingFileTasks {

  private static final int BUFFER = 1 << 20;

  private LandingFileTasks() {}

  /**
   * A task function: the sha256 hex of the file at a path (one sequential read of its bytes). The configuration comes
   * as a broadcast, so an executor deserialises it once per job rather than once per file.
   */
  public static Function<String, String> sha256(Broadcast<SerializableHadoopConf> conf) {
    return path -> sha256(conf.value(), path);
  }

  static String sha256(SerializableHadoopConf conf, String path) throws IOException {
    Path file = new Path(path);
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = openForHashing(file, conf)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return Sha256.formatHex(digest.digest());
  }

  /**
   * A local file is read directly: the bytes are the same, without the two stream layers of Hadoop's checksummed local
   * file system (a landing file has no {@code .crc} sidecar to check), which cost the hash job a copy of every byte.
   */
  private static InputStream openForHashing(Path file, SerializableHadoopConf conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf.get());
    return fs instanceof LocalFileSystem local
        ? Files.newInputStream(local.pathToFile(file).toPath())
        : fs.open(file, BUFFER);
  }

  /** The variables of the SAS file at {@code path}, read from its header (on the driver). */
  public static List<SasColumn> columns(SerializableHadoopConf conf, String path, SasFormat format) {
    try (SasFile file = open(conf, path, format)) {
      return file.columns();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the header of " + path, e);
    }
  }

  /** A task function: the plain rows ({@link SasRows}) of the SAS file at a path, in file order. */
  public static FlatMapFunction<String, Row> sasRows(SerializableHadoopConf conf, SasFormat format,
      List<SasColumn> expected) {
    return path -> new RowIterator(open(conf, path, format), expected, path);
  }

  private static SasFile open(SerializableHadoopConf conf, String path, SasFormat format) throws IOException {
    Path file = new Path(path);
    InputStream in = file.getFileSystem(conf.get()).open(file, BUFFER);
    try {
      return format.open(in, path);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The rows of one open SAS file; closes it after the last. */
  private static final class RowIterator implements Iterator<Row> {
    private final SasFile file;
    private final List<SasColumn> columns;
    private Object[] next;

    RowIterator(SasFile file, List<SasColumn> expected, String path) throws IOException {
      this.file = file;
      this.columns = file.columns();
      if (!columns.equals(expected)) {
        file.close();
        throw new SasFormatException(path + " changed while it was being imported: its variables differ from those "
            + "read a moment before. Sync again once the file is complete.");
      }
      advance();
    }

    private void advance() {
      try {
        next = file.next();
        if (next == null) {
          file.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Row next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Row row = SasRows.plainRow(columns, next);
      advance();
      return row;
    }
  }
}
