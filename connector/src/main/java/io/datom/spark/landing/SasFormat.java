package io.datom.spark.landing;

import java.io.IOException;
import java.io.InputStream;

/** The two SAS file formats a landing folder may hold, each with its reader. */
public enum SasFormat {
  /** A SAS data set, {@code .sas7bdat} (parso). */
  SAS7BDAT,
  /** A SAS transport file, version 5, {@code .xpt} ({@link XptFile}). */
  XPT;

  /** Opens {@code in}, named {@code source} in messages, as a file of this format. */
  public SasFile open(InputStream in, String source) throws IOException {
    return this == SAS7BDAT ? Sas7bdatFile.open(in, source) : XptFile.open(in, source);
  }
}
