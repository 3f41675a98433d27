package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.FeedingMode;

/**
 * How an infant is fed from {@code occurredOn}; {@code BREASTFEEDING_STOPPED} dates the end of
 * breastfeeding.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param infantId the infant, not null
 * @param mode the feeding mode, not null
 */
@API(status = STABLE, since = "0.1")
public record FeedingRecorded(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    InfantId infantId,
    FeedingMode mode)
    implements PathwayEvent {
  public FeedingRecorded {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(infantId, "infantId");
    requireNonNull(mode, "mode");
    infantId = Shared.infant(infantId);
  }

  @Override
  public EventKind kind() {
    return EventKind.FEEDING_RECORDED;
  }
}
