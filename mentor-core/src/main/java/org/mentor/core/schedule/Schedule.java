package org.mentor.core.schedule;

import org.apiguardian.api.API;
import org.mentor.core.internal.InternedDates;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.lang.ref.WeakReference;
import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Timeline;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.protocol.Protocol;
import org.jspecify.annotations.Nullable;

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
@API(status = STABLE, since = "0.1")
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
    LatestPlan latest = latestPlan(facts.caseId());
    Plan plan = latest == null ? null : latest.plan;
    if (plan != null && plan.isFor(protocol, facts) && plan.holdsOn(state.asOf())) {
      return plan.at(facts.caseId(), state.asOf());
    }
    LocalDate stableFrom = stableFrom(facts, state);
    LocalDate provisionalOn = null;
    if (state.asOf().isBefore(stableFrom)) {
      if (!provisional(facts, state)) {
        // Before an event, or on the day of her diagnosis: what holds on this date is not a plan to keep.
        Schedule replanned = plan == null ? null : plan.replannedAt(protocol, facts, state, PreparedRules.of(protocol));
        return replanned != null ? replanned : compute(protocol, facts, state);
      }
      provisionalOn = state.asOf(); // a result still to come: a plan for this day only
    }
    Plan replanned = plan == null ? null : plan.replan(protocol, facts, state, stableFrom, provisionalOn, PreparedRules.of(protocol));
    plan = replanned != null ? replanned
        : new Plan(protocol, facts, state, stableFrom, provisionalOn, new Scheduler(protocol, facts, state).plans());
    if (latest == null) {
      latest = new LatestPlan(facts.caseId());
      PLANS[slotOf(facts.caseId())] = latest;
    }
    latest.plan = plan;
    return plan.at(facts.caseId(), state.asOf());
  }

  /** The schedule computed from scratch, without the memo (what {@link #of} must always equal). */
  static Schedule compute(Protocol protocol, Facts facts, CaseState state) {
    return new Schedule(facts.caseId(), state.asOf(), new Scheduler(protocol, facts, state).milestones());
  }

  /**
   * The latest plan of each case, for the facts instance it was made for. From the day after which
   * no fact of the case can change anything but the states — its last event, and the last returned
   * result — every occurrence's dates, satisfying event and ends are fixed; only the classification
   * by date remains, which {@link Plan#at} does. A due list evaluates the same unchanged cases every
   * morning; this makes that cheap. A newer version of the facts that adds events (in order or late,
   * but corrects or voids none) is planned from the older version's plan ({@link Plan#replan}): only the rules whose inputs changed are planned
   * again, and events no rule reads (an appointment kept or set, a mentor's visit) keep the plan
   * whole. A simulated pair's walk views its case after every visit it records.
   *
   * <p>A table of {@value #MEMO_CASES} entries, one plan per case, each case in the slot its id
   * instance's identity hash picks (every version of a case's facts shares that instance): a newer
   * facts version's plan replaces the older one, and a case whose slot another case takes is planned
   * from scratch when next asked. A due list evaluates the cases its index proposes (about a hundred
   * for one mentor), so nearly all stay planned from one list to the next, while a registry of
   * 10^5–10^6 cases does not keep a plan (about 1.4 KB) for every case it ever scheduled
   * (mentor-bench {@code HeapPerCase}). It was a Guava cache (weak keys, least recently used out):
   * its lookup at every view and its insertion per new case (segment lock, reference queue,
   * eviction bookkeeping) were about 3 % of a simulated pair's walk, for an order the memo does not
   * need. An entry holds its case id weakly, so a slot never keeps a dropped case's id alive.
   */
  private static final @Nullable LatestPlan[] PLANS = new LatestPlan[Schedule.MEMO_CASES];

  /** The case's entry, if its slot holds one for this very id instance. */
  private static @Nullable LatestPlan latestPlan(CaseId caseId) {
    LatestPlan entry = PLANS[slotOf(caseId)];
    return entry != null && entry.get() == caseId ? entry : null;
  }

  private static int slotOf(CaseId caseId) {
    int hash = System.identityHashCode(caseId);
    return (hash ^ (hash >>> 16)) & (MEMO_CASES - 1);
  }

  /**
   * A case's entry in {@link #PLANS}: its latest plan, replaced in place (a case viewed after each
   * recorded visit gets a new plan each time). Racing threads may each store the plan of the facts
   * they saw, or each put an entry for the case: any of them is a valid memo ({@link Plan#isFor}).
   */
  private static final class LatestPlan extends WeakReference<CaseId> {
    volatile @Nullable Plan plan;

    LatestPlan(CaseId caseId) {
      super(caseId);
    }
  }

  /** How many cases' plans the memo keeps at most (see {@link #PLANS}); a power of two. */
  static final int MEMO_CASES = 4096;

  /**
   * The first day from which no fact of the case can change anything but the states: the day of its
   * last event, or the day after the last returned result if that is later. From then on every
   * condition a rule reads is settled, except on the day of a diagnosis: "not known positive before
   * the day" differs between the day itself and the next, so a case whose mother was diagnosed on
   * its last event's day is stable from the day after.
   */
  private static LocalDate stableFrom(Facts facts, CaseState state) {
    PathwayEvent last = facts.events().isEmpty() ? null : facts.events().get(facts.events().size() - 1);
    if (last == null) {
      return LocalDate.MIN;
    }
    LocalDate lastDay = last.occurredOn();
    LocalDate stable = lastDay;
    for (ViralLoadResulted vl : facts.mother().viralLoads()) {
      if (vl.resultDate().isAfter(stable)) {
        stable = vl.resultDate();
      }
    }
    for (InfantFacts infant : facts.infants().values()) {
      for (InfantHivTested test : infant.tests()) {
        if (test.resultDate().isPresent() && test.resultDate().get().isAfter(stable)) {
          stable = test.resultDate().get();
        }
      }
    }
    if (stable.equals(lastDay) && !lastDay.equals(state.mother().diagnosedOn().orElse(null))) {
      return lastDay;
    }
    return InternedDates.plusDays(stable, 1);
  }

  /**
   * Whether a date before the case's facts are settled may have a provisional plan
   * ({@link Plan#provisionalOn}): on or after its last event, so every event is known, and not the
   * day of her diagnosis, which reads differently from the next day. Then only results returned
   * later can change what its rules read, and a plan made from it reads those again.
   */
  private static boolean provisional(Facts facts, CaseState state) {
    Timeline events = facts.events();
    return !events.isEmpty() && !state.asOf().isBefore(events.get(events.size() - 1).occurredOn())
        && !state.asOf().equals(state.mother().diagnosedOn().orElse(null));
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
