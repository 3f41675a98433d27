package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;

/**
 * Withdraws an earlier event (and its corrections) with a reason. Voiding is how a mistaken
 * record is removed: the history keeps both.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param voids the event withdrawn, not null
 * @param reason why, in words for the audit trail (no patient data), not null
 */
@API(status = STABLE, since = "0.1")
public record Voided(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    EventId voids,
    String reason)
    implements PathwayEvent {
  public Voided {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(voids, "voids");
    requireNonNull(reason, "reason");
    checkArgument(!voids.equals(id), "an event cannot void itself");
  }

  @Override
  public EventKind kind() {
    return EventKind.VOIDED;
  }
}
