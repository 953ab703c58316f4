package io.datom.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests set by hand, so that every timestamp a write records is known in advance. */
final class MutableClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  static MutableClock utc(String instant) {
    return new MutableClock(Instant.parse(instant), ZoneId.of("UTC"));
  }

  void set(String instant) {
    now = Instant.parse(instant);
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
