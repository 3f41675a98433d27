package org.mentor.fhir.push;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test moves forward day by day. */
final class MutableClock extends Clock {
  private volatile Instant now;

  MutableClock(LocalDate today) {
    this.now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  void advanceDays(int days) {
    now = now.plusSeconds(86_400L * days);
  }

  LocalDate today() {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
