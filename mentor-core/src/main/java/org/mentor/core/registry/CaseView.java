package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.schedule.Schedule;

/**
 * A case as of a date, as known at an instant: its state, milestone schedule, what needs attention
 * and who is responsible.
 *
 * @param caseId the case
 * @param version the case's version (events accepted)
 * @param asOf the evaluation date
 * @param knownAsOf the instant events were filtered by, or empty for everything recorded
 * @param state the evaluated state
 * @param schedule the milestone schedule
 * @param attention what needs attention, most urgent first
 * @param assignment the mentor and facility responsible on {@code asOf}
 */
@API(status = STABLE, since = "0.1")
public record CaseView(
    CaseId caseId,
    long version,
    LocalDate asOf,
    Optional<Instant> knownAsOf,
    CaseState state,
    Schedule schedule,
    ImmutableList<Attention> attention,
    Assignment assignment) {
  public CaseView {
    requireNonNull(caseId, "caseId");
    requireNonNull(asOf, "asOf");
    requireNonNull(knownAsOf, "knownAsOf");
    requireNonNull(state, "state");
    requireNonNull(schedule, "schedule");
    attention = ImmutableList.copyOf(requireNonNull(attention, "attention"));
    requireNonNull(assignment, "assignment");
  }
}
