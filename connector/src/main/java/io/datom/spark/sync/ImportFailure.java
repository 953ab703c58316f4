package io.datom.spark.sync;

import org.apache.spark.SparkThrowable;

/**
 * What a sync report says of a file whose import failed. datom-spark's own messages (its exceptions anywhere in the
 * cause chain: a bad table name, a refused SAS file) are given in full; another library's message is not, because
 * readers quote what they could not parse (Spark's CSV reader puts a malformed record's values in its message), and
 * no cell value may reach a report, a log line or a message. For those the report names the exception, Spark's error
 * condition when it has one, and what to do.
 */
final class ImportFailure {

  private static final String OWN_PACKAGE = "io.datom.";

  private ImportFailure() {}

  /** The report's {@code error} for {@code failure}. */
  static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getClass().getName().startsWith(OWN_PACKAGE)) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
      }
    }
    String condition = failure instanceof SparkThrowable spark && spark.getErrorClass() != null
        ? " [" + spark.getErrorClass() + "]" : "";
    return failure.getClass().getSimpleName() + condition + ": the file could not be read (the reader's message is "
        + "left out, as it may quote the file's values); read it with Spark to see the reader's own message.";
  }
}
