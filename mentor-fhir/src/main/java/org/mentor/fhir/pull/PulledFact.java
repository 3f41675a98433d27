package org.mentor.fhir.pull;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
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
@API(status = EXPERIMENTAL, since = "0.1")
public record PulledFact(CaseId caseId, String resource, boolean thirdParty, ImmutableList<EventId> events) {
  public PulledFact {
    requireNonNull(caseId, "caseId");
    requireNonNull(resource, "resource");
    events = ImmutableList.copyOf(events);
  }
}
