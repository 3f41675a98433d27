package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Who recorded an event: the user, the facility and the source system. This is the provenance
 * that FHIR {@code Provenance} and audit trails read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the user's id in the source system (never a patient's), not null or blank
 * @param facility the facility code, not null or blank
 * @param sourceSystem the system that captured the event, such as an EMR's name, not null or blank
 */
public record RecordedBy(String user, String facility, String sourceSystem) {
  public RecordedBy {
    requireNonNull(user, "user");
    requireNonNull(facility, "facility");
    requireNonNull(sourceSystem, "sourceSystem");
    checkArgument(!user.isBlank() && !facility.isBlank() && !sourceSystem.isBlank(),
        "user, facility and sourceSystem are not blank");
  }
}
