package org.mentor.core.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.PathwayEvent;

/**
 * A case as a store holds it: its events in the order they were accepted.
 *
 * @param caseId the case
 * @param events the events, oldest first; the enrolment first
 */
@API(status = STABLE, since = "0.1")
public record StoredCase(CaseId caseId, ImmutableList<PathwayEvent> events) {
  public StoredCase {
    requireNonNull(caseId, "caseId");
    events = ImmutableList.copyOf(requireNonNull(events, "events"));
    checkArgument(!events.isEmpty(), "a stored case has at least its enrolment");
  }

  /** The case's version: the number of events stored. */
  public long version() {
    return events.size();
  }
}
