package org.mentor.core.schedule;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.Anchor;
import org.mentor.core.protocol.Condition;
import org.mentor.core.protocol.DueRule;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.MilestoneRule.Closing;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Term;

/**
 * Computes a schedule: reads the protocol's milestone rules as data and the case's facts and
 * evaluated state. Rules are read in two passes because two conditions look at other milestones
 * ({@code laterThanMilestone}, {@code pregnancyViralLoadSuperseded}).
 */
final class Scheduler {
  private static final Comparator<Milestone> ORDER = Comparator.comparing(Milestone::due).thenComparing(Milestone::key);
  private static final Comparator<Planned> PLAN_ORDER = Comparator.comparing((Planned p) -> p.due).thenComparing(p -> p.key);

  private final Protocol protocol;
  private final Facts facts;
  private final CaseState state;
  private final LocalDate asOf;
  private final Optional<LocalDate> lmp;
  private final Optional<LocalDate> delivery;
  private final List<Candidate> candidates = new ArrayList<>();
  /** The effective events on or before the evaluation date, by kind (each milestone reads one kind). */
  private final Map<EventKind, List<PathwayEvent>> eventsByKind = new EnumMap<>(EventKind.class);
  /** Distinct maternal viral-load sample dates on or before the evaluation date, oldest first. */
  private final List<LocalDate> vlSamples;
  private final Map<org.mentor.core.InfantId, InfantState> infantStates = new HashMap<>();

  /** One occurrence before its state is known. */
  private static final class Candidate {
    final MilestoneRule rule;
    final @Nullable InfantFacts infant;
    final int occurrence;
    final LocalDate anchorDate;
    final @Nullable LocalDate nextAnchor;
    LocalDate windowStart;
    LocalDate due;
    @Nullable LocalDate overdue;
    @Nullable LocalDate close;
    @Nullable Planned plan;
    @Nullable Milestone result;

    Candidate(MilestoneRule rule, @Nullable InfantFacts infant, int occurrence, LocalDate anchorDate,
        @Nullable LocalDate nextAnchor, LocalDate windowStart, LocalDate due) {
      this.rule = rule;
      this.infant = infant;
      this.occurrence = occurrence;
      this.anchorDate = anchorDate;
      this.nextAnchor = nextAnchor;
      this.windowStart = windowStart;
      this.due = due;
    }
  }

  Scheduler(Protocol protocol, Facts facts, CaseState state) {
    this.protocol = protocol;
    this.facts = facts;
    this.state = state;
    this.asOf = state.asOf();
    this.lmp = facts.enrolment().flatMap(Enrolled::datedLmp);
    this.delivery = facts.delivery().map(Delivered::occurredOn).filter(d -> !d.isAfter(asOf));
    for (PathwayEvent event : facts.events()) {
      if (event.occurredOn().isAfter(asOf)) {
        break;
      }
      eventsByKind.computeIfAbsent(event.kind(), k -> new ArrayList<>()).add(event);
    }
    List<LocalDate> samples = new ArrayList<>();
    for (ViralLoadResulted vl : facts.mother().viralLoads().oldestFirst()) {
      if (!vl.sampleDate().isAfter(asOf) && (samples.isEmpty() || !samples.get(samples.size() - 1).equals(vl.sampleDate()))) {
        samples.add(vl.sampleDate());
      }
    }
    this.vlSamples = samples;
    for (InfantState infant : state.infants()) {
      infantStates.put(infant.infantId(), infant);
    }
  }

