package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Voided;

/**
 * An event recorded between two reports' instants: a late entry, a correction or a void, which is
 * why a unit moved. The event id and dates are the programme's own data; a diff is for the people
 * who submit the report, not for logs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recordedIn the case whose file holds it (a sibling case for the mother's own events), not null
 * @param eventId the event's id, not null
 * @param kind the event's kind ({@code CORRECTED} or {@code VOIDED} for those), not null
 * @param about for a correction, the kind it corrects; for a void, the id of the event withdrawn; else empty, not null
 * @param occurredOn its clinical date, not null
 * @param recordedAt when it was recorded, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedChange(
    CaseId recordedIn, EventId eventId, EventKind kind, Optional<String> about, LocalDate occurredOn, Instant recordedAt) {
  public RecordedChange {
    requireNonNull(recordedIn, "recordedIn");
    requireNonNull(eventId, "eventId");
    requireNonNull(kind, "kind");
    requireNonNull(about, "about");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
  }

  static RecordedChange of(CaseId recordedIn, PathwayEvent event) {
    Optional<String> about = switch (event.kind()) {
      case CORRECTED -> Optional.of(((Corrected) event).replacement().kind().name());
      case VOIDED -> Optional.of(((Voided) event).voids().value());
      default -> Optional.empty();
    };
    return new RecordedChange(recordedIn, event.id(), event.kind(), about, event.occurredOn(), event.recordedAt());
  }

  /** {@code MATERNAL_HIV_TESTED dated 2025-11-03, recorded 2026-02-10T09:00:00Z (event e-17)}. */
  public String describe() {
    String what = switch (kind) {
      case CORRECTED -> "correction of " + about.orElse("?");
      case VOIDED -> "void of event " + about.orElse("?");
      default -> kind.name();
    };
    return what + " dated " + occurredOn + ", recorded " + recordedAt + " (event " + eventId + " in " + recordedIn + ")";
  }
}
