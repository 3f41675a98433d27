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
 * Replaces an earlier event (or an earlier correction of it) with a corrected one of the same kind.
 * The replacement carries the correction's own id, date, recording time and recorder. A chain of
 * corrections keeps its <b>root</b> id, the id of the event first recorded, which downstream
 * identity (FHIR business identifiers) uses so a correction updates and never duplicates.
 *
 * <p>Where several corrections target one chain, the one recorded last wins (by
 * {@code recordedAt}, then id), so the outcome never depends on arrival order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param corrects the event corrected (the root or any correction in its chain), not null
 * @param replacement the corrected event, not a correction or void itself, not null
 */
@API(status = STABLE, since = "0.1")
public record Corrected(EventId corrects, PathwayEvent replacement) implements PathwayEvent {
  public Corrected {
    requireNonNull(corrects, "corrects");
    requireNonNull(replacement, "replacement");
    if (replacement.kind() == EventKind.CORRECTED || replacement.kind() == EventKind.VOIDED) {
      throw new InvalidEventException("corrected.replacement.kind", replacement.kind(), Rule.CORRECTION_CHANGES_KIND);
    }
    if (replacement.id().equals(corrects)) {
      throw new InvalidEventException("corrected.replacement.id", replacement.id(), Rule.CORRECTION_ID_MISMATCH);
    }
  }

  @Override
  public EventId id() {
    return replacement.id();
  }

  @Override
  public LocalDate occurredOn() {
    return replacement.occurredOn();
  }

  @Override
  public Instant recordedAt() {
    return replacement.recordedAt();
  }

  @Override
  public RecordedBy recordedBy() {
    return replacement.recordedBy();
  }

  @Override
  public EventKind kind() {
    return EventKind.CORRECTED;
  }
}
