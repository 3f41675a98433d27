package org.mentor.fhir.pull;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;

/**
 * A server resource the pull recorded on a case.
 *
 * @param caseId the case
 * @param resource the version read, {@code Type/id/_history/version}
 * @param thirdParty whether another system owns the resource (its events carry their origin)
 * @param events the events it added, in the order recorded (a fact, a correction, a void)
 */
public record PulledFact(CaseId caseId, String resource, boolean thirdParty, ImmutableList<EventId> events) {
  public PulledFact {
    requireNonNull(caseId, "caseId");
    requireNonNull(resource, "resource");
    events = ImmutableList.copyOf(events);
  }
}
