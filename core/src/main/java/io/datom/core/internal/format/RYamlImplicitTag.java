package io.datom.core.internal.format;

import java.util.regex.Pattern;

/**
 * The implicit-tag resolver of R's yaml package ({@code implicit.re}, from Syck): R single-quotes a string when it
 * would otherwise be read back as something else (a null, bool, number, timestamp, merge key...).
 */
final class RYamlImplicitTag {

  private static final String DIGIT = "[0-9]";
  private static final String TIME_ZONE = "(?:Z|[-+]" + DIGIT + "{2}(?::" + DIGIT + "{2})?)";
  private static final String DATE = DIGIT + "{4}-" + DIGIT + "{2}-" + DIGIT + "{2}";
  private static final String CLOCK = DIGIT + "{2}:" + DIGIT + "{2}:" + DIGIT + "{2}";

  private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
      "(?:~|null|Null|NULL)?",
      "y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON",
      "n|N|no|No|NO|false|False|FALSE|off|Off|OFF",
      "\\.na",
      "[-+]?0x[0-9a-fA-F,]+",
      "[-+]?0[0-7,]+",
      "[-+]?[0-9][0-9,]*(?::[0-5]?[0-9])+",
      "\\.na\\.integer",
      "[-+]?(?:0|[1-9][0-9,]*)",
      "[-+]?(?:[0-9][0-9,]*)?\\.[0-9,]*",
      "[-+]?(?:[0-9][0-9,]*)?\\.[0-9.]*[eE][-+][0-9]+",
      "[-+]?[0-9][0-9,]*(?::[0-5]?[0-9])+\\.[0-9,]*",
      "\\+?\\.(?:inf|Inf|INF)",
      "-\\.(?:inf|Inf|INF)",
      "\\.(?:nan|NaN|NAN)",
      "\\.na\\.real",
      DATE,
      DATE + "[Tt]" + CLOCK + "(?:\\.[0-9]*)?" + TIME_ZONE,
      DATE + "[ \\t]+" + CLOCK + "(?:\\.[0-9]*)?[ \\t]+" + TIME_ZONE,
      DATE + "T" + CLOCK + "(?:\\.[0-9]*[1-9]+)?Z",
      "=",
      "<<"));

  private static final String STRING_NA = ".na.character";

  private RYamlImplicitTag() {}

  /** Whether R would tag {@code value} as something other than a plain string, and so quote it. */
  static boolean needsQuotes(String value) {
    return !STRING_NA.equals(value) && NOT_A_STRING.matcher(value).matches();
  }
}
