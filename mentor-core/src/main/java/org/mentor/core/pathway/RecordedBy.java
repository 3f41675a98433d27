package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Who recorded an event: the user, the facility and the source system, and, for a fact copied from a record another
 * system owns (a lab's result read from the national FHIR server), that record's {@link Origin}. This is the
 * provenance that FHIR {@code Provenance} and audit trails read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the user's id in the source system (never a patient's), not null or blank
 * @param facility the facility code, not null or blank
 * @param sourceSystem the system that captured the event, such as an EMR's name, not null or blank
 * @param origin the record the event copies, when another system owns it; empty for Mentor's own facts
 */
@API(status = STABLE, since = "0.1")
public record RecordedBy(String user, String facility, String sourceSystem, Optional<Origin> origin) {
  public RecordedBy {
    requireNonNull(user, "user");
    requireNonNull(facility, "facility");
    requireNonNull(sourceSystem, "sourceSystem");
    requireNonNull(origin, "origin");
    checkArgument(!user.isBlank() && !facility.isBlank() && !sourceSystem.isBlank(),
        "user, facility and sourceSystem are not blank");
  }

  /** Who recorded a fact of Mentor's own (no origin elsewhere). */
  public RecordedBy(String user, String facility, String sourceSystem) {
    this(user, facility, sourceSystem, Optional.empty());
  }

  /**
   * The same recorder, for a fact copied from a record another system owns.
   *
   * @param origin the record, not null
   * @return a new value
   */
  public RecordedBy withOrigin(Origin origin) {
    return new RecordedBy(user, facility, sourceSystem, Optional.of(requireNonNull(origin, "origin")));
  }
}
