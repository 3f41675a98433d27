package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;

/**
 * The mother started antiretroviral therapy on {@code occurredOn} (the first dispensing date;
 * maternal.md M2.3). May be back-dated before the pregnancy.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param regimen the regimen started, not null
 */
@API(status = STABLE, since = "0.1")
public record ArtStarted(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    Regimen regimen)
    implements PathwayEvent {
  public ArtStarted {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(regimen, "regimen");
  }

  @Override
  public EventKind kind() {
    return EventKind.ART_STARTED;
  }
}
