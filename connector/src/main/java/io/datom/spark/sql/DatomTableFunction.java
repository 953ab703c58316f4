package io.datom.spark.sql;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * A table function of datom's SQL ({@code SELECT * FROM datom_validate('study')}), registered by
 * {@link io.datom.spark.DatomSparkSessionExtensions}. Spark calls {@link #plan} while it analyses the query.
 */
public interface DatomTableFunction {

  /** The name SQL calls it by, e.g. {@code datom_validate}. */
  String name();

  /**
   * How to call it, as {@code DESCRIBE FUNCTION} shows it: {@code _FUNC_(args) - what it returns}, where Spark
   * replaces {@code _FUNC_} with the name.
   */
  String usage();

  /**
   * The plan of the call's rows.
   *
   * @throws org.apache.spark.sql.AnalysisException if the arguments are wrong (see {@link FunctionArguments})
   */
  LogicalPlan plan(SparkSession spark, FunctionArguments args);
}
