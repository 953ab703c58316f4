package io.datom.spark.sql;

import org.apache.spark.QueryContext;
import org.apache.spark.sql.AnalysisException;
import scala.Option;
import scala.collection.immutable.Map$;

/** Errors of datom's SQL functions, raised as the {@link AnalysisException}s Spark raises for its own functions. */
final class FunctionErrors {

  private FunctionErrors() {}

  /**
   * Throws an {@link AnalysisException} carrying {@code message} as it is; declared to return an unchecked exception
   * so that callers can write {@code throw FunctionErrors.analysis(...)}. Java sees {@code AnalysisException} as
   * checked, but Spark's analyser, which calls the functions through Scala, expects exactly it. Built with the
   * constructor that Spark 3.5 and 4.0 share and that needs no registered error class (datom's messages are its own).
   */
  static RuntimeException analysis(String message, Throwable cause) {
    throw FunctionErrors.<RuntimeException>unchecked(new AnalysisException(message, Option.empty(), Option.empty(),
        Option.apply(cause), Option.empty(), Map$.MODULE$.empty(), new QueryContext[0]));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E unchecked(Throwable e) throws E {
    throw (E) e;
  }
}
