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
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PathwayState;
import org.mentor.core.pathway.RegionState;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.pathway.Timeline;
import org.mentor.core.protocol.Protocol;

/**
 * A case's memoised plan: the protocol and facts instance it was made for, the day it holds from,
 * and its occurrences in schedule order. {@link #at} only classifies the states for a date.
 *
 * <p>A provisional plan ({@link #provisionalOn}) holds on one day before its facts are settled:
 * the day a viral load is sampled, its result still to come. A simulated pair's next view plans
 * from it, rather than from the plan before the sample, which would plan the sample again.
 */
final class Plan {
  private final Protocol protocol;
  /** Weakly: the memo is keyed by the case id, which the facts hold, so a strong reference would keep both. */
  private final WeakReference<Facts> facts;
  final LocalDate stableFrom;
  /**
   * For a provisional plan, the one day its occurrences hold on (on or after its facts' last event,
   * not the day of her diagnosis, before a result is returned); null for a plan that holds from
   * {@link #stableFrom} on.
   */
  private final @Nullable LocalDate provisionalOn;
  private final Planned[] occurrences;
  /** Each occurrence's milestone as planned: the schedule on any date where no state changed. */
  private final ImmutableList<Milestone> asPlanned;

  /** What the occurrences were computed from, to recognise newer facts that would give the same ones. */
  private final Inputs inputs;

  Plan(Protocol protocol, Facts facts, CaseState state, LocalDate stableFrom, @Nullable LocalDate provisionalOn,
      Planned[] occurrences) {
    this(protocol, facts, new Inputs(facts, state), stableFrom, provisionalOn, occurrences);
  }

  private Plan(Protocol protocol, Facts facts, Inputs inputs, LocalDate stableFrom, @Nullable LocalDate provisionalOn,
      Planned[] occurrences) {
    this.protocol = protocol;
    this.facts = new WeakReference<>(facts);
    this.stableFrom = stableFrom;
    this.provisionalOn = provisionalOn;
    this.occurrences = occurrences;
    this.inputs = inputs;
    ImmutableList.Builder<Milestone> milestones = ImmutableList.builderWithExpectedSize(occurrences.length);
    for (Planned occurrence : occurrences) {
      milestones.add(occurrence.planned);
    }
    this.asPlanned = milestones.build();
  }

  /** The same occurrences over newer facts (see {@link #replan}). */
  private Plan(Plan from, Facts facts, Inputs inputs, LocalDate stableFrom, @Nullable LocalDate provisionalOn) {
    this.protocol = from.protocol;
    this.facts = new WeakReference<>(facts);
    this.stableFrom = stableFrom;
    this.provisionalOn = provisionalOn;
    this.occurrences = from.occurrences;
    this.inputs = inputs;
    this.asPlanned = from.asPlanned;
  }

  /** Whether it was made for this protocol and this very facts instance. */
  boolean isFor(Protocol protocol, Facts facts) {
    return this.protocol == protocol && this.facts.get() == facts;
  }

  /** Whether its occurrences hold on that date, for its facts. */
  boolean holdsOn(LocalDate asOf) {
    return provisionalOn == null ? !asOf.isBefore(stableFrom) : asOf.equals(provisionalOn);
  }

  /** The first day newer facts may be planned for from this plan: its occurrences hold then. */
  private LocalDate heldFrom() {
    return provisionalOn != null ? provisionalOn : stableFrom;
  }

  /**
   * The plan of newer facts of the case, from this one: the same plan when they would plan exactly
   * the same occurrences, else one where only the rules whose inputs changed are planned again
   * ({@link Scheduler#replan}); null when this plan cannot serve (another protocol, a planned
   * event corrected or voided, other infants). Newer facts that only add events no rule reads (a
   * kept appointment, the next one set, a mentor's visit) keep every occurrence; a viral load
   * result plans again the rules that read her viral loads, not the infants'. Planning every rule
   * from scratch after each event was most of a simulated pair's schedule work.
   *
   * <p>The caller has checked that the date is on or after the newer facts' {@code stableFrom}, so
   * the plan holds from then on, or gives the day it is provisional for ({@code provisionalOn}).
   */
  @Nullable Plan replan(Protocol protocol, Facts newer, CaseState state, LocalDate stableFrom,
      @Nullable LocalDate provisionalOn, PreparedRules prepared) {
    if (state.asOf().isBefore(heldFrom())) {
      return null;
    }
    Changes changes = changesTo(protocol, newer, state, prepared);
    if (changes == null) {
      return null;
    }
    Planned[] replanned = replanned(protocol, newer, state, changes);
    return replanned == occurrences ? new Plan(this, newer, changes.inputs, stableFrom, provisionalOn)
        : new Plan(protocol, newer, changes.inputs, stableFrom, provisionalOn, replanned);
  }

