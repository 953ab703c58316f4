package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Datoms}: small tables with known edits give exactly the expected datoms; the history of an entity's
 * attribute; a filter on the key reaching the scans; the key refused when missing or not unique.
 */
class DatomsTest extends SparkTestBase {

  private static final List<String> KEY = List.of("USUBJID", "LBSEQ");
  private static final Instant MAY = Instant.parse("2026-05-31T18:00:00Z");
  private static final Instant JUNE = Instant.parse("2026-06-30T18:00:00Z");
  private static final Instant JULY = Instant.parse("2026-07-31T18:00:00Z");

  @TempDir static Path dir;
  private static TestProject project;

  @BeforeAll
  static void catalog() {
    project = TestProject.create(dir.resolve("store"), "DATOMS");
    spark.conf().set("spark.sql.catalog.study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.study.store", project.store());
  }

  private static String write(String table, StructType schema, List<Row> rows, String message, Instant at) {
    return project.write(table, spark.createDataFrame(rows, schema), message, at).version();
  }

  private static final StructType MAY_SCHEMA = new StructType()
      .add("USUBJID", DataTypes.StringType).add("LBSEQ", DataTypes.IntegerType)
      .add("LBTESTCD", DataTypes.StringType).add("AVAL", DataTypes.DoubleType)
      .add("LBDTC", DataTypes.TimestampType).add("DEC", DataTypes.createDecimalType(10, 2))
      .add("LBORRES", DataTypes.StringType).add("OLD", DataTypes.StringType);

  /** June drops OLD and adds NEW. */
  private static final StructType JUNE_SCHEMA = new StructType()
      .add("USUBJID", DataTypes.StringType).add("LBSEQ", DataTypes.IntegerType)
      .add("LBTESTCD", DataTypes.StringType).add("AVAL", DataTypes.DoubleType)
      .add("LBDTC", DataTypes.TimestampType).add("DEC", DataTypes.createDecimalType(10, 2))
      .add("LBORRES", DataTypes.StringType).add("NEW", DataTypes.StringType);

  private static final Instant T1 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-05-02T09:30:00Z");

  private static String[] mayAndJune(String table) {
    String may = write(table, MAY_SCHEMA, List.of(
        RowFactory.create("S1", 1, "ALT", 20.0, T1, new BigDecimal("1.50"), "20", "x"),
        RowFactory.create("S1", 2, "AST", Double.NaN, T2, new BigDecimal("2.00"), null, null),
        RowFactory.create("S2", 1, "ALT", 0.0, null, null, null, "y"),
        RowFactory.create("S3", 1, "ALT", 5.0, null, new BigDecimal("3.10"), null, "z")), "May cut-off", MAY);
    String june = write(table, JUNE_SCHEMA, List.of(
        // AVAL corrected, LBORRES emptied, OLD dropped.
        RowFactory.create("S1", 1, "ALT", 21.5, T1, new BigDecimal("1.50"), null, null),
        // NaN unchanged, the timestamp moved by a microsecond, NEW set.
        RowFactory.create("S1", 2, "AST", Double.NaN, T2.plusNanos(1000), new BigDecimal("2.00"), null, "n"),
        // 0.0 becomes -0.0, DEC appears.
        RowFactory.create("S2", 1, "ALT", -0.0, null, new BigDecimal("9.99"), null, null),
        // New entity; S3 vanished.
        RowFactory.create("S4", 1, "GGT", 1.0E-300, null, null, null, null)), "June cut-off: corrections", JUNE);
    return new String[] {may, june};
  }

