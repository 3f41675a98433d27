package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;

/**
 * The mother's consent to contact channels and her disclosure status, as of {@code occurredOn}.
 * Tracing never proposes a channel she has not agreed to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param homeVisits she agrees to home visits
 * @param phoneCalls she agrees to phone calls
 * @param sms she agrees to text messages
 * @param disclosedToPartner she has disclosed her status to her partner
 */
@API(status = STABLE, since = "0.1")
public record ConsentRecorded(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    boolean homeVisits,
    boolean phoneCalls,
    boolean sms,
    boolean disclosedToPartner)
    implements PathwayEvent {
  public ConsentRecorded {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
  }

  @Override
  public EventKind kind() {
    return EventKind.CONSENT_RECORDED;
  }
}
