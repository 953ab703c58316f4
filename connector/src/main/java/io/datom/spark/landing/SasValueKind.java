package io.datom.spark.landing;

import java.util.Locale;
import java.util.Set;

/**
 * What a SAS variable's values become in Spark, decided from its type and display format as R's haven decides it:
 * a numeric with a date format is a date (days since 1960-01-01), one with a datetime format a timestamp (seconds
 * since 1960-01-01T00:00:00, read as UTC), any other numeric a double, a character variable a string.
 */
public enum SasValueKind {
  /** A double. */
  NUMBER,
  /** A date. */
  DATE,
  /** A timestamp, UTC. */
  DATETIME,
  /** A string. */
  TEXT;

  /** haven's date formats (readstat's list), by name without width. */
  private static final Set<String> DATE_FORMATS = Set.of("DATE", "DAY", "DDMMYY", "DDMMYYB", "DDMMYYC", "DDMMYYD",
      "DDMMYYN", "DDMMYYP", "DDMMYYS", "DOWNAME", "JULDAY", "JULIAN", "MMDDYY", "MMDDYYB", "MMDDYYC", "MMDDYYD",
      "MMDDYYN", "MMDDYYP", "MMDDYYS", "MMYY", "MMYYC", "MMYYD", "MMYYN", "MMYYP", "MMYYS", "MONNAME", "MONTH",
      "MONYY", "QTR", "QTRR", "NENGO", "WEEKDATE", "WEEKDATX", "WEEKDAY", "WEEKV", "WORDDATE", "WORDDATX", "YEAR",
      "YYMM", "YYMMC", "YYMMD", "YYMMN", "YYMMP", "YYMMS", "YYMMDD", "YYMMDDB", "YYMMDDC", "YYMMDDD", "YYMMDDN",
      "YYMMDDP", "YYMMDDS", "YYMON", "YYQ", "YYQC", "YYQD", "YYQN", "YYQP", "YYQS", "YYQR", "YYQRC", "YYQRD",
      "YYQRN", "YYQRP", "YYQRS", "E8601DA", "B8601DA", "MINGUO", "IS8601DA");

  /** haven's datetime formats, by name without width. */
  private static final Set<String> DATETIME_FORMATS = Set.of("DATETIME", "DATEAMPM", "DTDATE", "DTMONYY", "DTWKDATX",
      "DTYEAR", "DTYYQC", "MDYAMPM", "E8601DT", "B8601DT", "E8601DZ", "B8601DZ", "E8601DN", "B8601DN", "IS8601DT",
      "IS8601DZ");

  /** The kind of a variable that is {@code numeric} (or character) with display format {@code format}. */
  public static SasValueKind of(boolean numeric, String format) {
    if (!numeric) {
      return TEXT;
    }
    String name = baseName(format);
    if (DATE_FORMATS.contains(name)) {
      return DATE;
    }
    if (DATETIME_FORMATS.contains(name)) {
      return DATETIME;
    }
    return NUMBER;
  }

  /** A format's name without its width, decimals or trailing dot: {@code DATE9.} → {@code DATE}. */
  static String baseName(String format) {
    String upper = format.trim().toUpperCase(Locale.ROOT);
    int end = upper.length();
    while (end > 0 && (Character.isDigit(upper.charAt(end - 1)) || upper.charAt(end - 1) == '.')) {
      end--;
    }
    return upper.substring(0, end);
  }
}
