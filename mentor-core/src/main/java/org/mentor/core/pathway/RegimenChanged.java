package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.RegimenChangeReason;

/**
 * The mother's regimen was changed on {@code occurredOn}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param regimen the new regimen, not null
 * @param reason why it was changed, not null
 */
@API(status = STABLE, since = "0.1")
public record RegimenChanged(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    Regimen regimen,
    RegimenChangeReason reason)
    implements PathwayEvent {
  public RegimenChanged {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(regimen, "regimen");
    requireNonNull(reason, "reason");
  }

  @Override
  public EventKind kind() {
    return EventKind.REGIMEN_CHANGED;
  }
}
