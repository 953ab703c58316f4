package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.task.ConcatTask;
import io.datom.spark.task.ObjectConcatenator;
import io.datom.spark.task.ObjectLayout;
import io.datom.spark.task.WrittenPart;
import io.datom.spark.testing.SparkTestBase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartsAndConcatTest extends SparkTestBase {

  @TempDir Path tmp;

  private Dataset<Row> table() {
    return spark.sql("SELECT id, CASE WHEN id % 7 = 0 THEN NULL ELSE concat('s', id) END AS s, "
        + "timestamp_seconds(id * 1000) AS t, CAST(id AS DATE) AS d FROM range(0, 1000, 1, 4)"
        .replace("CAST(id AS DATE)", "date_add(DATE'1500-01-01', CAST(id AS INT))"));
  }

  @Test
  void partsHoldThePartitionsInOrderAndRecordStringNulls() {
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), new Configuration())) {
      List<WrittenPart> parts = new WriteJobs(spark.sparkContext(), "t").run("parts",
          () -> StagedParts.write(table(), staging));

      assertEquals(List.of(0, 1, 2, 3), parts.stream().map(WrittenPart::index).toList());
      assertEquals(List.of(250L, 250L, 250L, 250L), parts.stream().map(WrittenPart::rows).toList());
      long nulls = parts.stream().mapToLong(p -> p.nulls()[1]).sum();
      assertEquals(143, nulls);
      assertEquals(0, parts.stream().mapToLong(p -> p.nulls()[0]).sum());
    }
  }

  @Test
  void concatKeepsRowOrderTimestampsAsMicrosAndDigestsTheBytes() throws Exception {
    Path target = tmp.resolve("store/t/object.parquet");
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), new Configuration())) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      // The session asks for INT96 timestamps; datom objects never have them (format §14.2).
      List<WrittenPart> parts = withSQLConf(Map.of("spark.sql.parquet.outputTimestampType", "INT96"),
          () -> jobs.run("parts", () -> StagedParts.write(table(), staging)));
      ConcatTask.Outcome outcome = jobs.run("concat", () -> ConcatJob.run(spark, new Configuration(),
          parts.stream().map(WrittenPart::path).toList(), target.toString()));

      assertTrue(outcome.created());
      byte[] bytes = Files.readAllBytes(target);
      assertEquals(bytes.length, outcome.size());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), outcome.sha256());

      List<Row> expected = table().collectAsList();
      List<Row> actual = spark.read().parquet(target.toString()).collectAsList();
      assertEquals(expected, actual);

      ParquetMetadata footer = ParquetFileReader.open(
          HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(target.toString()), new Configuration())).getFooter();
      assertEquals(4, footer.getBlocks().size());
      PrimitiveType t = footer.getFileMetaData().getSchema().getType("t").asPrimitiveType();
      assertEquals(PrimitiveType.PrimitiveTypeName.INT64, t.getPrimitiveTypeName());
      assertEquals(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS), t.getLogicalTypeAnnotation());
      assertTrue(footer.getFileMetaData().getKeyValueMetaData()
          .containsKey("org.apache.spark.sql.parquet.row.metadata"));
    }
    assertFalse(Files.exists(tmp.resolve("staging")) && Files.list(tmp.resolve("staging")).findAny().isPresent());
  }

  @Test
  void anObjectAlreadyAtTheTargetIsLeftUntouched() throws Exception {
    Path target = tmp.resolve("store/t/object.parquet");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "already here");
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), new Configuration())) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      List<WrittenPart> parts = jobs.run("parts", () -> StagedParts.write(table(), staging));
      ConcatTask.Outcome outcome = jobs.run("concat", () -> ConcatJob.run(spark, new Configuration(),
          parts.stream().map(WrittenPart::path).toList(), target.toString()));

      assertFalse(outcome.created());
      assertEquals("already here", Files.readString(target));
      assertEquals(List.of("object.parquet"),
          Files.list(target.getParent()).map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }
  }

  @Test
  void aPlanDescribesExactlyTheBytesConcatWritesAndAnyRangeOfThem() throws Exception {
    Path target = tmp.resolve("store/t/object.parquet");
    try (StagingArea staging = StagingArea.under(tmp.resolve("staging").toString(), new Configuration())) {
      WriteJobs jobs = new WriteJobs(spark.sparkContext(), "t");
      List<String> parts = jobs.run("parts", () -> StagedParts.write(table(), staging)).stream()
          .map(WrittenPart::path).toList();
      ConcatJob.run(spark, new Configuration(), parts, target.toString());
      ObjectLayout layout = ObjectConcatenator.plan(parts, new Configuration());

      byte[] object = Files.readAllBytes(target);
      assertEquals(object.length, layout.size());
      // The magic, one run per part (its row groups are contiguous), and the indexes and footer.
      assertEquals(parts.size() + 2, layout.segments().size());
      assertTrue(layout.segments().get(0) instanceof ObjectLayout.Written);
      Random random = new Random(5);
      List<long[]> ranges = new ArrayList<>(List.of(new long[] {0, object.length}, new long[] {0, 3},
          new long[] {object.length - 9, object.length}, new long[] {7, 7}));
      for (int i = 0; i < 20; i++) {
        long a = random.nextInt(object.length);
        long b = a + random.nextInt((int) (object.length - a) + 1);
        ranges.add(new long[] {a, b});
      }
      for (long[] range : ranges) {
        try (InputStream in = layout.open(range[0], range[1], new Configuration())) {
          assertArrayEquals(Arrays.copyOfRange(object, (int) range[0], (int) range[1]), in.readAllBytes(),
              "bytes [" + range[0] + ", " + range[1] + ")");
        }
      }
    }
  }
}
