package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * The mother's pills were counted on {@code occurredOn} (maternal.md A1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param pillsDispensed pills dispensed at the last dispensing
 * @param pillsRemaining pills remaining at the count
 * @param daysSinceDispensing days from the dispensing to the count
 * @param dailyDoses doses a day of the regimen, one or more
 */
@API(status = STABLE, since = "0.1")
public record PillCounted(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    int pillsDispensed,
    int pillsRemaining,
    int daysSinceDispensing,
    int dailyDoses)
    implements PathwayEvent {
  public PillCounted {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    if (pillsDispensed < 0) {
      throw new InvalidEventException("pillCount.pillsDispensed", pillsDispensed, Rule.NEGATIVE_PILL_COUNT);
    }
    if (pillsRemaining < 0) {
      throw new InvalidEventException("pillCount.pillsRemaining", pillsRemaining, Rule.NEGATIVE_PILL_COUNT);
    }
    if (pillsRemaining > pillsDispensed) {
      throw new InvalidEventException("pillCount.pillsRemaining", pillsRemaining, Rule.MORE_REMAINING_THAN_DISPENSED);
    }
    if (daysSinceDispensing < 0) {
      throw new InvalidEventException("pillCount.daysSinceDispensing", daysSinceDispensing, Rule.NEGATIVE_DAYS_SINCE_DISPENSING);
    }
    if (dailyDoses < 1) {
      throw new InvalidEventException("pillCount.dailyDoses", dailyDoses, Rule.DAILY_DOSES_POSITIVE);
    }
  }

  @Override
  public EventKind kind() {
    return EventKind.PILL_COUNTED;
  }
}
