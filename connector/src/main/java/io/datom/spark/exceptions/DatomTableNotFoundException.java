package io.datom.spark.exceptions;

import io.datom.core.exceptions.DatomException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;

/**
 * Spark's {@link NoSuchTableException} for a datom table that is not there, with datom's message and exception.
 *
 * <p>Spark 3.5 and 4.0 share no constructor that takes a message and a cause (3.5's {@code (String, Option)} is gone
 * in 4.0), so this builds on the identifier constructor both have and returns datom's message and cause itself.
 */
final class DatomTableNotFoundException extends NoSuchTableException {

  private static final long serialVersionUID = 1L;

  private final DatomException datomCause;

  DatomTableNotFoundException(Identifier ident, DatomException cause) {
    super(ident);
    this.datomCause = cause;
  }

  @Override
  public String getMessage() {
    return datomCause.getMessage();
  }

  @Override
  public synchronized Throwable getCause() {
    return datomCause;
  }
}
