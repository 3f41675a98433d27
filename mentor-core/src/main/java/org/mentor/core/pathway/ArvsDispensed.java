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
 * Antiretrovirals were dispensed to the mother on {@code occurredOn}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param quantity pills dispensed, one or more
 * @param daysSupply days the supply covers, one or more
 */
@API(status = STABLE, since = "0.1")
public record ArvsDispensed(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    int quantity,
    int daysSupply)
    implements PathwayEvent {
  public ArvsDispensed {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    if (quantity < 1) {
      throw new InvalidEventException("arvsDispensed.quantity", quantity, Rule.DISPENSED_QUANTITY_POSITIVE);
    }
    if (daysSupply < 1) {
      throw new InvalidEventException("arvsDispensed.daysSupply", daysSupply, Rule.DISPENSED_QUANTITY_POSITIVE);
    }
  }

  @Override
  public EventKind kind() {
    return EventKind.ARVS_DISPENSED;
  }
}
