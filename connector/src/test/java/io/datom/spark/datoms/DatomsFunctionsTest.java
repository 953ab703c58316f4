package io.datom.spark.datoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datom_changes}, {@code datom_datoms} and {@code datom_history} from SQL, in a session with a
 * {@code DatomCatalog} and datom's session extension, as the docs tell users to set them up.
 */
class DatomsFunctionsTest extends SparkTestBase {

  @TempDir static Path dir;
  private static String may;
  private static String june;

  @BeforeAll
  static void twoCutOffs() {
    TestProject project = TestProject.create(dir.resolve("store"), "STUDY_SQL");
    spark.conf().set("spark.sql.catalog.study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.study.store", project.store());
    may = project.write("lb", spark.sql("SELECT * FROM VALUES ('S1', 1, 20.0D), ('S1', 2, 31.0D), ('S2', 1, 18.0D)"
        + " AS t(USUBJID, LBSEQ, AVAL)"), "May cut-off", Instant.parse("2026-05-31T18:00:00Z")).version();
    june = project.write("lb", spark.sql("SELECT * FROM VALUES ('S1', 1, 20.0D), ('S1', 2, 33.0D), ('S3', 1, 25.0D)"
        + " AS t(USUBJID, LBSEQ, AVAL)"), "June cut-off", Instant.parse("2026-06-30T18:00:00Z")).version();
    project.write("dup", spark.sql("SELECT * FROM VALUES ('S1', 1), ('S1', 1) AS t(USUBJID, LBSEQ)"), "dup",
        Instant.parse("2026-06-30T18:00:00Z"));
  }

  private static List<String> lines(String query) {
    return sql(query).stream().map(r -> r.mkString("|")).sorted().toList();
  }

  @Test
  void datomDatomsListsChangedCellsWithTheVersionThatChangedThem() {
    assertEquals(List.of("S1|2|AVAL|31.0|double|false", "S1|2|AVAL|33.0|double|true", "S2|1|AVAL|18.0|double|false",
        "S3|1|AVAL|25.0|double|true"),
        lines("SELECT USUBJID, LBSEQ, a, v, v_type, added FROM datom_datoms('study.lb', 'USUBJID, LBSEQ', '"
            + may.substring(0, 10) + "')"));
    Row tx = sql("SELECT DISTINCT tx FROM datom_datoms('study.lb', 'USUBJID,LBSEQ', '%s', '%s')", may, june).get(0)
        .getStruct(0);
    assertEquals(june, tx.getAs("version"));
    assertEquals("June cut-off", tx.getAs("message"));
    assertEquals(Instant.parse("2026-06-30T18:00:00Z"), tx.getAs("timestamp"));
  }

  @Test
  void datomDatomsFromNullAssertsEveryFactOfTheVersion() {
    assertEquals(3L, sql("SELECT count(*) FROM datom_datoms('study.lb', 'USUBJID, LBSEQ', NULL, '%s') WHERE added",
        may).get(0).getLong(0));
  }

  @Test
  void datomHistoryListsEveryStep() {
    // lines() sorts its rows as text, and the order of two shas is arbitrary: compare sorted.
    assertEquals(Stream.of(may + "|31.0|true", june + "|31.0|false", june + "|33.0|true").sorted().toList(),
        lines("SELECT tx.version, v, added FROM datom_history('study.lb', 'USUBJID, LBSEQ') "
            + "WHERE USUBJID = 'S1' AND LBSEQ = 2"));
    assertEquals(4L, sql("SELECT count(*) FROM datom_history('study.lb', 'USUBJID, LBSEQ', '%s')", may).get(0)
        .getLong(0));
  }

  @Test
  void datomChangesListsWholeRowsWithABooleanAdded() {
    assertEquals(List.of("S1|2|31.0|false", "S1|2|33.0|true", "S2|1|18.0|false", "S3|1|25.0|true"),
        lines("SELECT * FROM datom_changes('study.lb', '" + may + "')"));
    assertEquals(List.of("USUBJID", "LBSEQ", "AVAL", "added"),
        List.of(spark.sql("SELECT * FROM datom_changes('study.lb', '" + may + "', '" + june + "')").columns()));
    assertEquals(0L, sql("SELECT count(*) FROM datom_changes('study.lb', '%s', '%s')", june, june).get(0)
        .getLong(0));
  }

  @Test
  void keyErrorsReachSql() {
    AnalysisException dup = assertThrows(AnalysisException.class,
        () -> sql("SELECT * FROM datom_datoms('study.dup', 'USUBJID, LBSEQ', NULL)"));
    KeyNotUniqueException notUnique = (KeyNotUniqueException) dup.getCause();
    assertEquals(1, notUnique.duplicateKeys());
    assertEquals(List.of("(S1, 1) on 2 rows"), notUnique.examples());
    assertTrue(dup.getMessage().startsWith("datom_datoms: Key (USUBJID, LBSEQ) is not unique in study.dup at version "),
        dup.getMessage());
    AnalysisException missing = assertThrows(AnalysisException.class,
        () -> sql("SELECT * FROM datom_datoms('study.lb', 'USUBJID, VISIT', '%s')", may));
    assertEquals("VISIT", ((KeyColumnMissingException) missing.getCause()).column());
    AnalysisException unknown = assertThrows(AnalysisException.class,
        () -> sql("SELECT * FROM datom_datoms('study.lb', 'USUBJID, LBSEQ', 'abc123')"));
    assertTrue(unknown.getMessage().contains("Version abc123 not found in history for study.lb"),
        unknown.getMessage());
  }

  @Test
  void argumentsAreChecked() {
    AnalysisException count = assertThrows(AnalysisException.class,
        () -> sql("SELECT * FROM datom_datoms('study.lb', 'USUBJID')"));
    assertTrue(count.getMessage().contains("datom_datoms takes 3 to 4 arguments"), count.getMessage());
    AnalysisException notAString = assertThrows(AnalysisException.class,
        () -> sql("SELECT * FROM datom_changes('study.lb', 42)"));
    assertTrue(notAString.getMessage().contains("from_version"), notAString.getMessage());
  }
}
