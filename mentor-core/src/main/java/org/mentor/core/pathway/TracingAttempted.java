package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.TracingOutcome;

/**
 * A tracing attempt for the mother (and her infants) on {@code occurredOn}, with its outcome
 * (maternal.md R5).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param mode how she was sought, not null
 * @param outcome what came of it, not null
 */
@API(status = STABLE, since = "0.1")
public record TracingAttempted(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    ContactMode mode,
    TracingOutcome outcome)
    implements PathwayEvent {
  public TracingAttempted {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(mode, "mode");
    requireNonNull(outcome, "outcome");
  }

  @Override
  public EventKind kind() {
    return EventKind.TRACING_ATTEMPTED;
  }
}
