package io.datom.spark.sync;

import io.datom.core.exceptions.DatomException;

/**
 * A delimited landing file with a row that does not fit its header: more or fewer fields, or a value that is not of
 * its column's type. Raised by the task that meets the row, so the import fails and no version is written. The message
 * names the file, never the row: Spark's own message for a malformed record quotes its values.
 */
public final class MalformedLandingFileException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String fileName;

  public MalformedLandingFileException(String fileName) {
    super(fileName + " has a row that does not fit its header (more or fewer fields than the header names, or a"
        + " value that is not of its column's type). Nothing was imported from it; fix the file and sync again.");
    this.fileName = fileName;
  }

  /** The file's name in the landing folder. */
  public String fileName() {
    return fileName;
  }
}
