package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.AppointmentPurpose;

/**
 * On {@code occurredOn} the mother was given an appointment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param appointmentOn the appointment's date, not null
 * @param purpose what it is for, not null
 */
@API(status = STABLE, since = "0.1")
public record AppointmentSet(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    LocalDate appointmentOn,
    AppointmentPurpose purpose)
    implements PathwayEvent {
  public AppointmentSet {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(appointmentOn, "appointmentOn");
    requireNonNull(purpose, "purpose");
    checkArgument(!appointmentOn.isBefore(occurredOn), "an appointment is set for a date on or after the day it is set");
    appointmentOn = Shared.date(appointmentOn);
  }

  @Override
  public EventKind kind() {
    return EventKind.APPOINTMENT_SET;
  }
}
