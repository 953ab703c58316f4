package io.datom.core.internal.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp strings R datom writes: {@code format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ")}, whole seconds. */
public final class RTimestamps {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

  private RTimestamps() {}

  /** UTC time with a {@code Z}, fractional seconds dropped, e.g. {@code 2026-01-02T03:04:05Z}. */
  public static String utc(Instant instant) {
    return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * A local wall-clock time followed by a literal {@code Z}, as R writes the init manifest's {@code updated_at}
   * (format §3.3 pitfall). Kept for byte-compatibility; later updates use {@link #utc}.
   */
  public static String localMislabelledAsUtc(LocalDateTime localTime) {
    return FORMAT.format(localTime);
  }
}