  /**
   * The schedule on a date before the newer facts are settled (a result still to come), from this
   * plan as {@link #replan} would make it, without keeping it; null when this plan cannot serve.
   * The date must be on or after this plan's {@link #stableFrom} (its day, for a provisional plan),
   * so the occurrences kept hold on it.
   */
  @Nullable Schedule replannedAt(Protocol protocol, Facts newer, CaseState state, PreparedRules prepared) {
    if (state.asOf().isBefore(heldFrom())) {
      return null;
    }
    Changes changes = changesTo(protocol, newer, state, prepared);
    return changes == null ? null : at(newer.caseId(), state.asOf(), replanned(protocol, newer, state, changes));
  }

  /** What changed from this plan's inputs to newer ones; null when this plan cannot serve them. */
  private @Nullable Changes changesTo(Protocol protocol, Facts newer, CaseState state, PreparedRules prepared) {
    Facts planned = facts.get();
    if (this.protocol != protocol || planned == null) {
      return null;
    }
    Timeline before = planned.events();
    Timeline after = newer.events();
    if (after.size() < before.size()) {
      return null;
    }
    int from = 0; // the first position where the timelines differ
    while (from < before.size() && after.get(from) == before.get(from)) {
      from++;
    }
    // The planned events must all still be there, in order (a correction or a void re-plans from
    // scratch); the added ones may sort among them (recorded late, or a visit recorded in two parts).
    long added = 0;
    long addedAmongPlanned = 0;
    int seen = from;
    for (int i = from; i < after.size(); i++) {
      PathwayEvent event = after.get(i);
      if (seen < before.size() && event == before.get(seen)) {
        seen++;
        continue;
      }
      if (prepared.satisfies(event.kind())) {
        added |= 1L << event.kind().ordinal();
        // Sorting before a planned event: it may meet an occurrence before the event that met it.
        addedAmongPlanned |= seen < before.size() ? 1L << event.kind().ordinal() : 0;
      }
    }
    if (seen < before.size()) {
      return null; // a planned event is gone (corrected or voided)
    }
    // A provisional plan read the results returned by its day: any returned since changes her
    // viral loads (the elevated samples) or an infant's tests (the results counted from), as read.
    int pendingMother = 0;
    int pendingInfant = 0;
    if (provisionalOn != null && state.asOf().isAfter(provisionalOn)) {
      pendingMother = viralLoadResultAfter(planned, provisionalOn) ? Reads.VIRAL_LOADS : 0;
      pendingInfant = infantResultAfter(planned, provisionalOn) ? Reads.INFANT_TESTS : 0;
    }
    return inputs.changesTo(new Inputs(newer, state), from, added, addedAmongPlanned, pendingMother, pendingInfant);
  }

  private static boolean viralLoadResultAfter(Facts facts, LocalDate day) {
    for (ViralLoadResulted vl : facts.mother().viralLoads()) {
      if (vl.resultDate().isAfter(day)) {
        return true;
      }
    }
    return false;
  }

  private static boolean infantResultAfter(Facts facts, LocalDate day) {
    for (InfantFacts infant : facts.infants().values()) {
      for (InfantHivTested test : infant.tests()) {
        if (test.resultDate().isPresent() && test.resultDate().get().isAfter(day)) {
          return true;
        }
      }
    }
    return false;
  }

  private Planned[] replanned(Protocol protocol, Facts newer, CaseState state, Changes changes) {
    return changes.none() ? occurrences : new Scheduler(protocol, newer, state).replan(occurrences, changes);
  }

