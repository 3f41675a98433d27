package org.mentor.core.schedule;

import org.mentor.core.internal.InternedDates;
import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RegionState;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.pathway.Timeline;
import org.mentor.core.protocol.Anchor;
import org.mentor.core.protocol.Condition;
import org.mentor.core.protocol.DueRule;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Term;
import org.mentor.core.schedule.PreparedRules.InfantKeys;
import org.mentor.core.schedule.PreparedRules.Rule;

/**
 * Computes a schedule: reads the protocol's milestone rules as data ({@link PreparedRules}) and the
 * case's facts and evaluated state. Rules are judged in two passes because two conditions look at
 * other milestones ({@code laterThanMilestone}, {@code pregnancyViralLoadSuperseded}); a first step
 * finds where the windows that close other milestones ({@code closes.whenWindowOpens}) open.
 *
 * <p>One instance per computation. The first schedule after every new event pays for all of this
 * (issue 4's benchmark), so it is written to allocate little besides the milestones it returns:
 * subjects are small indexes (slot 0 the mother, then each infant of the state), one scratch
 * {@link Candidate} is refilled for every occurrence tried, and dates come from {@link InternedDates}.
 */
final class Scheduler {
  private final PreparedRules prepared;
  private final Protocol protocol;
  private final Facts facts;
  private final CaseState state;
  private final LocalDate asOf;
  private final CaseAnchors anchors;
  private final boolean onArtAtEnrolment;
  private final boolean artStartedInEpisode;

  /** By slot: 0 is the mother (no infant), i ≥ 1 the evaluated state's i-th infant. */
  private final Subject[] subjects;

  /** The effective events on or before the date of a kind some rule is satisfied by, in fold order. */
  private PathwayEvent[] satisfiers = new PathwayEvent[8];
  /** Their kinds (asked once: {@code kind()} is a call on one of thirty event types). */
  private EventKind[] satisfierKinds = new EventKind[8];
  private int satisfierCount;
  /** Whether they are listed yet: a plan made from an older one may not need them. */
  private boolean satisfiersListed;

  /** Per window target and subject slot: the earliest window of that milestone that applies. */
  private final @Nullable LocalDate[] windowOpens;

  private final Candidate candidate = new Candidate();
  private Planned[] planned = new Planned[8];
  private int plannedCount;
  /** Whether a milestone planned so far is cancelled as superseded at delivery. */
  private boolean supersededAtDelivery;

  /** Whom a milestone concerns, as the rules read it: the mother (no infant) or one infant. */
  private static final class Subject {
    static final Subject MOTHER = new Subject(null, null, Optional.empty(), null);

    final @Nullable InfantFacts infant;
    final @Nullable InfantState state;
    /** As a milestone shows it: empty for the mother. */
    final Optional<InfantId> id;
    final @Nullable InfantKeys keys;

    Subject(@Nullable InfantFacts infant, @Nullable InfantState state, Optional<InfantId> id, @Nullable InfantKeys keys) {
      this.infant = infant;
      this.state = state;
      this.id = id;
      this.keys = keys;
    }
  }

  /** The occurrence being tried (one instance, refilled for each). */
  private static final class Candidate {
    Rule rule;
    int slot;
    Subject subject;
    @Nullable InfantFacts infant;
    int occurrence;
    LocalDate anchorDate;
    @Nullable LocalDate nextAnchor;
    /** Due before the infant's exposure was known, and caught up to the registration. */
    boolean registeredLate;
    LocalDate windowStart;
    LocalDate due;
    Optional<LocalDate> overdue;
    @Nullable LocalDate close;
  }

