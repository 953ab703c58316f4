package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;

/** datom's errors in the form Spark's own interfaces declare them. */
public final class SparkErrors {

  private SparkErrors() {}

  /** Spark's "no such table", with datom's message and exception ({@code cause}) as its cause. */
  public static NoSuchTableException tableNotFound(Identifier ident, DatomException cause) {
    return new DatomTableNotFoundException(ident, cause);
  }
}