  /**
   * What differs between the inputs a plan was made from and newer ones: the mother's parts, each
   * infant's (by the scheduler's subject slot: 1 for the evaluated state's first infant; every part
   * of an infant born since), both as
   * {@link Reads} bits; whether any infant's feeding changed; where the appended events start, and
   * the kinds of those that satisfy some rule (a bit per {@link EventKind} ordinal).
   */
  static final class Changes {
    final int mother;
    final int[] infant;
    final boolean anyFeeding;
    /**
     * The position in the newer timeline of the first event the plan did not see. Events from there
     * on are the added ones and, when some sort among the planned ones, planned ones too, which met
     * no occurrence the plan left unmet.
     */
    final int appendedFrom;
    private final long added;
    private final long addedAmongPlanned;
    /** The newer inputs, for the plan made from them. */
    private final Inputs inputs;

    Changes(int mother, int[] infant, boolean anyFeeding, int appendedFrom, long added, long addedAmongPlanned,
        Inputs inputs) {
      this.inputs = inputs;
      this.addedAmongPlanned = addedAmongPlanned;
      this.mother = mother;
      this.infant = infant;
      this.anyFeeding = anyFeeding;
      this.appendedFrom = appendedFrom;
      this.added = added;
    }

    boolean added(EventKind kind) {
      return (added & (1L << kind.ordinal())) != 0;
    }

    /**
     * Whether an added event of that kind sorts before a planned event: it may meet an occurrence
     * before the event that met it, so the occurrences it could meet are planned again.
     */
    boolean addedAmongPlanned(EventKind kind) {
      return (addedAmongPlanned & (1L << kind.ordinal())) != 0;
    }

