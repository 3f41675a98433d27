package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;

/**
 * An infant HIV test. {@code occurredOn} is the sample date (the date that satisfies a testing
 * milestone); the result may be pending and arrive later as a correction of this event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param infantId the infant, not null
 * @param testType NAT or antibody, not null
 * @param result the result, or PENDING, not null
 * @param resultDate when the result was returned; empty exactly when pending, not null
 */
@API(status = STABLE, since = "0.1")
public record InfantHivTested(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    InfantId infantId,
    InfantTestType testType,
    InfantTestResult result,
    Optional<LocalDate> resultDate)
    implements PathwayEvent {
  public InfantHivTested {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(infantId, "infantId");
    requireNonNull(testType, "testType");
    requireNonNull(result, "result");
    requireNonNull(resultDate, "resultDate");
    if ((result == InfantTestResult.PENDING) != resultDate.isEmpty()) {
      throw new IllegalArgumentException("a pending test has no result date and a returned one has one");
    }
    if (resultDate.isPresent() && resultDate.get().isBefore(occurredOn)) {
      throw new InvalidEventException("infantTest.resultDate", resultDate.get(), Rule.RESULT_BEFORE_SAMPLE);
    }
    resultDate = Shared.date(resultDate);
    infantId = Shared.infant(infantId);
  }

  @Override
  public EventKind kind() {
    return EventKind.INFANT_HIV_TESTED;
  }

  /** The sample date (the same as {@link #occurredOn()}). */
  public LocalDate sampleDate() {
    return occurredOn;
  }
}