  Scheduler(Protocol protocol, Facts facts, CaseState state) {
    this.prepared = PreparedRules.of(protocol);
    this.protocol = protocol;
    this.facts = facts;
    this.state = state;
    this.asOf = state.asOf();
    this.anchors = new CaseAnchors(facts, state, prepared.suppressedBelow);
    LocalDate art = anchors.artStart;
    LocalDate enrolled = anchors.enrolledOn;
    this.onArtAtEnrolment = art != null && enrolled != null && art.isBefore(enrolled);
    LocalDate episodeStart = anchors.lmp != null ? anchors.lmp : enrolled;
    this.artStartedInEpisode = art != null && episodeStart != null && !art.isBefore(episodeStart);

    this.subjects = new Subject[1 + state.infants().size()];
    subjects[0] = Subject.MOTHER;
    for (int s = 1; s < subjects.length; s++) {
      InfantState infant = state.infants().get(s - 1);
      InfantFacts infantFacts = facts.infants().get(infant.infantId());
      // An infant of the state with no facts is read as no infant, like the mother (as the rules always have).
      subjects[s] = infantFacts == null ? Subject.MOTHER
          : new Subject(infantFacts, infant, Optional.of(infantFacts.infantId()), prepared.keysOf(infantFacts.infantId()));
    }
    this.windowOpens = new LocalDate[prepared.windowTargets * subjects.length];
  }

  /** The milestones that apply, as of the evaluation date, by due date then key. */
  ImmutableList<Milestone> milestones() {
    schedule();
    ImmutableList.Builder<Milestone> milestones = ImmutableList.builderWithExpectedSize(plannedCount);
    for (int i = 0; i < plannedCount; i++) {
      milestones.add(planned[i].planned);
    }
    return milestones.build();
  }

  /** The plans of the occurrences that apply, in schedule order (due date, then key). */
  Planned[] plans() {
    schedule();
    return plannedCount == planned.length ? planned : Arrays.copyOf(planned, plannedCount);
  }

