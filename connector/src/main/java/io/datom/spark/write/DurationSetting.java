package io.datom.spark.write;

import io.datom.spark.InvalidOptionsException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration setting written as Spark writes its own ({@code 90s}, {@code 30min}, {@code 2h}, {@code 7d}; a bare
 * number is seconds), parsed without Spark's internal utilities so that it reads the same on every Spark version.
 */
final class DurationSetting {

  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final Map<String, Duration> UNITS = Map.ofEntries(
      Map.entry("", Duration.ofSeconds(1)), Map.entry("ms", Duration.ofMillis(1)),
      Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
      Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
      Map.entry("h", Duration.ofHours(1)), Map.entry("d", Duration.ofDays(1)));

  private DurationSetting() {}

  /**
   * The positive duration {@code value} of setting {@code key}.
   *
   * @throws InvalidOptionsException if it is not a whole number with one of the units, or is zero
   */
  static Duration parse(String key, String value) {
    Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
    Duration unit = m.matches() ? UNITS.get(m.group(2)) : null;
    if (unit == null || Long.parseLong(m.group(1)) == 0) {
      throw new InvalidOptionsException("Setting " + key + " is '" + value + "'; give a positive duration such as "
          + "1h, 30min, 90s or 7d.", key);
    }
    return unit.multipliedBy(Long.parseLong(m.group(1)));
  }
}
