package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;

/**
 * An infant's prophylaxis stopped on {@code occurredOn}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param infantId the infant, not null
 */
public record InfantProphylaxisStopped(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    InfantId infantId)
    implements PathwayEvent {
  public InfantProphylaxisStopped {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(infantId, "infantId");
    infantId = Shared.infant(infantId);
  }

  @Override
  public EventKind kind() {
    return EventKind.INFANT_PROPHYLAXIS_STOPPED;
  }
}
