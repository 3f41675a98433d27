package org.mentor.core.schedule;

import com.google.common.collect.ImmutableList;
import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.PathwayState;
import org.mentor.core.pathway.RegionState;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.pathway.Timeline;
import org.mentor.core.protocol.Protocol;

/**
 * A case's memoised plan: the protocol and facts instance it was made for, the day it holds from,
 * and its occurrences in schedule order. {@link #at} only classifies the states for a date.
 */
final class Plan {
  private final Protocol protocol;
  /** Weakly: the memo is keyed by the case id, which the facts hold, so a strong reference would keep both. */
  private final WeakReference<Facts> facts;
  final LocalDate stableFrom;
  private final Planned[] occurrences;
  /** Each occurrence's milestone as planned: the schedule on any date where no state changed. */
  private final ImmutableList<Milestone> asPlanned;

  /** What the occurrences were computed from, to recognise newer facts that would give the same ones. */
  private final Inputs inputs;

  Plan(Protocol protocol, Facts facts, CaseState state, LocalDate stableFrom, Planned[] occurrences) {
    this.protocol = protocol;
    this.facts = new WeakReference<>(facts);
    this.stableFrom = stableFrom;
    this.occurrences = occurrences;
    this.inputs = new Inputs(facts, state);
    ImmutableList.Builder<Milestone> milestones = ImmutableList.builderWithExpectedSize(occurrences.length);
    for (Planned occurrence : occurrences) {
      milestones.add(occurrence.planned);
    }
    this.asPlanned = milestones.build();
  }

  /** The same occurrences over newer facts (see {@link #carriesOverTo}). */
  private Plan(Plan from, Facts facts, CaseState state, LocalDate stableFrom) {
    this.protocol = from.protocol;
    this.facts = new WeakReference<>(facts);
    this.stableFrom = stableFrom;
    this.occurrences = from.occurrences;
    this.inputs = new Inputs(facts, state);
    this.asPlanned = from.asPlanned;
  }

  /** Whether it was made for this protocol and this very facts instance. */
  boolean isFor(Protocol protocol, Facts facts) {
    return this.protocol == protocol && this.facts.get() == facts;
  }

  /**
   * This plan over newer facts of the case, if they would plan exactly the same occurrences; else
   * null. They do when the newer facts only add events after the planned ones that satisfy no rule
   * (a kept appointment, the next one set, a mentor's visit: most of a follow-up's days), every
   * part of the facts the scheduler reads is the very same instance (the fold shares the parts an
   * event does not touch), and the state reads the same where the scheduler reads it. The caller
   * has checked that the date is on or after the newer facts' {@code stableFrom}, as for any plan.
   * Computing a plan from scratch after each such event was most of a simulated pair's schedule work.
   */
  @Nullable Plan carriesOverTo(Protocol protocol, Facts newer, CaseState state, LocalDate stableFrom, PreparedRules prepared) {
    Facts planned = facts.get();
    if (this.protocol != protocol || planned == null || !inputs.sameAs(newer, state)) {
      return null;
    }
    Timeline before = planned.events();
    Timeline after = newer.events();
    if (after.size() < before.size()) {
      return null;
    }
    for (int i = before.size() - 1; i >= 0; i--) {
      if (after.get(i) != before.get(i)) {
        return null;
      }
    }
    for (int i = before.size(); i < after.size(); i++) {
      if (prepared.satisfies(after.get(i).kind())) {
        return null;
      }
    }
    return new Plan(this, newer, state, stableFrom);
  }

  /**
   * The facts and state a plan reads besides the events that satisfy milestones: the facts' parts
   * by identity (an unchanged part is the same instance from one version to the next), the state's
   * values by equality. Which parts: every read of {@link Scheduler} and {@link CaseAnchors}.
   */
  private static final class Inputs {
    private final Object enrolment;
    private final Object protocolRef;
    private final Object delivery;
    private final Object hivTests;
    private final Object artStarts;
    private final Object viralLoads;
    private final Object death;
    private final Object infantFacts;
    private final @Nullable LocalDate diagnosedOn;
    private final @Nullable LocalDate transferredOutSince;
    private final InfantInputs[] infants;

    Inputs(Facts facts, CaseState state) {
      this.enrolment = facts.enrolment();
      this.protocolRef = facts.protocol();
      this.delivery = facts.delivery();
      this.hivTests = facts.mother().hivTests();
      this.artStarts = facts.mother().artStarts();
      this.viralLoads = facts.mother().viralLoads();
      this.death = facts.mother().death();
      this.infantFacts = facts.infants();
      this.diagnosedOn = state.mother().diagnosedOn().orElse(null);
      RegionState retention = state.mother().retention();
      this.transferredOutSince = retention.state() == Retention.TRANSFERRED_OUT ? retention.since() : null;
      this.infants = new InfantInputs[state.infants().size()];
      for (int i = 0; i < infants.length; i++) {
        infants[i] = new InfantInputs(state.infants().get(i));
      }
    }

    boolean sameAs(Facts facts, CaseState state) {
      if (enrolment != facts.enrolment() || protocolRef != facts.protocol() || delivery != facts.delivery()
          || hivTests != facts.mother().hivTests() || artStarts != facts.mother().artStarts()
          || viralLoads != facts.mother().viralLoads() || death != facts.mother().death() || infantFacts != facts.infants()
          || !Objects.equals(diagnosedOn, state.mother().diagnosedOn().orElse(null))
          || infants.length != state.infants().size()) {
        return false;
      }
      RegionState retention = state.mother().retention();
      if (!Objects.equals(transferredOutSince, retention.state() == Retention.TRANSFERRED_OUT ? retention.since() : null)) {
        return false;
      }
      for (int i = 0; i < infants.length; i++) {
        if (!infants[i].equals(new InfantInputs(state.infants().get(i)))) {
          return false;
        }
      }
      return true;
    }
  }

  /** What the scheduler reads of an infant's state. */
  private record InfantInputs(InfantId infantId, PathwayState hivStatus, LocalDate statusSince, RiskClass riskClass,
      Optional<LocalDate> highRiskSince, Optional<LocalDate> prophylaxisStop) {
    InfantInputs(InfantState infant) {
      this(infant.infantId(), infant.status().state(), infant.status().since(), infant.risk().riskClass(),
          infant.risk().highRiskSince(), infant.prophylaxis().plannedStopOn());
    }
  }

  Schedule at(CaseId caseId, LocalDate asOf) {
    Milestone[] changed = null;
    for (int i = 0; i < occurrences.length; i++) {
      Milestone milestone = occurrences[i].at(asOf);
      if (milestone != asPlanned.get(i)) {
        if (changed == null) {
          changed = asPlanned.toArray(new Milestone[0]);
        }
        changed[i] = milestone;
      }
    }
    return new Schedule(caseId, asOf, changed == null ? asPlanned : ImmutableList.copyOf(changed));
  }
}
