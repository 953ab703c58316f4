package io.datom.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A deterministic simulated study: the cumulative EDC extracts of one trial at monthly cut-offs. The same arguments
 * always give the same rows in the same order, so an unchanged re-extract hashes to the same {@code data_sha}.
 *
 * <p>Subjects enrol evenly over the first months; each enrolled subject has one lab visit a month with
 * {@link #LAB_TESTS} tests, and a few adverse events. About one lab result in a hundred is corrected (data cleaning)
 * in the extract two cut-offs after its visit's, so consecutive extracts differ by corrections as well as new rows. The {@code subjects} knob scales everything: 25,000 subjects give
 * 25,000 × 20 tests × 6 visits ≈ 3 million lab rows at the last cut-off, 80,000 give about 10 million.
 */
public final class StudyGenerator {

  /** Lab tests done at every visit. */
  public static final String[] LAB_TESTS = {
    "ALB", "ALP", "ALT", "AST", "BILI", "BUN", "CA", "CHOL", "CL", "CREAT",
    "GLUC", "HCT", "HGB", "K", "NA", "PLAT", "PROT", "RBC", "TRIG", "WBC"
  };

  private static final String STUDY = "STUDY_001";
  private static final String FIRST_DAY = "2026-01-05";

  private final SparkSession spark;
  private final long subjects;
  private final int enrolmentMonths;

  /**
   * @param subjects        subjects enrolled by the end of enrolment
   * @param enrolmentMonths months over which subjects enrol (the rest of the study only follows them up)
   */
  public StudyGenerator(SparkSession spark, long subjects, int enrolmentMonths) {
    this.spark = spark;
    this.subjects = subjects;
    this.enrolmentMonths = enrolmentMonths;
  }

  /** Subjects enrolled by the end of month {@code cut} (1-based). */
  public long enrolledBy(int cut) {
    return Math.min(subjects, subjects * cut / enrolmentMonths);
  }

  /** DM: one row per enrolled subject. */
  public Dataset<Row> demographics(int cut) {
    return spark.range(enrolledBy(cut)).select(
        lit(STUDY).as("STUDYID"),
        usubjid(col("id")).as("USUBJID"),
        format_string("%03d", pick(col("id"), 1, 40).plus(101)).as("SITEID"),
        pick(col("id"), 2, 50).plus(18).cast("int").as("AGE"),
        when(pick(col("id"), 3, 2).equalTo(0), "F").otherwise("M").as("SEX"),
        element_at(expr("array('Placebo', 'Drug 10 mg', 'Drug 20 mg')"), pick(col("id"), 4, 3).plus(1).cast("int"))
            .as("ARM"),
        date_add(lit(FIRST_DAY).cast("date"), enrolmentDay(col("id"))).as("RFSTDTC"),
        element_at(expr("array('USA', 'CAN', 'DEU', 'FRA', 'JPN')"), pick(col("id"), 5, 5).plus(1).cast("int"))
            .as("COUNTRY"));
  }

  /** EX: one dosing record per subject and month on treatment. */
  public Dataset<Row> exposure(int cut) {
    return visits(cut).select(
        lit(STUDY).as("STUDYID"),
        usubjid(col("subject")).as("USUBJID"),
        col("visit").cast("int").as("EXSEQ"),
        lit("DRUG X").as("EXTRT"),
        pick(col("subject"), 4, 3).multiply(10).cast("double").as("EXDOSE"),
        lit("mg").as("EXDOSU"),
        col("visit_date").as("EXSTDTC"));
  }

  /** LB: {@link #LAB_TESTS} results per subject and monthly visit; the biggest table by far. */
  public Dataset<Row> labs(int cut) {
    Column test = col("test");
    Column seed = col("subject").multiply(131).plus(col("visit").multiply(17)).plus(test);
    // Data cleaning: about one result in a hundred is corrected once, in the extract two cut-offs after its visit's.
    Column corrected = pick(seed, 8, 100).equalTo(0).and(col("visit").plus(2).lt(lit(cut)));
    Column value = pick(seed, 6, 1000).divide(10.0).plus(test.multiply(3))
        .plus(when(corrected, lit(0.5)).otherwise(lit(0.0)));
    return visits(cut)
        .crossJoin(spark.range(LAB_TESTS.length).withColumnRenamed("id", "test"))
        .select(
            lit(STUDY).as("STUDYID"),
            usubjid(col("subject")).as("USUBJID"),
            col("visit").multiply(LAB_TESTS.length).plus(test).plus(1).as("LBSEQ"),
            element_at(testCodes(), test.plus(1).cast("int")).as("LBTESTCD"),
            value.cast("string").as("LBORRES"),
            value.as("LBSTRESN"),
            when(value.gt(test.multiply(3).plus(90)), "HIGH")
                .when(value.lt(test.multiply(3).plus(5)), "LOW")
                .otherwise("NORMAL").as("LBNRIND"),
            col("visit").plus(1).cast("int").as("VISITNUM"),
            col("visit_date").cast("timestamp").plus(expr("INTERVAL 9 HOURS")).as("LBDTC"));
  }

  /** AE: a few adverse events for about one subject in four. */
  public Dataset<Row> adverseEvents(int cut) {
    return visits(cut).where(pick(col("subject").plus(col("visit")), 7, 4).equalTo(0)).select(
        lit(STUDY).as("STUDYID"),
        usubjid(col("subject")).as("USUBJID"),
        col("visit").plus(1).cast("int").as("AESEQ"),
        element_at(expr("array('Headache', 'Nausea', 'Fatigue', 'Dizziness', 'Rash')"),
            pick(col("subject"), 8, 5).plus(1).cast("int")).as("AEDECOD"),
        element_at(expr("array('MILD', 'MODERATE', 'SEVERE')"),
            pick(col("subject").plus(col("visit")), 9, 3).plus(1).cast("int")).as("AESEV"),
        pick(col("subject"), 10, 20).equalTo(0).as("AESER"),
        col("visit_date").as("AESTDTC"));
  }

  /**
   * One row per (subject, monthly visit) that happened by the end of month {@code cut}, ordered by subject then visit:
   * a range crossed with a small broadcast range keeps the stream side's order, whatever the parallelism.
   */
  private Dataset<Row> visits(int cut) {
    return spark.range(enrolledBy(cut)).withColumnRenamed("id", "subject")
        .crossJoin(spark.range(cut).withColumnRenamed("id", "visit"))
        .where(col("visit").multiply(30).plus(enrolmentDay(col("subject"))).lt(cut * 30))
        .withColumn("visit_date", date_add(lit(FIRST_DAY).cast("date"),
            enrolmentDay(col("subject")).plus(col("visit").multiply(30)).cast("int")));
  }

  private Column enrolmentDay(Column subject) {
    // Spread enrolment evenly over the enrolment months, in subject order.
    return subject.multiply(enrolmentMonths * 30L).divide(Math.max(1, subjects)).cast("int");
  }

  private static Column usubjid(Column subject) {
    return concat(lit(STUDY + "-"), format_string("%06d", subject.plus(1)));
  }

  /** A deterministic pseudo-random integer in [0, modulus) for a row, independent per {@code stream}. */
  private static Column pick(Column seed, int stream, int modulus) {
    return pmod(xxhash64(lit(stream), seed), lit(modulus));
  }

  private static Column testCodes() {
    return expr("array('" + String.join("', '", LAB_TESTS) + "')");
  }
}
