package io.datom.examples.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A clinical-shaped lab table (SDTM LB-like, 10 columns) of any size, deterministic for a given seed. */
final class LabTable {

  private LabTable() {}

  static Dataset<Row> generate(SparkSession spark, long rows, int seed) {
    Column id = col("id");
    Column test = pmod(id, lit(20));
    Column value = pmod(xxhash64(lit(seed), id), lit(100_000)).divide(100.0);
    return spark.range(rows).select(
        lit("STUDY_001").as("STUDYID"),
        concat(lit("STUDY_001-"), format_string("%06d", id.divide(400).cast("long"))).as("USUBJID"),
        id.plus(1).as("LBSEQ"),
        element_at(expr("array('ALB','ALP','ALT','AST','BILI','BUN','CA','CHOL','CL','CREAT',"
            + "'GLUC','HCT','HGB','K','NA','PLAT','PROT','RBC','TRIG','WBC')"), test.plus(1).cast("int"))
            .as("LBTESTCD"),
        value.cast("string").as("LBORRES"),
        value.as("LBSTRESN"),
        when(value.gt(950), "HIGH").when(value.lt(50), "LOW").otherwise("NORMAL").as("LBNRIND"),
        pmod(id.divide(20).cast("long"), lit(20)).plus(1).cast("int").as("VISITNUM"),
        date_add(lit("2026-01-05").cast("date"), pmod(id, lit(365)).cast("int")).as("LBDT"),
        timestamp_seconds(lit(1_767_600_000L).plus(id.multiply(37))).as("LBDTC"));
  }
}