  private void schedule() {
    ImmutableList<Rule> rules = prepared.rules;
    // "Closes when that milestone's window opens": the earliest applying window of that rule, per subject.
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).windowTarget >= 0) {
        forEachCandidate(rules.get(r), false);
      }
    }
    // Pass 1: rules that do not look at other milestones; pass 2: rules that do.
    for (int r = 0; r < rules.size(); r++) {
      if (!rules.get(r).secondPass) {
        forEachCandidate(rules.get(r), true);
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).secondPass) {
        forEachCandidate(rules.get(r), true);
      }
    }
    sort();
  }

  /**
   * The occurrences over newer facts than an older plan's, planning again only what the changes
   * touch ({@link Plan#replan}). Per rule and subject: a rule that reads a changed part is planned
   * again, except that a family rule that reads it only through its family's dates (a viral load
   * added to her samples) keeps the occurrences whose date and next date are unchanged; one that
   * only is satisfied by an appended event's kind keeps its occurrences; kept occurrences not yet
   * met are checked against the appended events; the rest are kept as they are. A rule
   * closing on another's window is planned again with it; a rule that reads other milestones (the
   * second pass) is planned again also when the milestones it must come after were, or when the
   * superseded-at-delivery flag it reads may differ. Returns {@code old} itself when nothing
   * changes. The caller has checked that the subjects are the same infants in the same order,
   * each with its facts, and that the events the plan saw are all still there, in order, with the
   * added ones after them or among them (recorded late); a rule satisfied by an event added among
   * them is planned again, as it may be met sooner.
   */
  Planned[] replan(Planned[] old, Plan.Changes changes) {
    ImmutableList<Rule> rules = prepared.rules;
    int n = subjects.length;
    byte[] touched = new byte[rules.size() * n];
    boolean any = false;
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      boolean satisfiable = changes.added(rule.satisfiedBy);
      boolean metSooner = changes.addedAmongPlanned(rule.satisfiedBy);
      for (int s = firstSlot(rule); s < endSlot(rule); s++) {
        int changed = changes.mother | (rule.forInfant ? changes.infant[s] : 0);
        boolean feeding = rule.readsEveryInfant && changes.anyFeeding;
        boolean replan = (rule.reads & changed) != 0 || feeding || metSooner;
        boolean familyOnly = replan && rule.family && !rule.secondPass && !feeding && !metSooner
            && (rule.readsBesidesAnchor & changed) == 0;
        touched[r * n + s] = familyOnly ? FAMILY : replan ? REPLAN : satisfiable ? RECHECK : KEEP;
        any |= replan || satisfiable;
      }
    }
    if (!any) {
      return old;
    }
    // Where another milestone's window opens depends only on that milestone's own rules.
    boolean[] targetReplanned = new boolean[prepared.windowTargets * n];
    for (int r : prepared.windowTargetRules) {
      for (int s = 0; s < n; s++) {
        targetReplanned[rules.get(r).windowTarget * n + s] |= touched[r * n + s] >= REPLAN;
      }
    }
    boolean windowsNeeded = false;
    for (int r : prepared.closingRules) {
      Rule rule = rules.get(r);
      for (int s = 0; s < n; s++) {
        if (targetReplanned[rule.closesWhenWindowOpens * n + s]) {
          touched[r * n + s] = REPLAN;
        }
        windowsNeeded |= touched[r * n + s] >= REPLAN || rule.secondPass;
      }
    }
    if (windowsNeeded) {
      for (int r : prepared.windowTargetRules) {
        forEachCandidate(rules.get(r), false);
      }
    }
    // Pass 1: keep, recheck or plan again; whether the flag the second pass reads changes. A family
    // rule's occurrence whose date and next date are unchanged is kept here too, so the kept
    // occurrences stay in schedule order and only the new ones are sorted in; its rule notes it.
    boolean supersededBefore = false;
    long[] familyKept = null;
    for (Planned kept : old) {
      Rule rule = rules.get(kept.ruleIndex);
      if (rule.secondPass) {
        continue;
      }
      supersededBefore |= rule.supersededAtDelivery && supersededAtDelivery(kept);
      byte how = touched[kept.ruleIndex * n + kept.slot];
      if (how < REPLAN) {
        keep(kept, rule, kept.slot, how, changes.appendedFrom);
      } else if (how == FAMILY && kept.occurrence <= Long.SIZE && unchangedInFamily(kept, rule)) {
        keep(kept, rule, kept.slot, changes.added(rule.satisfiedBy) ? RECHECK : KEEP, changes.appendedFrom);
        if (familyKept == null) {
          familyKept = new long[rules.size() * n];
        }
        familyKept[kept.ruleIndex * n + kept.slot] |= 1L << (kept.occurrence - 1);
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.secondPass) {
        continue;
      }
      for (int s = firstSlot(rule); s < endSlot(rule); s++) {
        if (touched[r * n + s] == REPLAN) {
          candidates(rule, s, true);
        } else if (touched[r * n + s] == FAMILY) {
          familyCandidates(rule, s, familyKept == null ? 0 : familyKept[r * n + s]);
        }
      }
    }
    // Pass 2, in the rules' order as a full schedule: a rule is planned again when its own inputs
    // changed, when the milestones it must come after were planned again, or when the flag it reads
    // may differ.
    boolean flagChanged = supersededAtDelivery != supersededBefore;
    boolean[] groupReplanned = new boolean[rules.size() * n];
    for (int r : prepared.followedRules) {
      for (int s = 0; s < n; s++) {
        groupReplanned[rules.get(r).group * n + s] |= touched[r * n + s] >= REPLAN;
      }
    }
    for (int r : prepared.secondPassRules) {
      Rule rule = rules.get(r);
      boolean readsFlag = rule.when.pregnancyViralLoadSuperseded().isPresent();
      for (int s = firstSlot(rule); s < endSlot(rule); s++) {
        boolean after = rule.laterThanGroup >= 0 && groupReplanned[rule.laterThanGroup * n + s];
        if (after || (readsFlag && flagChanged)) {
          touched[r * n + s] = REPLAN;
        }
        byte how = touched[r * n + s];
        boolean flag = supersededAtDelivery;
        if (how == REPLAN) {
          candidates(rule, s, true);
          groupReplanned[rule.group * n + s] = true;
        } else {
          for (Planned kept : old) {
            if (kept.ruleIndex == r && kept.slot == s) {
              keep(kept, rule, s, how, changes.appendedFrom);
            }
          }
        }
        // What this rule's occurrences do to the flag may differ from before only if they changed.
        flagChanged |= how != KEEP && flag != supersededAtDelivery;
        flagChanged |= how == REPLAN && rule.supersededAtDelivery;
      }
    }
    sort();
    return plannedCount == planned.length ? planned : Arrays.copyOf(planned, plannedCount);
  }

  /** Adds an occurrence of the older plan, met by an appended event if it is to be rechecked. */
  private void keep(Planned kept, Rule rule, int slot, byte how, int appendedFrom) {
    Planned plan = how == RECHECK && kept.planned.satisfiedBy().isEmpty()
        ? satisfiedByAppended(kept, rule, slot, appendedFrom) : kept;
    add(plan);
    supersededAtDelivery |= rule.supersededAtDelivery && supersededAtDelivery(plan);
  }

  /** Whether an occurrence is cancelled as superseded at delivery on the evaluation date (as {@link #plan} notes it). */
  private boolean supersededAtDelivery(Planned plan) {
    Optional<CancelReason> reason = plan.at(asOf).cancelReason();
    return reason.isPresent() && reason.get() == CancelReason.SUPERSEDED_AT_DELIVERY;
  }

  private static final byte KEEP = 0;
  /** Kept, but an appended event may meet it. */
  private static final byte RECHECK = 1;
  private static final byte REPLAN = 2;
  /** Planned again for the family's dates that changed ({@link #familyCandidates}); the rest kept. */
  private static final byte FAMILY = 3;

  /**
   * An occurrence not met in the older plan, met by the first appended event that satisfies it, or
   * as it was. The events the plan saw did not meet it (those read again from {@code appendedFrom}
   * included), and added ones of its kind come after them in fold order (else it is planned again),
   * so the first match is the earliest match.
   */
  private Planned satisfiedByAppended(Planned occurrence, Rule rule, int slot, int appendedFrom) {
    Timeline events = facts.events();
    InfantId infantId = subjects[slot].infant == null ? null : subjects[slot].infant.infantId();
    Optional<String> expected = occurrence.planned.expectedTest();
    InfantTestType testType = expected.isPresent() ? InfantTestType.valueOf(expected.get()) : null;
    for (int i = appendedFrom; i < events.size(); i++) {
      PathwayEvent event = events.get(i);
      if (event.occurredOn().isAfter(asOf)) {
        break; // in date order: the rest are later still
      }
      if (event.kind() == rule.satisfiedBy && occurrence.admits(event.occurredOn()) && about(event, infantId, testType)) {
        return occurrence.satisfiedBy(event.id(), event.occurredOn(), asOf);
      }
    }
    return occurrence;
  }

  /** The subject slots a rule is tried for: the mother's (0), or each infant's (1 on). */
  private static int firstSlot(Rule rule) {
    return rule.forInfant ? 1 : 0;
  }

  private int endSlot(Rule rule) {
    return rule.forInfant ? subjects.length : 1;
  }

  /** Tries every occurrence of a rule, subject by subject, then plans it, or only notes where its window opens. */
  private void forEachCandidate(Rule rule, boolean plan) {
    for (int s = firstSlot(rule); s < endSlot(rule); s++) {
      candidates(rule, s, plan);
    }
  }

  /** Tries every occurrence of a rule for one subject. */
  private void candidates(Rule rule, int s, boolean plan) {
    Anchor anchor = rule.rule.anchor();
    int slot = subjects[s] == Subject.MOTHER ? 0 : s;
    LocalDate[] family = rule.family ? anchors.family(anchor) : CaseAnchors.NONE;
    LocalDate single = rule.family ? null : anchors.date(anchor, subjects[slot].infant, subjects[slot].state);
    int count = rule.family ? family.length : single == null ? 0 : 1;
    for (int i = 0; i < count; i++) {
      LocalDate anchorDate = rule.family ? family[i] : single;
      LocalDate next = rule.family ? anchors.next(anchor, family, i) : null;
      candidate(rule, slot, anchorDate, next, i + 1, plan);
    }
  }

  /**
   * Whether a family rule's older occurrence counts from the same date, with the same next date,
   * in the newer family: the rule reads nothing else that changed (else it is planned again
   * whole), so it is the occurrence the rule would plan. (A date changes in place only through an
   * event sorting among the planned ones, which plans the rule again instead; the date is compared
   * all the same.)
   */
  private boolean unchangedInFamily(Planned kept, Rule rule) {
    Anchor anchor = rule.rule.anchor();
    LocalDate[] family = anchors.family(anchor);
    int at = kept.occurrence - 1;
    return at < family.length && kept.planned.why().anchorDate().equals(family[at])
        && Objects.equals(kept.nextAnchor, anchors.next(anchor, family, at));
  }

  /**
   * Plans a family rule again for one subject when only its family's dates changed (a viral load
   * added to her samples): every date but those whose older occurrence was kept ({@code kept}, a
   * bit per date, see {@link #unchangedInFamily}) is tried as {@link #candidates} tries it.
   */
  private void familyCandidates(Rule rule, int slot, long kept) {
    Anchor anchor = rule.rule.anchor();
    LocalDate[] family = anchors.family(anchor);
    for (int i = 0; i < family.length; i++) {
      if (i < Long.SIZE && (kept & (1L << i)) != 0) {
        continue;
      }
      candidate(rule, slot, family[i], anchors.next(anchor, family, i), i + 1, true);
    }
  }

  /** Tries one occurrence of a rule: plans it, or only notes where its window opens. */
  private void candidate(Rule rule, int slot, LocalDate anchorDate, @Nullable LocalDate next, int occurrence, boolean plan) {
    if (!create(rule, slot, anchorDate, next, occurrence) || !appliesFirst(candidate)) {
      return;
    }
    dateWindow(candidate);
    if (!plan) {
      int at = rule.windowTarget * subjects.length + slot;
      if (windowOpens[at] == null || candidate.windowStart.isBefore(windowOpens[at])) {
        windowOpens[at] = candidate.windowStart;
      }
    } else if (!rule.secondPass || appliesSecond(candidate)) {
      add(plan(candidate));
    }
  }

  /**
   * Fills the scratch candidate with one occurrence's due date; false when it has none or is not
   * created. Its other dates wait for {@link #dateWindow} (most candidates that fail fail on the
   * conditions, which read only the due date).
   */
  private boolean create(Rule r, int slot, LocalDate anchorDate, @Nullable LocalDate next, int occurrence) {
    MilestoneRule rule = r.rule;
    InfantFacts infant = subjects[slot].infant;
    LocalDate due = due(rule.due(), rule.anchor(), anchorDate, slot);
    if (due == null) {
      return false;
    }
    boolean registeredLate = false;
    if (infant != null) {
      LocalDate registration = anchors.registration(infant);
      if (registration.isAfter(infant.bornOn()) && due.isBefore(registration)) {
        if (!rule.catchUpOnLateRegistration()) {
          return false; // exposure was unknown when it fell due (scenarios.md S8 step 4)
        }
        registeredLate = true;
        due = registration;
      }
    }
    Candidate c = candidate;
    c.rule = r;
    c.slot = slot;
    c.subject = subjects[slot];
    c.infant = infant;
    c.occurrence = occurrence;
    c.anchorDate = anchorDate;
    c.nextAnchor = next;
    c.due = due;
    c.registeredLate = registeredLate;
    return true;
  }

  /** Fills in the candidate's window, overdue and closing dates. */
  private void dateWindow(Candidate c) {
    Rule r = c.rule;
    MilestoneRule rule = r.rule;
    if (c.registeredLate) {
      c.windowStart = c.due; // caught up: due and open from the registration
    } else {
      LocalDate windowStart = rule.windowOpens().isPresent()
          ? termDate(rule.windowOpens().get(), rule.anchor(), c.anchorDate, c.slot) : null;
      if (windowStart == null) {
        windowStart = InternedDates.minus(c.due, rule.windowLead());
      }
      // A window term can fall after a due date that moved earlier (the retest is due at delivery
      // when delivery comes first): the window then opens on the due date.
      c.windowStart = windowStart.isAfter(c.due) ? c.due : windowStart;
    }
    c.overdue = r.overdueAfterDue == null ? Optional.empty() : InternedDates.plusAsOptional(c.due, r.overdueAfterDue);
    if (r.closesWhenWindowOpens >= 0) {
      c.close = windowOpens[r.closesWhenWindowOpens * subjects.length + c.slot];
    } else if (r.closesAt != null) {
      c.close = termDate(r.closesAt, rule.anchor(), c.anchorDate, c.slot);
    } else if (r.closesAtNextAnchor && c.nextAnchor != null) {
      c.close = InternedDates.plusDays(c.nextAnchor, 1); // the next anchor itself may satisfy it
    } else {
      c.close = null;
    }
  }

  /** The due date: the single term's date, or the later or earlier of the terms that have one. */
  private @Nullable LocalDate due(DueRule rule, Anchor own, LocalDate anchorDate, int slot) {
    LocalDate chosen = null;
    int found = 0;
    for (int t = 0; t < rule.terms().size(); t++) {
      LocalDate date = termDate(rule.terms().get(t), own, anchorDate, slot);
      if (date == null) {
        continue;
      }
      found++;
      if (chosen == null
          || (rule.combine() == DueRule.Combine.LATEST_OF && date.isAfter(chosen))
          || (rule.combine() == DueRule.Combine.EARLIEST_OF && date.isBefore(chosen))) {
        chosen = date;
      }
    }
    return rule.combine() == DueRule.Combine.SINGLE && found != 1 ? null : chosen;
  }

  /** A term's date: from this occurrence's anchor date, or from another anchor's (latest) date. */
  private @Nullable LocalDate termDate(Term term, Anchor own, LocalDate anchorDate, int slot) {
    LocalDate from = term.anchor() == own ? anchorDate : anchors.date(term.anchor(), subjects[slot].infant, subjects[slot].state);
    return from == null ? null : InternedDates.plus(from, term.offset());
  }

  /** Whether a candidate's rule applies, judged on the earlier of its due date and the evaluation date. */
  private boolean appliesFirst(Candidate c) {
    Condition when = c.rule.when;
    LocalDate on = c.due.isBefore(asOf) ? c.due : asOf;
    LocalDate diagnosed = anchors.diagnosedOn;
    if (when.maternalStatusPositive().isPresent()) {
      // Positive: known by that day. Not positive: not known before it (a test that day may be the one due).
      boolean holds = when.maternalStatusPositive().get()
          ? diagnosed != null && !diagnosed.isAfter(on)
          : diagnosed == null || !diagnosed.isBefore(on);
      if (!holds) {
        return false;
      }
    }
    if (when.onArtAtEnrolment().isPresent() && when.onArtAtEnrolment().get() != onArtAtEnrolment) {
      return false;
    }
    if (when.artStartedInEpisode().isPresent() && when.artStartedInEpisode().get() != artStartedInEpisode) {
      return false;
    }
    if (when.artStartedBeforeGestationalWeek().isPresent()) {
      LocalDate art = anchors.artStart;
      LocalDate lmp = anchors.lmp;
      long week = when.artStartedBeforeGestationalWeek().get();
      // As day numbers: ART started before LMP + 7 × week.
      if (art == null || lmp == null || art.toEpochDay() >= lmp.toEpochDay() + 7 * week) {
        return false;
      }
    }
    if (when.delivered().isPresent() && when.delivered().get() != (anchors.delivery != null && !anchors.delivery.isAfter(on))) {
      return false;
    }
    if (when.breastfeeding().isPresent() && when.breastfeeding().get() != breastfeeding(c.infant, on)) {
      return false;
    }
    if (when.everBreastfed().isPresent() && when.everBreastfed().get() != everBreastfed(c.infant, on)) {
      return false;
    }
    if (when.highRisk().isPresent()) {
      InfantState infant = c.subject.state;
      boolean high = infant != null && infant.risk().riskClass() == RiskClass.HIGH;
      if (high != when.highRisk().get()) {
        return false;
      }
    }
    return true;
  }

  /** The conditions that read the milestones planned so far. */
  private boolean appliesSecond(Candidate c) {
    Condition when = c.rule.when;
    if (c.rule.laterThanGroup >= 0) {
      Optional<InfantId> subject = c.subject.id;
      LocalDate otherDue = null;
      for (int p = 0; p < plannedCount; p++) {
        Milestone other = planned[p].planned;
        if (prepared.rules.get(planned[p].ruleIndex).group == c.rule.laterThanGroup && other.infantId().equals(subject)
            && (otherDue == null || other.due().isBefore(otherDue))) {
          otherDue = other.due();
        }
      }
      if (otherDue != null && !c.due.isAfter(otherDue)) {
        return false;
      }
    }
    return when.pregnancyViralLoadSuperseded().isEmpty() || when.pregnancyViralLoadSuperseded().get() == supersededAtDelivery;
  }

  /** For an infant: that infant; for the mother: any live infant. An infant with no feeding record counts as breastfed. */
  private boolean breastfeeding(@Nullable InfantFacts infant, LocalDate on) {
    if (infant != null) {
      return infant.feedingOn(on).map(m -> m.isBreastfeeding()).orElse(true);
    }
    for (InfantFacts any : facts.infants().values()) {
      if (any.feedingOn(on).map(m -> m.isBreastfeeding()).orElse(true)) {
        return true;
      }
    }
    return false;
  }

  private boolean everBreastfed(@Nullable InfantFacts infant, LocalDate on) {
    if (infant != null) {
      return infant.feedingOn(on).isEmpty() || infant.everBreastfedBy(on);
    }
    for (InfantFacts any : facts.infants().values()) {
      if (any.feedingOn(on).isEmpty() || any.everBreastfedBy(on)) {
        return true;
      }
    }
    return false;
  }

  /** Everything about an occurrence that does not depend on the evaluation date (once it is past the case's last fact). */
  private Planned plan(Candidate c) {
    Rule r = c.rule;
    MilestoneRule rule = r.rule;
    Optional<String> expectedTest = expectedTest(c);
    // What ends the milestone other than being met: a cancellation, a close, a final negative status.
    LocalDate cancelOn = null;
    CancelReason reason = null;
    for (CancelReason cancel : r.cancelledBy) {
      LocalDate on = cancelDate(cancel, c);
      if (on != null && (cancelOn == null || on.isBefore(cancelOn))) {
        cancelOn = on;
        reason = cancel;
      }
    }
    if (r.closesAtNextAnchor && c.nextAnchor != null && c.nextAnchor.isBefore(c.windowStart)
        && (cancelOn == null || !cancelOn.isBefore(c.nextAnchor))) {
      cancelOn = c.nextAnchor;
      reason = CancelReason.SUPERSEDED;
    }
    LocalDate finalNegative = since(c.subject.state, InfantStatus.HIV_NEGATIVE);
    PathwayEvent satisfying = satisfying(c, expectedTest, cancelOn);
    LocalDate closedOn = r.closesAtNextAnchor ? null : c.close;
    Why why = new Why(protocol.ref(), rule.id(), rule.anchor(), c.anchorDate, rule.due(), rule.source());
    InfantKeys keys = c.subject.keys;
    String key = keys != null ? keys.key(r, c.occurrence) : r.family ? r.familyKey(c.occurrence) : rule.id();
    Planned plan = new Planned(r.index, key, rule.id(), c.subject.id, c.windowStart, c.due, c.overdue, closedOn,
        satisfying == null ? null : satisfying.id(), satisfying == null ? null : satisfying.occurredOn(), cancelOn, reason,
        finalNegative, expectedTest, why, asOf, c.close, c.occurrence, c.nextAnchor, c.slot);
    if (plan.planned.cancelReason().isPresent() && plan.planned.cancelReason().get() == CancelReason.SUPERSEDED_AT_DELIVERY) {
      supersededAtDelivery = true;
    }
    return plan;
  }

  private Optional<String> expectedTest(Candidate c) {
    String type = c.rule.testType;
    if (type == null) {
      return Optional.empty();
    }
    if (type.equals("AGE_APPROPRIATE") && c.infant != null) {
      boolean adult = !c.due.isBefore(InternedDates.plus(c.infant.bornOn(), prepared.finalTestAge));
      type = adult ? "ANTIBODY" : "NAT";
    }
    return Rule.expectedTest(type);
  }

  private @Nullable LocalDate cancelDate(CancelReason reason, Candidate c) {
    InfantState infant = c.subject.state;
    return switch (reason) {
      case CONFIRMED_POSITIVE -> since(infant, InfantStatus.HIV_POSITIVE);
      case DIED -> {
        if (c.infant != null) {
          yield since(infant, InfantStatus.DIED);
        }
        PathwayEvent died = facts.mother().death().orElse(null);
        yield died != null && !died.occurredOn().isAfter(asOf) ? died.occurredOn() : null;
      }
      case TRANSFERRED_OUT -> {
        if (c.infant != null) {
          yield since(infant, InfantStatus.TRANSFERRED_OUT);
        }
        RegionState retention = state.mother().retention();
        yield retention.state() == Retention.TRANSFERRED_OUT ? retention.since() : null;
      }
      case SUPERSEDED_AT_DELIVERY -> anchors.delivery != null && !c.anchorDate.isAfter(anchors.delivery) ? anchors.delivery : null;
      case SUPERSEDED -> null;
    };
  }

  /** The day the infant reached that status, if it has. */
  private static @Nullable LocalDate since(@Nullable InfantState infant, InfantStatus status) {
    return infant != null && infant.hivStatus() == status ? infant.status().since() : null;
  }

  /** The earliest event in the window that satisfies the rule, on or before the evaluation date and any cancellation. */
  private @Nullable PathwayEvent satisfying(Candidate c, Optional<String> expectedTest, @Nullable LocalDate cancelOn) {
    InfantTestType testType = expectedTest.isPresent() ? InfantTestType.valueOf(expectedTest.get()) : null;
    InfantId infantId = c.infant == null ? null : c.infant.infantId();
    listSatisfiers();
    for (int i = 0; i < satisfierCount; i++) {
      if (satisfierKinds[i] != c.rule.satisfiedBy) {
        continue;
      }
      PathwayEvent event = satisfiers[i];
      LocalDate on = event.occurredOn();
      if (on.isBefore(c.windowStart)
          || (c.close != null && !on.isBefore(c.close)) || (cancelOn != null && on.isAfter(cancelOn))) {
        continue;
      }
      if (about(event, infantId, testType)) {
        return event;
      }
    }
    return null;
  }

  /** Whether an event of the satisfying kind is about the occurrence's infant (if any) and is its test type (if any). */
  private static boolean about(PathwayEvent event, @Nullable InfantId infantId, @Nullable InfantTestType testType) {
    if (infantId != null) {
      Optional<InfantId> about = event.aboutInfant();
      if (about.isEmpty() || !about.get().equals(infantId)) {
        return false;
      }
    }
    return !(event instanceof InfantHivTested test && testType != null && test.testType() != testType);
  }

  private void listSatisfiers() {
    if (satisfiersListed) {
      return;
    }
    satisfiersListed = true;
    Timeline events = facts.events();
    int seen = events.size();
    if (seen > 0 && events.get(seen - 1).occurredOn().isAfter(asOf)) {
      seen = 0; // the events are in date order: those up to the evaluation date are a prefix
      while (!events.get(seen).occurredOn().isAfter(asOf)) {
        seen++;
      }
    }
    for (int i = 0; i < seen; i++) {
      PathwayEvent event = events.get(i);
      EventKind kind = event.kind();
      if (prepared.satisfies(kind)) {
        addSatisfier(event, kind);
      }
    }
  }

  private void addSatisfier(PathwayEvent event, EventKind kind) {
    if (satisfierCount == satisfiers.length) {
      satisfiers = Arrays.copyOf(satisfiers, satisfierCount * 2);
      satisfierKinds = Arrays.copyOf(satisfierKinds, satisfierCount * 2);
    }
    satisfierKinds[satisfierCount] = kind;
    satisfiers[satisfierCount++] = event;
  }

  private void add(Planned plan) {
    if (plannedCount == planned.length) {
      planned = Arrays.copyOf(planned, plannedCount * 2);
    }
    planned[plannedCount++] = plan;
  }

  /**
   * Insertion sort (a handful of milestones, no comparator objects) by due date, then key, then
   * rule: stable, and occurrences are added rule by rule in each pass, subject by subject, so equal
   * ones keep the order the rules are read in.
   */
  private void sort() {
    for (int i = 1; i < plannedCount; i++) {
      Planned plan = planned[i];
      int j = i - 1;
      while (j >= 0 && before(plan, planned[j])) {
        planned[j + 1] = planned[j];
        j--;
      }
      planned[j + 1] = plan;
    }
  }

  private static boolean before(Planned a, Planned b) {
    int byDue = a.planned.due().compareTo(b.planned.due());
    if (byDue != 0) {
      return byDue < 0;
    }
    int byKey = a.planned.key().compareTo(b.planned.key());
    return byKey != 0 ? byKey < 0 : a.ruleIndex < b.ruleIndex;
  }
}
