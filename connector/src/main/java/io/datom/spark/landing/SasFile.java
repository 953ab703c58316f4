package io.datom.spark.landing;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A SAS data set read sequentially: its variables, then its rows in file order, each value a {@link Double} (numeric),
 * a {@link String} (character, trailing blanks removed) or null (a SAS missing value).
 */
public interface SasFile extends Closeable {

  /** The variables, in file order. */
  List<SasColumn> columns();

  /** The next row (one value per column), or null after the last. */
  Object[] next() throws IOException;
}
