package io.datom.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes single parquet objects the way a datom version stores them: one file, rows in order. */
public final class ParquetObjects {

  private ParquetObjects() {}

  /** Writes {@code rows} as one parquet file with one row group at {@code target}. */
  public static Path writeSingleFile(Dataset<Row> rows, Path target) {
    return withStaging(staging -> moveTo(writePart(rows, staging.resolve("part")), target));
  }

  /**
   * Writes one parquet file at {@code target} holding one row group per dataset, in order: each dataset is written
   * as its own file and their row groups are then concatenated, with the first file's key-value metadata (which
   * carries Spark's schema).
   */
  public static Path writeRowGroups(List<Dataset<Row>> groups, Path target) {
    return withStaging(staging -> {
      Configuration conf = new Configuration();
      List<Path> parts = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        parts.add(writePart(groups.get(i), staging.resolve("part-" + i)));
      }
      ParquetMetadata first = footer(parts.get(0), conf);
      Path joined = staging.resolve("joined.parquet");
      ParquetFileWriter writer =
          new ParquetFileWriter(conf, first.getFileMetaData().getSchema(), hadoopPath(joined),
              ParquetFileWriter.Mode.CREATE);
      writer.start();
      for (Path part : parts) {
        writer.appendFile(HadoopInputFile.fromPath(hadoopPath(part), conf));
      }
      writer.end(first.getFileMetaData().getKeyValueMetaData());
      return moveTo(joined, target);
    });
  }

  /** The number of row groups in a parquet file. */
  public static int rowGroups(Path file) {
    try {
      return footer(file, new Configuration()).getBlocks().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writePart(Dataset<Row> rows, Path dir) {
    rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toString());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ParquetMetadata footer(Path file, Configuration conf) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(hadoopPath(file), conf))) {
      return reader.getFooter();
    }
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }

  private static Path moveTo(Path file, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  // Staging happens in a scratch directory so that Hadoop's .crc side files never reach the store.
  private static Path withStaging(StagedWrite write) {
    try {
      Path staging = Files.createTempDirectory("parquet-object-");
      try {
        return write.apply(staging);
      } finally {
        try (Stream<Path> paths = Files.walk(staging)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface StagedWrite {
    Path apply(Path staging) throws IOException;
  }
}