  ImmutableList<Milestone> run() {
    for (MilestoneRule rule : protocol.milestones()) {
      if (rule.subject() == MilestoneRule.Subject.MOTHER) {
        addCandidates(rule, null);
      } else {
        for (InfantState infant : state.infants()) {
          addCandidates(rule, facts.infants().get(infant.infantId()));
        }
      }
    }
    // "Closes when that milestone's window opens": the earliest applying window of that rule, per subject.
    Map<String, LocalDate> windowOpens = new HashMap<>();
    for (Candidate o : candidates) {
      if (applies(o, false)) {
        windowOpens.merge(o.rule.id() + "@" + (o.infant == null ? "" : o.infant.infantId()), o.windowStart,
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    for (Candidate c : candidates) {
      if (c.rule.closes() instanceof Closing.WhenWindowOpens next) {
        c.close = windowOpens.get(next.milestoneId() + "@" + (c.infant == null ? "" : c.infant.infantId()));
      }
    }
    // Pass 1: rules that do not look at other milestones.
    for (Candidate c : candidates) {
      if (!secondPass(c.rule.appliesWhen()) && applies(c, false)) {
        c.plan = plan(c);
        c.result = c.plan.at(asOf);
      }
    }
    // Pass 2: rules that do.
    for (Candidate c : candidates) {
      if (secondPass(c.rule.appliesWhen()) && applies(c, true)) {
        c.plan = plan(c);
        c.result = c.plan.at(asOf);
      }
    }
    return candidates.stream().filter(c -> c.result != null).map(c -> c.result)
        .sorted(ORDER)
        .collect(ImmutableList.toImmutableList());
  }

  /** The plans of the occurrences that apply, in schedule order (due date, then key). */
  ImmutableList<Planned> plans() {
    run();
    return candidates.stream().filter(c -> c.plan != null).map(c -> c.plan)
        .sorted(PLAN_ORDER)
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean secondPass(Condition condition) {
    return condition.laterThanMilestone().isPresent() || condition.pregnancyViralLoadSuperseded().isPresent();
  }

  private void addCandidates(MilestoneRule rule, @Nullable InfantFacts infant) {
    List<LocalDate> anchors = anchorDates(rule.anchor(), infant);
    for (int i = 0; i < anchors.size(); i++) {
      LocalDate anchorDate = anchors.get(i);
      LocalDate next = nextAnchor(rule.anchor(), anchors, i, infant);
      Optional<LocalDate> due = due(rule.due(), rule.anchor(), anchorDate, infant);
      if (due.isEmpty()) {
        continue;
      }
      LocalDate windowStart = rule.windowOpens()
          .flatMap(t -> termDate(t, rule.anchor(), anchorDate, infant))
          .orElse(due.get().minus(rule.windowLead()));
      // A window term can fall after a due date that moved earlier (the retest is due at delivery
      // when delivery comes first): the window then opens on the due date.
      if (windowStart.isAfter(due.get())) {
        windowStart = due.get();
      }
      Candidate c = new Candidate(rule, infant, i + 1, anchorDate, next, windowStart, due.get());
      if (infant != null) {
        LocalDate registration = registration(infant);
        if (registration.isAfter(infant.bornOn()) && c.due.isBefore(registration)) {
          if (!rule.catchUpOnLateRegistration()) {
            continue; // exposure was unknown when it fell due (scenarios.md S8 step 4)
          }
          c.windowStart = registration;
          c.due = registration;
        }
      }
      c.overdue = rule.overdueAfterDue().map(c.due::plus).orElse(null);
      if (rule.closes() instanceof Closing.At at) {
        c.close = termDate(at.term(), rule.anchor(), anchorDate, infant).orElse(null);
      } else if (rule.closes() instanceof Closing.AtNextAnchor && next != null) {
        c.close = next.plusDays(1); // the next anchor itself may satisfy it
      }
      candidates.add(c);
    }
  }

  private Optional<LocalDate> due(DueRule rule, Anchor own, LocalDate anchorDate, @Nullable InfantFacts infant) {
    List<LocalDate> dates = new ArrayList<>();
    for (Term term : rule.terms()) {
      termDate(term, own, anchorDate, infant).ifPresent(dates::add);
    }
    if (dates.isEmpty() || (rule.combine() == DueRule.Combine.SINGLE && dates.size() != 1)) {
      return Optional.empty();
    }
    return switch (rule.combine()) {
      case SINGLE -> Optional.of(dates.get(0));
      case LATEST_OF -> dates.stream().max(Comparator.naturalOrder());
      case EARLIEST_OF -> dates.stream().min(Comparator.naturalOrder());
    };
  }

  private Optional<LocalDate> termDate(Term term, Anchor own, LocalDate anchorDate, @Nullable InfantFacts infant) {
    if (term.anchor() == own) {
      return Optional.of(anchorDate.plus(term.offset()));
    }
    List<LocalDate> dates = anchorDates(term.anchor(), infant);
    return dates.isEmpty() ? Optional.empty() : Optional.of(dates.get(dates.size() - 1).plus(term.offset()));
  }

  /** The anchor's dates known on the evaluation date (one for a plain anchor, several for a family). */
  private List<LocalDate> anchorDates(Anchor anchor, @Nullable InfantFacts infant) {
    return switch (anchor) {
      case LMP -> list(lmp);
      case EDD -> list(lmp.map(d -> d.plusDays(280)));
      case FIRST_ANC -> list(facts.enrolment().map(Enrolled::occurredOn).filter(d -> !d.isAfter(asOf)));
      case ART_START -> list(artStart());
      case DIAGNOSIS -> list(state.mother().diagnosedOn());
      case DELIVERY -> list(delivery);
      case BIRTH -> list(Optional.ofNullable(infant).map(InfantFacts::bornOn));
      case INFANT_REGISTRATION -> list(Optional.ofNullable(infant).map(this::registration));
      case BREASTFEEDING_END -> list(Optional.ofNullable(infant).flatMap(i -> i.breastfeedingEndedBy(asOf)));
      case PROPHYLAXIS_END -> list(infantState(infant).flatMap(i -> i.prophylaxis().plannedStopOn()));
      case HIGH_RISK_IDENTIFIED -> list(infantState(infant).flatMap(i -> i.risk().highRiskSince()));
      case HIGH_RISK_IDENTIFIED_AFTER_BIRTH -> list(infantState(infant).flatMap(i -> i.risk().highRiskSince())
          .filter(d -> infant != null && d.isAfter(infant.bornOn())));
      case POSITIVE_RESULT -> list(Optional.ofNullable(infant).flatMap(i -> i.tests()
          .earliest(t -> t.result() == InfantTestResult.POSITIVE && t.resultDate().map(d -> !d.isAfter(asOf)).orElse(false))
          .flatMap(InfantHivTested::resultDate)));
      case INDETERMINATE_RESULT -> list(Optional.ofNullable(infant).flatMap(i -> i.tests()
          .latest(t -> t.result() == InfantTestResult.INDETERMINATE && t.resultDate().map(d -> !d.isAfter(asOf)).orElse(false))
          .flatMap(InfantHivTested::resultDate)));
      case EACH_VL_SAMPLE_FROM_DELIVERY -> vlSamplesFromDelivery();
      case EACH_ELEVATED_VL_SAMPLE -> elevatedSamples();
      case EACH_VL_SAMPLE -> vlSamples();
      case EACH_HIV_TEST_FROM_DELIVERY -> hivTestsFromDelivery();
    };
  }

  private @Nullable LocalDate nextAnchor(Anchor anchor, List<LocalDate> anchors, int i, @Nullable InfantFacts infant) {
    if (anchor == Anchor.EACH_ELEVATED_VL_SAMPLE) {
      LocalDate current = anchors.get(i);
      return vlSamples().stream().filter(d -> d.isAfter(current)).findFirst().orElse(null);
    }
    return anchor.isFamily() && i + 1 < anchors.size() ? anchors.get(i + 1) : null;
  }

  private List<LocalDate> vlSamples() {
    return vlSamples;
  }

  private List<LocalDate> vlSamplesFromDelivery() {
    if (delivery.isEmpty()) {
      return List.of();
    }
    LocalDate delivered = delivery.get();
    List<LocalDate> all = vlSamples();
    List<LocalDate> dates = new ArrayList<>();
    dates.add(all.stream().filter(d -> !d.isAfter(delivered)).reduce((a, b) -> b).orElse(delivered));
    all.stream().filter(d -> d.isAfter(delivered)).forEach(dates::add);
    return dates;
  }

  private List<LocalDate> elevatedSamples() {
    int suppressedBelow = protocol.getInt(Key.VL_SUPPRESSED_BELOW);
    List<LocalDate> dates = new ArrayList<>();
    for (ViralLoadResulted vl : facts.mother().viralLoads().oldestFirst()) {
      if (!vl.resultDate().isAfter(asOf) && !vl.result().isBelow(suppressedBelow)) {
        dates.add(vl.sampleDate());
      }
    }
    return dates;
  }

  private List<LocalDate> hivTestsFromDelivery() {
    if (delivery.isEmpty()) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>();
    dates.add(delivery.get());
    for (MaternalHivTested test : facts.mother().hivTests().oldestFirst()) {
      if (test.occurredOn().isAfter(delivery.get()) && !test.occurredOn().isAfter(asOf)) {
        dates.add(test.occurredOn());
      }
    }
    return dates;
  }

  private static List<LocalDate> list(Optional<LocalDate> date) {
    return date.map(List::of).orElse(List.of());
  }

  private Optional<LocalDate> artStart() {
    return facts.mother().artStarts().earliest(a -> !a.occurredOn().isAfter(asOf)).map(ArtStarted::occurredOn);
  }

  /** The day the infant's exposure was known: the birth, or the mother's later diagnosis. */
  private LocalDate registration(InfantFacts infant) {
    Optional<LocalDate> diagnosed = state.mother().diagnosedOn();
    return diagnosed.isPresent() && diagnosed.get().isAfter(infant.bornOn()) ? diagnosed.get() : infant.bornOn();
  }

  private Optional<InfantState> infantState(@Nullable InfantFacts infant) {
    return infant == null ? Optional.empty() : Optional.ofNullable(infantStates.get(infant.infantId()));
  }

  /** Whether a candidate's rule applies, judged on the earlier of its due date and the evaluation date. */
  private boolean applies(Candidate c, boolean secondPass) {
    Condition when = c.rule.appliesWhen();
    LocalDate on = c.due.isBefore(asOf) ? c.due : asOf;
    if (when.maternalStatusPositive().isPresent()) {
      Optional<LocalDate> diagnosed = state.mother().diagnosedOn();
      boolean wanted = when.maternalStatusPositive().get();
      // Positive: known by that day. Not positive: not known before it (a test that day may be the one due).
      boolean holds = wanted ? diagnosed.map(d -> !d.isAfter(on)).orElse(false) : diagnosed.map(d -> !d.isBefore(on)).orElse(true);
      if (!holds) {
        return false;
      }
    }
    Optional<LocalDate> art = artStart();
    Optional<LocalDate> enrolled = facts.enrolment().map(Enrolled::occurredOn);
    if (when.onArtAtEnrolment().isPresent()
        && when.onArtAtEnrolment().get() != (art.isPresent() && enrolled.isPresent() && art.get().isBefore(enrolled.get()))) {
      return false;
    }
    if (when.artStartedInEpisode().isPresent()) {
      Optional<LocalDate> episodeStart = lmp.or(() -> enrolled);
      boolean inEpisode = art.isPresent() && episodeStart.isPresent() && !art.get().isBefore(episodeStart.get());
      if (when.artStartedInEpisode().get() != inEpisode) {
        return false;
      }
    }
    if (when.artStartedBeforeGestationalWeek().isPresent()) {
      int week = when.artStartedBeforeGestationalWeek().get();
      if (art.isEmpty() || lmp.isEmpty() || !art.get().isBefore(lmp.get().plusWeeks(week))) {
        return false;
      }
    }
    if (when.delivered().isPresent() && when.delivered().get() != delivery.map(d -> !d.isAfter(on)).orElse(false)) {
      return false;
    }
    if (when.breastfeeding().isPresent() && when.breastfeeding().get() != breastfeeding(c.infant, on)) {
      return false;
    }
    if (when.everBreastfed().isPresent() && when.everBreastfed().get() != everBreastfed(c.infant, on)) {
      return false;
    }
    if (when.highRisk().isPresent()) {
      boolean high = infantState(c.infant).map(i -> i.risk().riskClass() == org.mentor.core.pathway.RiskAssessment.RiskClass.HIGH)
          .orElse(false);
      if (high != when.highRisk().get()) {
        return false;
      }
    }
    if (!secondPass) {
      return true;
    }
    if (when.laterThanMilestone().isPresent()) {
      String other = when.laterThanMilestone().get();
      Optional<LocalDate> otherDue = candidates.stream()
          .filter(o -> o.rule.id().equals(other) && o.infant == c.infant && o.result != null)
          .map(o -> o.due).min(Comparator.naturalOrder());
      if (otherDue.isPresent() && !c.due.isAfter(otherDue.get())) {
        return false;
      }
    }
    if (when.pregnancyViralLoadSuperseded().isPresent()) {
      boolean superseded = candidates.stream().anyMatch(o -> o.result != null
          && o.result.cancelReason().equals(Optional.of(CancelReason.SUPERSEDED_AT_DELIVERY)));
      if (superseded != when.pregnancyViralLoadSuperseded().get()) {
        return false;
      }
    }
    return true;
  }

  /** For an infant: that infant; for the mother: any live infant. An infant with no feeding record counts as breastfed. */
  private boolean breastfeeding(@Nullable InfantFacts infant, LocalDate on) {
    if (infant != null) {
      return infant.feedingOn(on).map(m -> m.isBreastfeeding()).orElse(true);
    }
    return !facts.infants().isEmpty()
        && facts.infants().values().stream().anyMatch(i -> i.feedingOn(on).map(m -> m.isBreastfeeding()).orElse(true));
  }

  private boolean everBreastfed(@Nullable InfantFacts infant, LocalDate on) {
    if (infant != null) {
      return infant.feedingOn(on).isEmpty() || infant.everBreastfedBy(on);
    }
    return facts.infants().values().stream().anyMatch(i -> i.feedingOn(on).isEmpty() || i.everBreastfedBy(on));
  }

  /** Everything about an occurrence that does not depend on the evaluation date (once it is past the case's last fact). */
  private Planned plan(Candidate c) {
    Optional<String> expectedTest = expectedTest(c);
    // What ends the milestone other than being met: a cancellation, a close, a final negative status.
    LocalDate cancelOn = null;
    CancelReason reason = null;
    for (CancelReason r : c.rule.cancelledBy()) {
      LocalDate on = cancelDate(r, c);
      if (on != null && (cancelOn == null || on.isBefore(cancelOn))) {
        cancelOn = on;
        reason = r;
      }
    }
    if (c.rule.closes() instanceof Closing.AtNextAnchor && c.nextAnchor != null && c.nextAnchor.isBefore(c.windowStart)
        && (cancelOn == null || !cancelOn.isBefore(c.nextAnchor))) {
      cancelOn = c.nextAnchor;
      reason = CancelReason.SUPERSEDED;
    }
    LocalDate finalNegative = infantState(c.infant).filter(i -> i.hivStatus() == InfantStatus.HIV_NEGATIVE)
        .map(i -> i.status().since()).orElse(null);
    PathwayEvent satisfying = satisfying(c, expectedTest, cancelOn);
    LocalDate closedOn = c.rule.closes() instanceof Closing.AtNextAnchor ? null : c.close;
    String key = c.rule.id() + (c.rule.anchor().isFamily() ? "#" + c.occurrence : "")
        + (c.infant == null ? "" : "@" + c.infant.infantId());
    Why why = new Why(protocol.ref(), c.rule.id(), c.rule.anchor(), c.anchorDate, c.rule.due(), c.rule.source());
    return new Planned(key, c.rule.id(), Optional.ofNullable(c.infant).map(InfantFacts::infantId), c.windowStart, c.due,
        c.overdue, closedOn, satisfying == null ? null : satisfying.id(), satisfying == null ? null : satisfying.occurredOn(),
        cancelOn, reason, finalNegative, expectedTest, why);
  }

  private Optional<String> expectedTest(Candidate c) {
    if (!c.rule.satisfiedBy().event().equals(EventKind.INFANT_HIV_TESTED.name())) {
      return Optional.empty();
    }
    String type = c.rule.satisfiedBy().testType().orElse("NAT");
    if (type.equals("AGE_APPROPRIATE") && c.infant != null) {
      boolean adult = !c.due.isBefore(c.infant.bornOn().plus(protocol.get(Key.FINAL_TEST_AGE)));
      type = adult ? "ANTIBODY" : "NAT";
    }
    return Optional.of(type);
  }

  private @Nullable LocalDate cancelDate(CancelReason reason, Candidate c) {
    Optional<InfantState> infant = infantState(c.infant);
    return switch (reason) {
      case CONFIRMED_POSITIVE -> infant.filter(i -> i.hivStatus() == InfantStatus.HIV_POSITIVE).map(i -> i.status().since()).orElse(null);
      case DIED -> c.infant != null
          ? infant.filter(i -> i.hivStatus() == InfantStatus.DIED).map(i -> i.status().since()).orElse(null)
          : facts.mother().death().map(PathwayEvent::occurredOn).filter(d -> !d.isAfter(asOf)).orElse(null);
      case TRANSFERRED_OUT -> c.infant != null
          ? infant.filter(i -> i.hivStatus() == InfantStatus.TRANSFERRED_OUT).map(i -> i.status().since()).orElse(null)
          : state.mother().retentionStatus() == Retention.TRANSFERRED_OUT ? state.mother().retention().since() : null;
      case SUPERSEDED_AT_DELIVERY -> delivery.filter(d -> !c.anchorDate.isAfter(d)).orElse(null);
      case SUPERSEDED -> null;
    };
  }

  /** The earliest event in the window that satisfies the rule, on or before the evaluation date and any cancellation. */
  private @Nullable PathwayEvent satisfying(Candidate c, Optional<String> expectedTest, @Nullable LocalDate cancelOn) {
    List<PathwayEvent> ofKind = eventsByKind.getOrDefault(EventKind.valueOf(c.rule.satisfiedBy().event()), List.of());
    for (int i = 0; i < ofKind.size(); i++) {
      PathwayEvent event = ofKind.get(i);
      LocalDate on = event.occurredOn();
      if (on.isBefore(c.windowStart)
          || (c.close != null && !on.isBefore(c.close)) || (cancelOn != null && on.isAfter(cancelOn))) {
        continue;
      }
      if (c.infant != null && !event.aboutInfant().map(c.infant.infantId()::equals).orElse(false)) {
        continue;
      }
      if (event instanceof InfantHivTested test && expectedTest.isPresent()
          && test.testType() != InfantTestType.valueOf(expectedTest.get())) {
        continue;
      }
      return event;
    }
    return null;
  }
}
