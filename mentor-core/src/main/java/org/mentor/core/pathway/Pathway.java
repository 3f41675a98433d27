package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.Rule;
import org.mentor.core.adherence.PillCountAdherence;
import org.mentor.core.internal.InternedDates;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;

/**
 * Evaluation: {@code evaluate(protocol, facts, asOf)}, a pure function from a case's facts to its
 * {@link CaseState} on a date. Events dated after {@code asOf} are ignored, and so are results
 * returned after it, so a past date shows what was known clinically then; days passing with no
 * new event move states (DUE → LATE, in care → interruption).
 *
 * <pre>{@code
 * CaseState state = Pathway.evaluate(Protocol.who2021(), file.facts(), LocalDate.of(2025, 10, 6));
 * state.mother().retentionStatus();   // INTERRUPTED
 * state.mother().retention().why();   // "INTERRUPTED since 2025-10-06 by RET-2 on deadline INTERRUPTION (...)"
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Pathway {
  private static final Comparator<DataQualityIssue> ISSUE_ORDER =
      Comparator.comparing(DataQualityIssue::on).thenComparing(i -> i.rule().id()).thenComparing(DataQualityIssue::eventId);

  private Pathway() {}

  /**
   * Evaluates a case's facts as of a date.
   *
   * @param protocol the protocol to evaluate with, not null
   * @param facts the case's facts, not null
   * @param asOf the evaluation date, not null
   * @return the state
   * @throws IllegalStateException if the case has no enrolment
   */
  public static CaseState evaluate(Protocol protocol, Facts facts, LocalDate asOf) {
    requireNonNull(protocol, "protocol");
    requireNonNull(facts, "facts");
    requireNonNull(asOf, "asOf");
    return assemble(protocol, facts, asOf, Replay.run(protocol, facts, asOf));
  }

  /**
   * The first date after {@code asOf} on which the case's state may differ from its state on
   * {@code asOf} with no event recorded in between: the next event or returned result already in
   * the facts, a pending deadline (an appointment becoming missed, an interruption, ...), or a
   * date-driven outcome or alert (an infant overdue for the final test, a delivery not recorded).
   * Every date-dependent decision {@link #assemble} makes must be reflected here; the registry's
   * due-list index relies on it, and a property test pins it against day-by-day evaluation.
   *
   * @param protocol the protocol to evaluate with, not null
   * @param facts the case's facts, not null
   * @param asOf the evaluation date, not null
   * @return the date, or empty if the state stays as it is on {@code asOf} for ever
   */
  public static Optional<LocalDate> nextChange(Protocol protocol, Facts facts, LocalDate asOf) {
    requireNonNull(protocol, "protocol");
    requireNonNull(facts, "facts");
    requireNonNull(asOf, "asOf");
    return Optional.ofNullable(nextChange(protocol, facts, asOf, Replay.run(protocol, facts, asOf)));
  }

  /**
   * A stretch of days over which a case's state stays the same with no new event.
   *
   * @param from its first day
   * @param until the day after its last (the next change), or empty if it lasts for ever
   * @param state the state on each of its days
   */
  public record Stretch(LocalDate from, Optional<LocalDate> until, CaseState state) {
    public Stretch {
      requireNonNull(from, "from");
      requireNonNull(until, "until");
      requireNonNull(state, "state");
    }
  }

  /**
   * The case's states from a day on, one per stretch between changes ({@link #nextChange}), with
   * one replay advanced from change to change rather than one per day.
   *
   * @param protocol the protocol to evaluate with, not null
   * @param facts the case's facts, not null
   * @param from the first day, not null
   * @param maxStretches the most stretches to return, positive; the last may then end before for ever
   * @return the stretches, in order, each starting where the one before ends
   */
  public static ImmutableList<Stretch> stretches(Protocol protocol, Facts facts, LocalDate from, int maxStretches) {
    requireNonNull(protocol, "protocol");
    requireNonNull(facts, "facts");
    requireNonNull(from, "from");
    return stretches(protocol, facts, from, maxStretches, Replay.run(protocol, facts, from));
  }

  /** The stretches from a replay of the facts that has run to {@code from}. */
  static ImmutableList<Stretch> stretches(Protocol protocol, Facts facts, LocalDate from, int maxStretches, Replay replay) {
    List<Stretch> out = new ArrayList<>();
    LocalDate day = from;
    while (true) {
      CaseState state = assemble(protocol, facts, day, replay);
      LocalDate next = nextChange(protocol, facts, day, replay);
      out.add(new Stretch(day, Optional.ofNullable(next), state));
      if (next == null || out.size() >= maxStretches) {
        return ImmutableList.copyOf(out);
      }
      replay.continueTo(next); // the replay is this method's own: the states assembled do not keep it
      day = next;
    }
  }

  private static @Nullable LocalDate nextChange(Protocol protocol, Facts facts, LocalDate asOf, Replay replay) {
    LocalDate next = replay.nextDeadlineAfter();
    for (PathwayEvent event : facts.events()) {
      if (event.occurredOn().isAfter(asOf)) {
        next = earlier(next, event.occurredOn());
        break;
      }
    }
    for (ViralLoadResulted vl : facts.mother().viralLoads()) {
      if (vl.resultDate().isAfter(asOf)) {
        next = earlier(next, vl.resultDate());
      }
    }
    for (InfantFacts infant : facts.infants().values()) {
      for (InfantHivTested test : infant.tests()) {
        if (test.resultDate().isPresent() && test.resultDate().get().isAfter(asOf)) {
          next = earlier(next, test.resultDate().get());
        }
      }
      // outcome(): F7 from the final-test age + 28 days, while the infant is unresolved.
      LocalDate overdue = InternedDates.plusDays(InternedDates.plus(infant.bornOn(), protocol.get(Key.FINAL_TEST_AGE)), 28);
      if (overdue.isAfter(asOf)) {
        next = earlier(next, overdue);
      }
    }
    // alerts(): a delivery not recorded by EDD + 6 weeks.
    Optional<LocalDate> edd = facts.enrolment().flatMap(Enrolled::datedLmp).map(lmp -> lmp.plusDays(280).plusWeeks(6).plusDays(1));
    if (edd.isPresent() && edd.get().isAfter(asOf)) {
      next = earlier(next, edd.get());
    }
    return next;
  }

  private static LocalDate earlier(@Nullable LocalDate a, LocalDate b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** Builds the state from a replay that has run to {@code asOf}. */
  static CaseState assemble(Protocol protocol, Facts facts, LocalDate asOf, Replay replay) {
    Enrolled enrolment = facts.enrolment().orElseThrow(() -> new IllegalStateException("the case is not enrolled"));
    List<DataQualityIssue> issues = new ArrayList<>();
    for (DataQualityIssue issue : facts.issues()) {
      if (!issue.on().isAfter(asOf)) {
        issues.add(issue);
      }
    }
    if (!replay.issues.isEmpty()) { // mostly empty: addAll would still copy it to an array
      issues.addAll(replay.issues);
    }

    // Read by the mother's state and by each infant's risk and prophylaxis: found once.
    Optional<LocalDate> diagnosed = InfantRisk.diagnosedOn(facts, asOf);
    MaternalState mother = mother(protocol, facts, enrolment, asOf, replay, issues, diagnosed);
    ImmutableList.Builder<InfantState> infants = ImmutableList.builderWithExpectedSize(facts.infants().size());
    for (InfantFacts infant : facts.infants().values()) {
      if (infant.bornOn().isAfter(asOf)) {
        continue;
      }
      infants.add(infant(protocol, facts, infant, asOf, replay, issues, diagnosed));
    }
    ImmutableList<InfantState> infantStates = infants.build();
    ImmutableList<Alert> alerts = alerts(protocol, facts, enrolment, asOf, mother, infantStates);
    issues.sort(ISSUE_ORDER);
    return new CaseState(facts.caseId(), facts.protocol().orElse(enrolment.protocol()), asOf, replay.phase(), mother,
        infantStates, alerts, issues.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(issues));
  }

  private static MaternalState mother(Protocol protocol, Facts facts, Enrolled enrolment, LocalDate asOf, Replay replay,
      List<DataQualityIssue> issues, Optional<LocalDate> diagnosed) {
    // Loops over the histories rather than their predicate methods: this runs at every evaluation.
    MaternalFacts m = facts.mother();
    HivStatus status;
    if (diagnosed.isPresent()) {
      status = HivStatus.POSITIVE;
    } else if (enrolment.hivStatus() == HivStatus.NEGATIVE || negativeTestBy(m.hivTests(), asOf)) {
      status = HivStatus.NEGATIVE;
    } else {
      status = HivStatus.UNKNOWN;
    }
    ArtStarted firstArt = History.oldestOnOrBefore(m.artStarts(), asOf);
    if (firstArt != null && enrolment.hivStatus() != HivStatus.POSITIVE) { // the tests are read only then
      MaternalHivTested firstPositiveTest = null;
      for (MaternalHivTested test : m.hivTests()) {
        if (test.result() == HivTestResult.POSITIVE) {
          firstPositiveTest = test;
        }
      }
      if (firstPositiveTest == null || firstArt.occurredOn().isBefore(firstPositiveTest.occurredOn())) {
        issues.add(new DataQualityIssue(Rule.ART_BEFORE_DIAGNOSIS, firstArt.id(), firstArt.occurredOn()));
      }
    }
    PillCounted latestCount = History.newestOnOrBefore(m.pillCounts(), asOf);
    int checkAbove = protocol.getInt(Key.ADHERENCE_CHECK_ABOVE);
    for (PillCounted count : m.pillCounts()) {
      if (!count.occurredOn().isAfter(asOf) && PillCountAdherence.percent(count) > checkAbove) {
        issues.add(new DataQualityIssue(Rule.PILL_COUNT_IMPLAUSIBLE, count.id(), count.occurredOn()));
      }
    }
    RegionState retention = replay.mother(Region.RETENTION);
    LocalDate missed = replay.memory.missedAppointment();
    LocalDate tracingFrom = missed != null ? missed : retention.since();
    int attempts = 0;
    for (TracingAttempted attempt : m.tracing()) {
      if (!attempt.occurredOn().isAfter(asOf) && !attempt.occurredOn().isBefore(tracingFrom)) {
        attempts++;
      }
    }
    ViralLoadResulted latestVl = null;
    for (ViralLoadResulted vl : m.viralLoads()) {
      if (!vl.resultDate().isAfter(asOf)) {
        latestVl = vl;
        break;
      }
    }
    return new MaternalState(status, diagnosed, replay.mother(Region.MATERNAL_ART),
        InternedDates.optional(firstArt == null ? null : firstArt.occurredOn()),
        replay.mother(Region.VIRAL_LOAD), Optional.ofNullable(latestVl),
        replay.mother(Region.ADHERENCE),
        latestCount == null ? Optional.empty() : Optional.of(PillCountAdherence.percent(latestCount)), retention, attempts,
        Optional.ofNullable(History.newestOnOrBefore(m.tracing(), asOf)),
        Optional.ofNullable(History.newestOnOrBefore(m.consents(), asOf)));
  }

  private static boolean negativeTestBy(History<MaternalHivTested> tests, LocalDate asOf) {
    for (MaternalHivTested test : tests) {
      if (test.result() == HivTestResult.NEGATIVE && !test.occurredOn().isAfter(asOf)) {
        return true;
      }
    }
    return false;
  }

  private static InfantState infant(Protocol protocol, Facts facts, InfantFacts infant, LocalDate asOf, Replay replay,
      List<DataQualityIssue> issues, Optional<LocalDate> diagnosed) {
    RegionState status = replay.infant(infant.infantId()).orElseThrow();
    RiskAssessment risk = InfantRisk.classify(protocol, facts, infant, asOf, diagnosed);
    ProphylaxisPlan plan = Prophylaxis.plan(protocol, facts, infant, risk, asOf, diagnosed);
    if (plan.lateStart()) {
      infant.prophylaxis().earliest(e -> e.kind() == EventKind.INFANT_PROPHYLAXIS_STARTED)
          .ifPresent(e -> issues.add(new DataQualityIssue(Rule.PROPHYLAXIS_LATE_START, e.id(), e.occurredOn())));
    }
    InfantStatus state = (InfantStatus) status.state();
    Optional<LocalDate> diagnosedOn = state == InfantStatus.HIV_POSITIVE
        ? infant.tests().earliest(t -> t.result() == InfantTestResult.POSITIVE).map(InfantHivTested::sampleDate)
        : Optional.empty();
    return new InfantState(infant.infantId(), infant.bornOn(), status, risk, plan, testsAsOf(infant, asOf), diagnosedOn,
        outcome(protocol, infant, state, status.since(), asOf));
  }

  /**
   * The infant's tests sampled by a date, oldest first, a result not yet returned by then as pending.
   * Most infants at most evaluations have no test yet, or one: those lists are made without a
   * builder and without the reversed copy of the history that longer ones fill from the end.
   */
  static ImmutableList<InfantHivTested> testsAsOf(InfantFacts infant, LocalDate asOf) {
    int size = infant.tests().size();
    if (size == 0) {
      return ImmutableList.of();
    }
    if (size == 1) {
      InfantHivTested only = infant.tests().newest();
      return only.sampleDate().isAfter(asOf) ? ImmutableList.of() : ImmutableList.of(asKnownOn(only, asOf));
    }
    // Oldest first, from a history kept newest first: filled from the end, without a reversed copy.
    InfantHivTested[] sampled = new InfantHivTested[size];
    int n = size;
    for (InfantHivTested test : infant.tests()) {
      sampled[--n] = test;
    }
    ImmutableList.Builder<InfantHivTested> tests = ImmutableList.builderWithExpectedSize(size);
    for (InfantHivTested test : sampled) {
      if (!test.sampleDate().isAfter(asOf)) {
        tests.add(asKnownOn(test, asOf));
      }
    }
    return tests.build();
  }

  /** A test as known on a date: as recorded once its result is returned, else pending. */
  private static InfantHivTested asKnownOn(InfantHivTested test, LocalDate asOf) {
    boolean returned = test.resultDate().isPresent() && !test.resultDate().get().isAfter(asOf);
    return returned ? test : new InfantHivTested(test.id(), test.occurredOn(), test.recordedAt(), test.recordedBy(),
        test.infantId(), test.testType(), InfantTestResult.PENDING, Optional.empty());
  }

  private static Optional<FinalOutcome> outcome(Protocol protocol, InfantFacts infant, InfantStatus state, LocalDate since,
      LocalDate asOf) {
    return switch (state) {
      case HIV_POSITIVE -> Optional.of(new FinalOutcome(FinalOutcome.Category.HIV_POSITIVE, since));
      case HIV_NEGATIVE -> Optional.of(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, since));
      case DIED -> Optional.of(new FinalOutcome(FinalOutcome.Category.DIED, since));
      case LOST_TO_FOLLOW_UP -> Optional.of(new FinalOutcome(FinalOutcome.Category.LOST_TO_FOLLOW_UP, since));
      case TRANSFERRED_OUT -> Optional.of(new FinalOutcome(FinalOutcome.Category.TRANSFERRED_OUT, since));
      case EXPOSED, INCONCLUSIVE, PRESUMPTIVE_POSITIVE -> {
        // F7: overdue for the final-age test by the DAK's 28 days (clinical/README.md, OVERDUE).
        LocalDate overdue = InternedDates.plusDays(InternedDates.plus(infant.bornOn(), protocol.get(Key.FINAL_TEST_AGE)), 28);
        yield asOf.isBefore(overdue) ? Optional.empty()
            : Optional.of(new FinalOutcome(FinalOutcome.Category.NOT_TESTED_AT_FINAL_AGE, overdue));
      }
    };
  }

  private static ImmutableList<Alert> alerts(Protocol protocol, Facts facts, Enrolled enrolment, LocalDate asOf,
      MaternalState mother, ImmutableList<InfantState> infants) {
    // Two possible alerts, mostly neither: no builder (and its array) at every evaluation.
    @Nullable Alert unsuppressed = null;
    Delivered delivery = facts.delivery().orElse(null);
    if (mother.latestViralLoad().isPresent() && delivery != null && !delivery.occurredOn().isAfter(asOf)) {
      ViralLoadResulted vl = mother.latestViralLoad().get();
      boolean breastfeeding = false;
      for (InfantFacts infant : facts.infants().values()) {
        Optional<Codes.FeedingMode> feeding = infant.feedingOn(asOf);
        if (feeding.isEmpty() || feeding.get().isBreastfeeding()) {
          breastfeeding = true;
          break;
        }
      }
      if (vl.sampleDate().isAfter(delivery.occurredOn()) && vl.result().isAbove(protocol.getInt(Key.VL_UNSUPPRESSED_ABOVE))
          && breastfeeding && !protocol.is(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)) {
        unsuppressed = Alert.MATERNAL_UNSUPPRESSED_WHILE_BREASTFEEDING;
      }
    }
    // EDD (LMP + 280 days) + 6 weeks, from the shared date table: this runs at every evaluation.
    boolean deliveryNotRecorded = delivery == null && enrolment.datedLmp().isPresent() && facts.mother().death().isEmpty()
        && asOf.isAfter(InternedDates.plusDays(enrolment.datedLmp().get(), 280 + 6 * 7));
    if (unsuppressed == null) {
      return deliveryNotRecorded ? ImmutableList.of(Alert.DELIVERY_NOT_RECORDED) : ImmutableList.of();
    }
    return deliveryNotRecorded ? ImmutableList.of(unsuppressed, Alert.DELIVERY_NOT_RECORDED) : ImmutableList.of(unsuppressed);
  }
}