  /** Each datom as "USUBJID|LBSEQ|a|v|v_type|+ or -", sorted. */
  private static List<String> datoms(Dataset<Row> datoms) {
    return datoms.collectAsList().stream()
        .map(r -> r.getAs("USUBJID") + "|" + r.getAs("LBSEQ") + "|" + r.getAs("a") + "|" + r.getAs("v") + "|"
            + r.getAs("v_type") + "|" + ((Boolean) r.getAs("added") ? "+" : "-"))
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void knownEditsGiveExactlyTheExpectedDatoms() {
    String[] v = mayAndJune("lb");
    Dataset<Row> datoms = Datoms.between(spark, "study.lb", KEY, v[0], v[1]);

    assertEquals(List.of("USUBJID", "LBSEQ", "a", "v", "v_type", "tx", "added"), List.of(datoms.columns()));
    assertEquals(List.of(
        "S1|1|AVAL|20.0|double|-",
        "S1|1|AVAL|21.5|double|+",
        "S1|1|LBORRES|20|string|-",
        "S1|1|OLD|x|string|-",
        "S1|2|LBDTC|2026-05-02T09:30:00.000000Z|timestamp|-",
        "S1|2|LBDTC|2026-05-02T09:30:00.000001Z|timestamp|+",
        "S1|2|NEW|n|string|+",
        "S2|1|AVAL|-0.0|double|+",
        "S2|1|AVAL|0.0|double|-",
        "S2|1|DEC|9.99|decimal(10,2)|+",
        "S2|1|OLD|y|string|-",
        "S3|1|AVAL|5.0|double|-",
        "S3|1|DEC|3.10|decimal(10,2)|-",
        "S3|1|LBTESTCD|ALT|string|-",
        "S3|1|OLD|z|string|-",
        "S4|1|AVAL|1.0E-300|double|+",
        "S4|1|LBTESTCD|GGT|string|+"), datoms(datoms));

    Row tx = datoms.select("tx").distinct().first().getStruct(0);
    assertEquals(v[1], tx.getAs("version"));
    assertEquals(JUNE, tx.getAs("timestamp"));
    assertEquals("June cut-off: corrections", tx.getAs("message"));
    assertEquals("Test Writer", tx.<Row>getAs("author").getAs("name"));
  }

  @Test
  void theReverseDirectionSwapsAssertionsAndRetractions() {
    String[] v = mayAndJune("lb_reverse");
    List<String> forward = datoms(Datoms.between(spark, "study.lb_reverse", KEY, v[0], v[1]));
    List<String> backward = datoms(Datoms.between(spark, "study.lb_reverse", KEY, v[1].substring(0, 12), v[0]));
    assertEquals(forward.stream().map(d -> d.substring(0, d.length() - 1) + (d.endsWith("+") ? "-" : "+")).sorted()
        .toList(), backward);
  }

  @Test
  void valuesSurviveTheRoundTripExactly() {
    String[] v = mayAndJune("lb_values");
    Dataset<Row> datoms = Datoms.between(spark, "study.lb_values", KEY, null, v[0]);
    List<Row> avals = datoms.where("a = 'AVAL'").orderBy("USUBJID", "LBSEQ")
        .select(Datoms.value(col("v"), DataTypes.DoubleType)).collectAsList();
    assertEquals(List.of(20.0, Double.NaN, 0.0, 5.0), avals.stream().map(r -> r.getDouble(0)).toList());
    Row s2 = Datoms.between(spark, "study.lb_values", KEY, v[0], v[1])
        .where("USUBJID = 'S2' AND a = 'AVAL' AND added").select(Datoms.value(col("v"), "double")).first();
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s2.getDouble(0)));
    assertEquals(T2.plusNanos(1000), Datoms.between(spark, "study.lb_values", KEY, v[0], v[1])
        .where("a = 'LBDTC' AND added").select(Datoms.value(col("v"), "timestamp")).first().get(0));
    assertEquals(new BigDecimal("3.10"), Datoms.between(spark, "study.lb_values", KEY, null, v[0])
        .where("USUBJID = 'S3' AND a = 'DEC'").select(Datoms.value(col("v"), "decimal(10,2)")).first().get(0));
  }

  @Test
  void historyListsEveryValueAnAttributeEverHadWithTheVersionThatSetIt() {
    StructType schema = new StructType().add("USUBJID", DataTypes.StringType).add("LBSEQ", DataTypes.IntegerType)
        .add("AVAL", DataTypes.DoubleType);
    String may = write("alt", schema, List.of(RowFactory.create("S1", 1, 20.0), RowFactory.create("S2", 1, 7.0)),
        "May", MAY);
    String june = write("alt", schema, List.of(RowFactory.create("S1", 1, 21.5), RowFactory.create("S2", 1, 7.0)),
        "June", JUNE);
    String july = write("alt", schema, List.of(RowFactory.create("S1", 1, 22.0)), "July", JULY);

    Dataset<Row> history = Datoms.history(spark, "study.alt", KEY, null, null);
    List<String> s1 = history.where("USUBJID = 'S1' AND a = 'AVAL'").orderBy(col("tx.timestamp"), col("added"))
        .collectAsList().stream().map(r -> r.<Row>getAs("tx").getAs("version") + " " + r.getAs("v") + " "
            + r.getAs("added")).toList();
    assertEquals(List.of(may + " 20.0 true", june + " 20.0 false", june + " 21.5 true", july + " 21.5 false",
        july + " 22.0 true"), s1);
    assertEquals(List.of("S2|1|AVAL|7.0|double|-"), datoms(history.where("USUBJID = 'S2' AND tx.version = '"
        + july + "'")));
    // From June: June's own changes are not included.
    assertEquals(List.of("S1|1|AVAL|21.5|double|-", "S1|1|AVAL|22.0|double|+", "S2|1|AVAL|7.0|double|-"),
        datoms(Datoms.history(spark, "study.alt", KEY, june, july)));
    assertThrows(VersionRangeException.class, () -> Datoms.history(spark, "study.alt", KEY, july, may));
  }

  @Test
  void aFilterOnTheKeyReachesTheScansOfEveryVersion() {
    mayAndJune("lb_pushdown");
    Dataset<Row> s1 = Datoms.history(spark, "study.lb_pushdown", KEY, null, null).where("USUBJID = 'S1'");
    String plan = s1.queryExecution().executedPlan().toString();
    long scansFiltered = Arrays.stream(plan.split("\n"))
        .filter(line -> line.contains("PushedFilters") && line.contains("EqualTo(USUBJID,S1)")).count();
    assertEquals(2, scansFiltered, plan);
    assertEquals(10 + 7, s1.count(), "S1's 10 facts in May, 7 datoms in June");
  }

  @Test
  void aKeyThatRepeatsIsRefusedWithTheCountAndExamples() {
    StructType schema = new StructType().add("USUBJID", DataTypes.StringType).add("LBSEQ", DataTypes.IntegerType)
        .add("AVAL", DataTypes.DoubleType);
    String ok = write("dup", schema, List.of(RowFactory.create("S1", 1, 1.0)), "ok", MAY);
    String dup = write("dup", schema, List.of(RowFactory.create("S1", 1, 1.0), RowFactory.create("S1", 1, 2.0),
        RowFactory.create("S2", 1, 1.0), RowFactory.create("S2", 1, 2.0), RowFactory.create("S2", 1, 3.0),
        RowFactory.create("S3", 1, 1.0)), "dup", JUNE);

    KeyNotUniqueException e = assertThrows(KeyNotUniqueException.class,
        () -> Datoms.between(spark, "study.dup", KEY, ok, dup));
    assertEquals(2, e.duplicateKeys());
    assertEquals("study.dup at version " + dup, e.version());
    assertTrue(e.getMessage().startsWith("Key (USUBJID, LBSEQ) is not unique in study.dup at version " + dup
        + ": 2 key values occur on more than one row, e.g. "), e.getMessage());
    assertTrue(e.examples().containsAll(List.of("(S1, 1) on 2 rows", "(S2, 1) on 3 rows")), e.examples()::toString);
  }

  @Test
  void aKeyColumnMissingFromAVersionIsRefused() {
    String[] v = mayAndJune("lb_missing");
    KeyColumnMissingException e = assertThrows(KeyColumnMissingException.class,
        () -> Datoms.between(spark, "study.lb_missing", List.of("USUBJID", "OLD"), v[0], v[1]));
    assertEquals("OLD", e.column());
    assertEquals("study.lb_missing at version " + v[1], e.version());
    assertThrows(InvalidKeyException.class, () -> Datoms.between(spark, "study.lb_missing", List.of("a"), v[0], v[1]));
    assertThrows(InvalidKeyException.class, () -> Datoms.between(spark, "study.lb_missing", List.of(), v[0], v[1]));
  }

  @Test
  void keyColumnsMatchCaseInsensitivelyAsSparkDoes() {
    String[] v = mayAndJune("lb_case");
    assertEquals(17, Datoms.between(spark, "study.lb_case", List.of("usubjid", "lbseq"), v[0], v[1]).count());
  }

  @Test
  void twoDataFramesCanBeComparedWithoutATable() {
    Dataset<Row> before = spark.sql("SELECT * FROM VALUES ('S1', 1.0), ('S2', 2.0) AS t(id, x)");
    Dataset<Row> after = spark.sql("SELECT * FROM VALUES ('S1', 1.5), ('S3', 3.0) AS t(id, x)");
    List<String> got = Datoms.between(before, after, List.of("id")).collectAsList().stream()
        .map(r -> r.mkString("|")).sorted().toList();
    assertEquals(List.of("S1|x|1.0|decimal(2,1)|false", "S1|x|1.5|decimal(2,1)|true",
        "S2|x|2.0|decimal(2,1)|false", "S3|x|3.0|decimal(2,1)|true"), got);
  }
}
