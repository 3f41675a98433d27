package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.internal.InternedDates;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.ProphylaxisPlan.Status;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;

/**
 * The named strategy that plans an infant's prophylaxis from its risk and feeding (infant.md §2):
 * the course length comes from the protocol ({@code prophylaxis.*}); a start is counted from the
 * recorded start (or, for an infant found high risk after a course began, from the restart on or
 * after that day, I5); South Africa's P8 extends a high-risk breastfed course until a maternal
 * result below the risk threshold is recorded. An infant with no feeding record is planned as
 * breastfed, the safer reading.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Prophylaxis {
  private Prophylaxis() {}

  private static final Optional<ProphylaxisRegimen> LATER_NVP = Optional.of(ProphylaxisRegimen.NVP);

  /**
   * Plans an infant's prophylaxis as of a date.
   *
   * @param protocol the protocol, not null
   * @param facts the case's facts, not null
   * @param infant the infant, not null
   * @param risk the infant's risk as of the same date, not null
   * @param asOf the evaluation date, not null
   * @return the plan
   */
  public static ProphylaxisPlan plan(Protocol protocol, Facts facts, InfantFacts infant, RiskAssessment risk, LocalDate asOf) {
    return plan(protocol, facts, infant, risk, asOf, InfantRisk.diagnosedOn(facts, asOf));
  }

  /** {@link #plan} given the mother's {@link InfantRisk#diagnosedOn} as of the same date (an evaluation finds it once). */
  static ProphylaxisPlan plan(Protocol protocol, Facts facts, InfantFacts infant, RiskAssessment risk, LocalDate asOf,
      Optional<LocalDate> diagnosed) {
    boolean sameForAll = protocol.is(Key.PROPHYLAXIS_SAME_COURSE_FOR_ALL);
    boolean breastfed = sameForAll || infant.feedingOn(infant.bornOn()).orElse(null) != FeedingMode.REPLACEMENT_FEEDING;
    boolean high = sameForAll || risk.riskClass() == RiskClass.HIGH;
    ProphylaxisRegimen firstHighRegimen =
        protocol.is(Key.PROPHYLAXIS_HIGH_THREE_DRUG) ? ProphylaxisRegimen.THREE_DRUG : ProphylaxisRegimen.AZT_NVP;
    int days;
    ProphylaxisRegimen regimen;
    Optional<ProphylaxisRegimen> later = Optional.empty();
    int firstPhase = 0;
    if (!high) {
      days = protocol.getInt(breastfed ? Key.PROPHYLAXIS_LOW_BREASTFED_DAYS : Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS);
      regimen = ProphylaxisRegimen.NVP;
    } else if (breastfed) {
      days = protocol.getInt(Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS);
      regimen = firstHighRegimen;
      firstPhase = Math.min(protocol.getInt(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS), days);
    } else {
      days = protocol.getInt(Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS);
      regimen = firstHighRegimen;
    }
    // Loops and shared dates rather than predicates and Optional chains: this runs for every infant
    // at every evaluation.
    PathwayEvent firstStarted = null;
    PathwayEvent lastStopped = null;
    for (PathwayEvent e : infant.prophylaxis()) { // newest first
      if (!e.occurredOn().isAfter(asOf)) {
        if (e.kind() == EventKind.INFANT_PROPHYLAXIS_STARTED) {
          firstStarted = e;
        } else if (e.kind() == EventKind.INFANT_PROPHYLAXIS_STOPPED && lastStopped == null) {
          lastStopped = e;
        }
      }
    }
    Optional<LocalDate> firstStart = InternedDates.optional(firstStarted == null ? null : firstStarted.occurredOn());
    Optional<LocalDate> start = firstStart;
    if (high && firstStart.isPresent() && risk.highRiskSince().isPresent()
        && risk.highRiskSince().get().isAfter(firstStart.get())) {
      // I5: counted from the oldest start on or after the day the infant was found high risk, if any.
      LocalDate identified = risk.highRiskSince().get();
      PathwayEvent restarted = null;
      for (PathwayEvent e : infant.prophylaxis()) { // newest first: the last match is the oldest
        if (e.kind() == EventKind.INFANT_PROPHYLAXIS_STARTED && !e.occurredOn().isBefore(identified)
            && !e.occurredOn().isAfter(asOf)) {
          restarted = e;
        }
      }
      if (restarted != null) {
        start = InternedDates.optional(restarted.occurredOn());
      }
    }
    Optional<LocalDate> stopped = lastStopped != null && start.isPresent() && !lastStopped.occurredOn().isBefore(start.get())
        ? InternedDates.optional(lastStopped.occurredOn()) : Optional.empty();
    Optional<LocalDate> courseEnd =
        start.isPresent() ? InternedDates.optional(InternedDates.plusDays(start.get(), days)) : Optional.empty();
    Optional<LocalDate> plannedStop = courseEnd;
    if (high && breastfed && protocol.is(Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION) && start.isPresent()
        && extends_(protocol, facts, start.get(), asOf)) {
      plannedStop = extendedStop(protocol, facts, infant, start.get(), plannedStop.orElseThrow(), asOf);
    }
    if (firstPhase > 0 && (firstPhase < days || !plannedStop.equals(courseEnd))) {
      later = LATER_NVP;
    }
    Optional<LocalDate> firstPhaseEnds = later.isPresent() && start.isPresent()
        ? InternedDates.optional(InternedDates.plusDays(start.get(), firstPhase)) : Optional.empty();
    Status status;
    if (start.isEmpty()) {
      status = Status.NOT_STARTED;
    } else if (stopped.isPresent()) {
      status = Status.STOPPED;
    } else if (plannedStop.isPresent() && !asOf.isBefore(plannedStop.get())) {
      status = Status.COMPLETED;
    } else {
      status = Status.ONGOING;
    }
    long lateAfterDays = (protocol.getInt(Key.PROPHYLAXIS_LATE_START_HOURS) + 23) / 24;
    boolean motherKnownAtBirth = diagnosed.isPresent() && !diagnosed.get().isAfter(infant.bornOn());
    boolean lateStart = firstStart.isPresent() && motherKnownAtBirth
        && firstStart.get().isAfter(InternedDates.plusDays(infant.bornOn(), lateAfterDays));
    return new ProphylaxisPlan(status, regimen, later, start, firstPhaseEnds, plannedStop, stopped, days, lateStart);
  }

  /**
   * Whether the course extends past its minimum until maternal suppression: always (ZA P8), or
   * only when the mother's latest result known at the start is not suppressed (Kenya P10).
   */
  private static boolean extends_(Protocol protocol, Facts facts, LocalDate start, LocalDate asOf) {
    if (!protocol.is(Key.PROPHYLAXIS_EXTEND_ONLY_IF_UNSUPPRESSED)) {
      return true;
    }
    LocalDate knownBy = start.isBefore(asOf) ? start : asOf;
    return facts.mother().viralLoads().latest(vl -> !vl.resultDate().isAfter(knownBy))
        .map(vl -> !suppressed(protocol, vl))
        .orElse(true);
  }

  /**
   * The end of an extended course: not before the minimum, at the earlier of the return of a
   * suppressed maternal result sampled on or after the start and the end of breastfeeding plus the
   * protocol's interval; unknown (empty) while neither has happened.
   */
  private static Optional<LocalDate> extendedStop(Protocol protocol, Facts facts, InfantFacts infant, LocalDate start,
      LocalDate minimum, LocalDate asOf) {
    Optional<LocalDate> suppressedResult = facts.mother().viralLoads()
        .earliest(vl -> !vl.sampleDate().isBefore(start) && !vl.resultDate().isAfter(asOf) && suppressed(protocol, vl))
        .map(ViralLoadResulted::resultDate);
    Optional<LocalDate> afterCessation = infant.breastfeedingEndedBy(asOf)
        .map(ended -> ended.plus(protocol.get(Key.PROPHYLAXIS_END_AFTER_CESSATION)));
    Optional<LocalDate> end = suppressedResult.isPresent() && afterCessation.isPresent()
        ? Optional.of(suppressedResult.get().isBefore(afterCessation.get()) ? suppressedResult.get() : afterCessation.get())
        : suppressedResult.or(() -> afterCessation);
    return end.map(d -> d.isAfter(minimum) ? d : minimum);
  }

  /** Below the infant-risk threshold, as that threshold is read (inclusive or not). */
  private static boolean suppressed(Protocol protocol, ViralLoadResulted vl) {
    int threshold = protocol.getInt(Key.RISK_VL_THRESHOLD);
    return protocol.is(Key.RISK_VL_THRESHOLD_INCLUSIVE) ? vl.result().isBelow(threshold) : !vl.result().isAbove(threshold);
  }
}
