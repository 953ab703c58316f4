package io.datom.spark.read;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Runs the Spark jobs a piece of driver code starts under a description the Spark UI lists them by, e.g.
 * {@code datom read lb: verify lb/8d1e….parquet}, restoring the thread's own description afterwards.
 */
public final class JobDescription {
  private static final String PROPERTY = "spark.job.description";

  private JobDescription() {}

  /** Runs {@code body}, whose jobs the UI describes as {@code description}. */
  public static <T> T run(SparkContext sc, String description, Supplier<T> body) {
    String previous = sc.getLocalProperty(PROPERTY);
    sc.setLocalProperty(PROPERTY, description);
    try {
      return body.get();
    } finally {
      sc.setLocalProperty(PROPERTY, previous);
    }
  }
}
