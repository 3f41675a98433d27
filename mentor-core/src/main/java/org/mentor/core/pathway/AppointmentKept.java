package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;

/**
 * The mother attended on {@code occurredOn} for the appointment set for {@code appointmentOn}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param appointmentOn the date of the appointment attended, not null
 */
@API(status = STABLE, since = "0.1")
public record AppointmentKept(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    LocalDate appointmentOn)
    implements PathwayEvent {
  public AppointmentKept {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(appointmentOn, "appointmentOn");
    appointmentOn = Shared.date(appointmentOn);
  }

  @Override
  public EventKind kind() {
    return EventKind.APPOINTMENT_KEPT;
  }
}
