package io.datom.spark.datoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole versions compared side by side ({@link PairedStates}) give exactly the datoms of the comparison of any two
 * DataFrames by key (the shuffle path), whether the rows kept their order or not, and a key repeated anywhere in a
 * version is refused even when its first row was paired.
 */
class PairedStatesTest extends SparkTestBase {

  private static final List<String> KEY = List.of("USUBJID", "LBSEQ");
  private static final StructType SCHEMA = new StructType()
      .add("USUBJID", DataTypes.StringType).add("LBSEQ", DataTypes.LongType)
      .add("AVAL", DataTypes.DoubleType).add("LBORRES", DataTypes.StringType)
      .add("LBDTC", DataTypes.TimestampType).add("DEC", DataTypes.createDecimalType(10, 2));

  @TempDir static Path dir;
  private static TestProject project;

  @BeforeAll
  static void catalog() {
    project = TestProject.create(dir.resolve("store"), "PAIRED");
    spark.conf().set("spark.sql.catalog.paired", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.paired.store", project.store());
  }

  private static String write(String table, List<Row> rows, String message, Instant at) {
    return project.write(table, spark.createDataFrame(rows, SCHEMA), message, at).version();
  }

  private static List<Row> sortedRows(int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(RowFactory.create(String.format("S%03d", i / 3), (long) i, i % 7 == 0 ? Double.NaN : i * 0.5,
          i % 5 == 0 ? null : "v" + i, java.sql.Timestamp.from(Instant.ofEpochSecond(1_780_000_000L + i)),
          new java.math.BigDecimal(i).movePointLeft(2)));
    }
    return rows;
  }

  /** Edits: changed cells (a value, -0.0 for 0.0, NaN kept, null appearing and vanishing), new and removed rows. */
  private static List<Row> edited(List<Row> before) {
    List<Row> after = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      Row row = before.get(i);
      if (i % 11 == 3) {
        continue; // vanishes
      }
      Object aval = i == 0 ? -0.0 : i % 6 == 1 ? (Object) (row.getDouble(2) + 1) : row.get(2);
      Object orres = i % 10 == 0 ? "now" + i : i % 9 == 2 ? null : row.get(3);
      after.add(RowFactory.create(row.get(0), row.get(1), aval, orres, row.get(4), row.get(5)));
    }
    after.add(RowFactory.create("S999", 1L, 1.0, "new", null, null));
    return after;
  }

  private static List<String> texts(Dataset<Row> datoms) {
    return datoms.collectAsList().stream().map(r -> r.mkString("|")).sorted().toList();
  }

  private static void assertSameAsTheShufflePath(String table, String v1, String v2) {
    Dataset<Row> paired = Datoms.between(spark, "paired." + table, KEY, v1, v2);
    assertTrue(paired.queryExecution().executedPlan().toString().contains("ExistingRDD"),
        "two whole versions are read side by side");
    // A filter makes each state something else than a plain read of a version: the shuffle path.
    Dataset<Row> before = spark.sql("SELECT * FROM paired." + table + " VERSION AS OF '" + v1 + "'").where("true");
    Dataset<Row> after = spark.sql("SELECT * FROM paired." + table + " VERSION AS OF '" + v2 + "'").where("true");
    Dataset<Row> shuffled = Datoms.between(before, after, KEY);
    assertFalse(shuffled.queryExecution().executedPlan().toString().contains("ExistingRDD"));
    List<String> expected = texts(shuffled);
    assertTrue(expected.size() > 20, expected::toString);
    assertEquals(expected, texts(paired.drop("tx")));
  }

  @Test
  void rowsInTheSameOrderGiveTheDatomsOfTheShufflePath() {
    List<Row> may = sortedRows(300);
    String v1 = write("same_order", may, "May", Instant.parse("2026-05-31T18:00:00Z"));
    String v2 = write("same_order", edited(may), "June", Instant.parse("2026-06-30T18:00:00Z"));
    assertSameAsTheShufflePath("same_order", v1, v2);
  }

  @Test
  void rowGroupsWithOtherBoundariesPairAcrossTasks() {
    List<Row> may = sortedRows(300);
    List<Row> june = edited(may);
    String v1 = project.writeRowGroups("groups", List.of(frame(may.subList(0, 100)), frame(may.subList(100, 200)),
        frame(may.subList(200, 300))), "May", Instant.parse("2026-05-31T18:00:00Z")).version();
    String v2 = project.writeRowGroups("groups", List.of(frame(june.subList(0, 60)), frame(june.subList(60, 230)),
        frame(june.subList(230, june.size()))), "June", Instant.parse("2026-06-30T18:00:00Z")).version();
    assertSameAsTheShufflePath("groups", v1, v2);
  }

  @Test
  void aKeyRepeatedInAnotherRowGroupIsRefused() {
    List<Row> may = sortedRows(90);
    List<Row> late = new ArrayList<>(may.subList(60, 90));
    late.add(RowFactory.create("S000", 0L, 9.0, "again", null, null)); // S000/0 is also in the first row group
    String v1 = write("far_dup", may, "May", Instant.parse("2026-05-31T18:00:00Z"));
    String v2 = project.writeRowGroups("far_dup", List.of(frame(may.subList(0, 30)), frame(may.subList(30, 60)),
        frame(late)), "June", Instant.parse("2026-06-30T18:00:00Z")).version();
    KeyNotUniqueException e = assertThrows(KeyNotUniqueException.class,
        () -> Datoms.between(spark, "paired.far_dup", KEY, v1, v2));
    assertEquals(List.of("(S000, 0) on 2 rows"), e.examples());
  }

  private static Dataset<Row> frame(List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void rowsInAnotherOrderGiveTheSameDatomsThroughTheResidual() {
    List<Row> may = sortedRows(300);
    List<Row> june = new ArrayList<>(edited(may));
    Collections.shuffle(june, new Random(14));
    String v1 = write("moved", may, "May", Instant.parse("2026-05-31T18:00:00Z"));
    String v2 = write("moved", june, "June, unsorted", Instant.parse("2026-06-30T18:00:00Z"));
    assertSameAsTheShufflePath("moved", v1, v2);
  }

  @Test
  void aKeyRepeatedAfterItsFirstRowWasPairedIsRefused() {
    List<Row> may = sortedRows(30);
    List<Row> june = new ArrayList<>(may);
    june.add(RowFactory.create("S000", 0L, 9.0, "again", null, null)); // S000/0 was paired with May's first row
    String v1 = write("late_dup", may, "May", Instant.parse("2026-05-31T18:00:00Z"));
    String v2 = write("late_dup", june, "June", Instant.parse("2026-06-30T18:00:00Z"));
    KeyNotUniqueException e = assertThrows(KeyNotUniqueException.class,
        () -> Datoms.between(spark, "paired.late_dup", KEY, v1, v2));
    assertEquals(1, e.duplicateKeys());
    assertEquals(List.of("(S000, 0) on 2 rows"), e.examples());
  }
}
