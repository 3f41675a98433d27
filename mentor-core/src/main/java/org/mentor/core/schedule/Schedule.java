package org.mentor.core.schedule;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.protocol.Protocol;

/**
 * A case's milestones as of a date: every occurrence the protocol's rules define for the mother
 * and each live-born infant, with its window, due date, state and why, ordered by due date.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.of(protocol, file.facts(), LocalDate.of(2026, 7, 20));
 * schedule.find("NAT_9M", infantId).orElseThrow().state();   // LATE
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param asOf the evaluation date
 * @param milestones the milestones, by due date then key
 */
public record Schedule(CaseId caseId, LocalDate asOf, ImmutableList<Milestone> milestones) {
  public Schedule {
    requireNonNull(caseId, "caseId");
    requireNonNull(asOf, "asOf");
    milestones = ImmutableList.copyOf(requireNonNull(milestones, "milestones"));
  }

  /**
   * Computes a case's schedule as of a date.
   *
   * @param protocol the case's protocol, not null
   * @param facts the case's facts, not null
   * @param asOf the evaluation date, not null
   * @return the schedule
   */
  public static Schedule of(Protocol protocol, Facts facts, LocalDate asOf) {
    return of(protocol, facts, Pathway.evaluate(protocol, facts, asOf));
  }

  /**
   * Computes a case's schedule from a state already evaluated (same protocol, facts and date).
   *
   * @param protocol the case's protocol, not null
   * @param facts the case's facts, not null
   * @param state the case evaluated as of the schedule's date, not null
   * @return the schedule
   */
  public static Schedule of(Protocol protocol, Facts facts, CaseState state) {
    requireNonNull(protocol, "protocol");
    requireNonNull(facts, "facts");
    requireNonNull(state, "state");
    return new Schedule(facts.caseId(), state.asOf(), new Scheduler(protocol, facts, state).run());
  }

  /** The mother's first occurrence of a rule, if any. */
  public Optional<Milestone> find(String ruleId) {
    return milestones.stream().filter(m -> m.ruleId().equals(ruleId) && m.infantId().isEmpty()).findFirst();
  }

  /** An infant's first occurrence of a rule, if any. */
  public Optional<Milestone> find(String ruleId, InfantId infantId) {
    return milestones.stream().filter(m -> m.ruleId().equals(ruleId) && m.infantId().equals(Optional.of(infantId))).findFirst();
  }

  /** Every occurrence of a rule (mother and infants), by due date. */
  public ImmutableList<Milestone> all(String ruleId) {
    return milestones.stream().filter(m -> m.ruleId().equals(ruleId)).collect(ImmutableList.toImmutableList());
  }

  /** The milestones someone should act on: DUE, LATE or OVERDUE. */
  public ImmutableList<Milestone> actionable() {
    return milestones.stream().filter(m -> m.state().isActionable()).collect(ImmutableList.toImmutableList());
  }
}