    boolean none() {
      if (mother != 0 || anyFeeding || added != 0) {
        return false;
      }
      for (int changed : infant) {
        if (changed != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The facts and state a plan reads besides the events that satisfy milestones: the facts' parts
   * and the state's values, by equality (an unchanged part is usually the same instance from one
   * version to the next, which equality sees at once; facts folded again hold equal copies). Which parts: every read of {@link Scheduler} and {@link CaseAnchors}.
   */
  private static final class Inputs {
    private final Object enrolment;
    private final Object protocolRef;
    private final Object delivery;
    private final Object hivTests;
    private final Object artStarts;
    private final Object viralLoads;
    private final Object death;
    private final @Nullable LocalDate diagnosedOn;
    private final @Nullable LocalDate transferredOutSince;
    /** Each evaluated infant's, in the state's order (the scheduler's subject slots). */
    private final InfantInputs[] infants;
    /** Every infant's feeding in the facts, born by the date or not (a mother's rule asks whether any breastfeeds). */
    private final Object[] feeding;

    Inputs(Facts facts, CaseState state) {
      this.enrolment = facts.enrolment();
      this.protocolRef = facts.protocol();
      this.delivery = facts.delivery();
      this.hivTests = facts.mother().hivTests();
      this.artStarts = facts.mother().artStarts();
      this.viralLoads = facts.mother().viralLoads();
      this.death = facts.mother().death();
      this.diagnosedOn = state.mother().diagnosedOn().orElse(null);
      this.transferredOutSince = transferredOutSince(state);
      this.infants = new InfantInputs[state.infants().size()];
      for (int i = 0; i < infants.length; i++) {
        InfantState infant = state.infants().get(i);
        infants[i] = InfantInputs.of(infant, facts.infants().get(infant.infantId()));
      }
      this.feeding = feeding(facts);
    }

    private static Object[] feeding(Facts facts) {
      Object[] feeding = new Object[facts.infants().size()];
      int i = 0;
      for (InfantFacts infant : facts.infants().values()) {
        feeding[i++] = infant.feeding();
      }
      return feeding;
    }

    private static @Nullable LocalDate transferredOutSince(CaseState state) {
      RegionState retention = state.mother().retention();
      return retention.state() == Retention.TRANSFERRED_OUT ? retention.since() : null;
    }

    /**
     * What differs in newer inputs; null when they are another shape (another protocol, infants
     * other than these followed by any newly born).
     */
    @Nullable Changes changesTo(Inputs now, int appendedFrom, long added, long addedAmongPlanned, int pendingMother,
        int pendingInfant) {
      if (!protocolRef.equals(now.protocolRef) || now.infants.length < infants.length) {
        return null;
      }
      int mother = pendingMother;
      mother |= !Objects.equals(enrolment, now.enrolment) ? Reads.ENROLMENT : 0;
      mother |= !Objects.equals(delivery, now.delivery) ? Reads.DELIVERY : 0;
      mother |= !Objects.equals(hivTests, now.hivTests) ? Reads.HIV_TESTS : 0;
      mother |= !Objects.equals(artStarts, now.artStarts) ? Reads.ART_STARTS : 0;
      mother |= !Objects.equals(viralLoads, now.viralLoads) ? Reads.VIRAL_LOADS : 0;
      mother |= !Objects.equals(death, now.death) ? Reads.DEATH : 0;
      mother |= !Objects.equals(diagnosedOn, now.diagnosedOn) ? Reads.DIAGNOSIS : 0;
      mother |= !Objects.equals(transferredOutSince, now.transferredOutSince) ? Reads.TRANSFER : 0;
      int[] infant = new int[1 + now.infants.length];
      for (int i = 0; i < now.infants.length; i++) {
        if (!now.infants[i].hasFacts() || (i < infants.length
            && (!now.infants[i].infantId.equals(infants[i].infantId) || !infants[i].hasFacts()))) {
          return null; // other infants, or one the scheduler reads as no infant
        }
        infant[1 + i] = i < infants.length ? infants[i].changesTo(now.infants[i]) | pendingInfant : Reads.INFANT_ALL; // newly born
      }
      boolean anyFeeding = feeding.length != now.feeding.length;
      for (int i = 0; i < feeding.length && !anyFeeding; i++) {
        anyFeeding = !Objects.equals(feeding[i], now.feeding[i]);
      }
      return new Changes(mother, infant, anyFeeding, appendedFrom, added, addedAmongPlanned, now);
    }
  }

  /**
   * What the scheduler reads of an infant: its facts' parts by identity, its state's values. Of the
   * status, only a status that ends milestones (and since when) is read: the others (exposed,
   * inconclusive, presumptive positive, lost) end none.
   */
  private record InfantInputs(InfantId infantId, @Nullable Object birth, @Nullable LocalDate bornOn, @Nullable Object tests, @Nullable Object feeding,
      @Nullable PathwayState endingStatus, @Nullable LocalDate endingSince, RiskClass riskClass,
      Optional<LocalDate> highRiskSince, Optional<LocalDate> prophylaxisEnd) {

    static InfantInputs of(InfantState infant, @Nullable InfantFacts facts) {
      InfantStatus status = infant.hivStatus();
      boolean ending = status == InfantStatus.HIV_POSITIVE || status == InfantStatus.HIV_NEGATIVE
          || status == InfantStatus.DIED || status == InfantStatus.TRANSFERRED_OUT;
      return new InfantInputs(infant.infantId(), facts == null ? null : facts.birth(), facts == null ? null : facts.bornOn(),
          facts == null ? null : facts.tests(),
          facts == null ? null : facts.feeding(), ending ? status : null, ending ? infant.status().since() : null,
          infant.risk().riskClass(), infant.risk().highRiskSince(), infant.prophylaxis().plannedStopOn());
    }

    boolean hasFacts() {
      return birth != null;
    }

    /** The {@link Reads} bits of what differs in newer inputs of the same infant. */
    int changesTo(InfantInputs now) {
      int changed = 0;
      changed |= !Objects.equals(birth, now.birth) || !Objects.equals(bornOn, now.bornOn) ? Reads.INFANT_BIRTH : 0;
      changed |= !Objects.equals(tests, now.tests) ? Reads.INFANT_TESTS : 0;
      changed |= !Objects.equals(feeding, now.feeding) ? Reads.INFANT_FEEDING : 0;
      changed |= endingStatus != now.endingStatus || !Objects.equals(endingSince, now.endingSince) ? Reads.INFANT_ENDING_STATUS : 0;
      changed |= riskClass != now.riskClass || !highRiskSince.equals(now.highRiskSince) ? Reads.INFANT_RISK : 0;
      changed |= !prophylaxisEnd.equals(now.prophylaxisEnd) ? Reads.INFANT_PROPHYLAXIS_END : 0;
      return changed;
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

  /** Occurrences not kept as a plan, classified on a date. */
  private static Schedule at(CaseId caseId, LocalDate asOf, Planned[] occurrences) {
    ImmutableList.Builder<Milestone> milestones = ImmutableList.builderWithExpectedSize(occurrences.length);
    for (Planned occurrence : occurrences) {
      milestones.add(occurrence.at(asOf));
    }
    return new Schedule(caseId, asOf, milestones.build());
  }
}
