package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.ProtocolRef;

/**
 * A case's facts: the pure fold of its effective events (corrections applied, voids removed) in
 * the order {@code (occurredOn, kind, id)}. The same events always give the same facts, whatever
 * order they arrived in. Facts hold nothing that depends on today's date; see
 * {@link Pathway#evaluate}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param enrolment the enrolment, once folded
 * @param protocol the protocol the case follows (from the enrolment or the latest change)
 * @param delivery the delivery, once folded
 * @param mother the mother's own HIV-care facts
 * @param infants the live-born infants, by id
 * @param mentors mentor assignments, newest first
 * @param visits mentor visits, newest first
 * @param events the effective events in fold order (what the evaluation replays)
 * @param issues data-quality issues found while folding, newest first
 */
@API(status = STABLE, since = "0.1")
public record Facts(
    CaseId caseId,
    Optional<Enrolled> enrolment,
    Optional<ProtocolRef> protocol,
    Optional<Delivered> delivery,
    MaternalFacts mother,
    ImmutableMap<InfantId, InfantFacts> infants,
    History<MentorAssigned> mentors,
    History<MentorVisited> visits,
    Timeline events,
    History<DataQualityIssue> issues) {

  public Facts {
    requireNonNull(caseId, "caseId");
    requireNonNull(enrolment, "enrolment");
    requireNonNull(protocol, "protocol");
    requireNonNull(delivery, "delivery");
    requireNonNull(mother, "mother");
    requireNonNull(infants, "infants");
    requireNonNull(mentors, "mentors");
    requireNonNull(visits, "visits");
    requireNonNull(events, "events");
    requireNonNull(issues, "issues");
  }

  /** The facts of a case with no events. */
  public static Facts empty(CaseId caseId) {
    return new Facts(caseId, Optional.empty(), Optional.empty(), Optional.empty(),
        MaternalFacts.empty(), ImmutableMap.of(), History.empty(), History.empty(),
        Timeline.empty(), History.empty());
  }

  /**
   * The same facts over another timeline instance holding the same events (a new instance: caches
   * keyed by facts identity, such as the schedule's plan, do not recognise it).
   *
   * @param sameEvents a timeline equal to {@link #events()}, not null
   * @return the new facts
   * @throws IllegalArgumentException if the timeline holds other events
   */
  public Facts withEvents(Timeline sameEvents) {
    com.google.common.base.Preconditions.checkArgument(events.equals(sameEvents), "the timeline holds the same events");
    return new Facts(caseId, enrolment, protocol, delivery, mother, infants, mentors, visits, sameEvents, issues);
  }

  /**
   * Facts equal but for the data-quality issues and the timeline: what "the same clinical facts"
   * means when comparing folds.
   */
  public boolean sameClinicalFacts(Facts other) {
    return caseId.equals(other.caseId)
        && enrolment.equals(other.enrolment)
        && protocol.equals(other.protocol)
        && delivery.equals(other.delivery)
        && mother.equals(other.mother)
        && infants.equals(other.infants)
        && mentors.equals(other.mentors)
        && visits.equals(other.visits);
  }
}
