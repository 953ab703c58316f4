package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RTimestampsTest {

  @Test
  void utcDropsFractionalSeconds() {
    assertEquals("2026-01-02T03:04:05Z", RTimestamps.utc(Instant.parse("2026-01-02T03:04:05.999Z")));
  }

  @Test
  void localTimeIsWrittenWithAZLikeRsInitManifest() {
    assertEquals("2026-11-22T02:28:25Z", RTimestamps.localMislabelledAsUtc(LocalDateTime.of(2026, 11, 22, 2, 28, 25)));
  }
}
