package io.datom.spark.sync;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of a landing folder, named as R's sync names it (format §8): the table name is the file name without its
 * last extension ({@code dm.v2.csv} → {@code dm.v2}), the format is that extension with its case preserved. As in R
 * ({@code tools::file_ext}), an extension is the letters and digits after the last dot; a name without one has the
 * format {@code ""}.
 *
 * @param path the file's full Hadoop path
 * @param fileName the file's name
 * @param size its length in bytes
 */
public record LandingFile(String path, String fileName, long size) {

  /** The extensions R's sync imports, lower case. */
  static final Set<String> R_FORMATS = Set.of("csv", "tsv", "txt", "psv", "parquet", "sas7bdat", "xpt", "sav",
      "zsav", "por", "dta", "xls", "xlsx");

  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]+)$");

  /** The table name. */
  public String name() {
    Matcher m = EXTENSION.matcher(fileName);
    return m.find() ? fileName.substring(0, m.start()) : fileName;
  }

  /** The extension as found, e.g. {@code csv} or {@code CSV}; empty when there is none. */
  public String format() {
    Matcher m = EXTENSION.matcher(fileName);
    return m.find() ? m.group(1) : "";
  }

  /** The extension in lower case. */
  String formatKey() {
    return format().toLowerCase(Locale.ROOT);
  }

  /** Whether R's sync imports this extension. */
  boolean supportedByR() {
    return R_FORMATS.contains(formatKey());
  }
}
