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
 * A maternal viral-load result. {@code occurredOn} is the sample date, the date every schedule
 * and risk rule reads; the result date is when it became known.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param resultDate when the result was returned, on or after the sample date, not null
 * @param result the result in copies/mL, not null
 */
@API(status = STABLE, since = "0.1")
public record ViralLoadResulted(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    LocalDate resultDate,
    ViralLoad result)
    implements PathwayEvent {
  public ViralLoadResulted {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(resultDate, "resultDate");
    requireNonNull(result, "result");
    if (resultDate.isBefore(occurredOn)) {
      throw new InvalidEventException("viralLoad.resultDate", resultDate, Rule.RESULT_BEFORE_SAMPLE);
    }
    resultDate = Shared.date(resultDate);
  }

  @Override
  public EventKind kind() {
    return EventKind.VIRAL_LOAD_RESULTED;
  }

  /** The sample date (the same as {@link #occurredOn()}). */
  public LocalDate sampleDate() {
    return occurredOn;
  }
}
