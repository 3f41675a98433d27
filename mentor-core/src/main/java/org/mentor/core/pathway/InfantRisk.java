package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.internal.InternedDates;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;

/**
 * The named strategy that classifies an HIV-exposed infant's risk (infant.md §1, I1–I5). Its
 * parameters come from the protocol ({@code infantRisk.*}), so WHO's "> 1000 in the 4 weeks
 * before delivery" and South Africa's "≥ 1000 in the 12 weeks before, or no result" are the same
 * code with different values. Re-derived at every evaluation, so a late result reclassifies.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InfantRisk {
  /** Every low-risk assessment is this one (a record with no per-case content). */
  private static final RiskAssessment LOW = new RiskAssessment(RiskClass.LOW, ImmutableList.of(), Optional.empty());

  private InfantRisk() {}

  /**
   * Classifies an infant as of a date.
   *
   * @param protocol the protocol, not null
   * @param facts the case's facts, not null
   * @param infant the infant, not null
   * @param asOf the evaluation date, not null
   * @return the assessment
   */
  public static RiskAssessment classify(Protocol protocol, Facts facts, InfantFacts infant, LocalDate asOf) {
    return classify(protocol, facts, infant, asOf, diagnosedOn(facts, asOf));
  }

  /** {@link #classify} given the mother's {@link #diagnosedOn} as of the same date (an evaluation finds it once). */
  static RiskAssessment classify(Protocol protocol, Facts facts, InfantFacts infant, LocalDate asOf,
      Optional<LocalDate> diagnosed) {
    LocalDate delivery = infant.bornOn();
    MaternalFacts mother = facts.mother();
    boolean establishedAtDelivery = diagnosed.isPresent() && !diagnosed.get().isAfter(delivery);
    LocalDate resultsKnownBy = protocol.is(Key.RISK_RESULT_KNOWN_AT_BIRTH) ? delivery : asOf;
    // Runs for every infant at every evaluation, and most infants are low risk: the reasons list and
    // the words of a reason are made only once a criterion is met, and the window's results are
    // scanned once rather than gathered into a list.
    @Nullable List<String> reasons = null;
    LocalDate since = null; // the earliest date a criterion met became known

    if (establishedAtDelivery) {
      ArtStarted artStart = History.oldestOnOrBefore(mother.artStarts(), delivery);
      int minDays = protocol.getInt(Key.RISK_MIN_ART_DAYS);
      if (artStart == null) {
        reasons = add(reasons, "I1a/I3a: no maternal ART by delivery");
        since = earliest(since, delivery);
      } else if (delivery.toEpochDay() - artStart.occurredOn().toEpochDay() < minDays) { // ChronoUnit.DAYS.between, directly
        reasons = add(reasons, "I1a: " + (delivery.toEpochDay() - artStart.occurredOn().toEpochDay())
            + " days of maternal ART at delivery (< " + minDays + ")");
        since = earliest(since, delivery);
      }
      LocalDate windowStart = InternedDates.plusDays(delivery, -protocol.getInt(Key.RISK_VL_WINDOW_DAYS));
      int threshold = protocol.getInt(Key.RISK_VL_THRESHOLD);
      boolean inclusive = protocol.is(Key.RISK_VL_THRESHOLD_INCLUSIVE);
      boolean anyInWindow = false;
      for (ViralLoadResulted vl : mother.viralLoads()) { // newest first: the newest high result is the one named
        if (!vl.sampleDate().isBefore(windowStart) && !vl.sampleDate().isAfter(delivery)
            && !vl.resultDate().isAfter(resultsKnownBy)) {
          anyInWindow = true;
          if (inclusive ? vl.result().isAtLeast(threshold) : vl.result().isAbove(threshold)) {
            reasons = add(reasons, "I1b/I3b: maternal VL " + (inclusive ? ">= " : "> ") + threshold + " sampled "
                + ChronoUnit.DAYS.between(vl.sampleDate(), delivery) + " days before delivery");
            since = earliest(since, later(delivery, vl.resultDate()));
            break;
          }
        }
      }
      if (!anyInWindow && protocol.is(Key.RISK_MISSING_VL_IS_HIGH)) {
        reasons = add(reasons,
            "I3c: no maternal VL result in the " + protocol.getInt(Key.RISK_VL_WINDOW_DAYS) + " days before delivery");
        since = earliest(since, delivery);
      }
    }
    if (diagnosed.isPresent() && protocol.is(Key.RISK_INCIDENT_IS_HIGH) && wasKnownNegative(facts, diagnosed.get())) {
      reasons = add(reasons, "I1c: maternal infection incident in pregnancy or breastfeeding");
      since = earliest(since, later(delivery, diagnosed.get()));
    }
    if (diagnosed.isPresent() && diagnosed.get().isAfter(delivery) && protocol.is(Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH)) {
      reasons = add(reasons, "I1d: mother first identified after delivery");
      since = earliest(since, diagnosed.get());
    }
    if (protocol.is(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)) {
      int threshold = protocol.getInt(Key.RISK_VL_THRESHOLD);
      boolean inclusive = protocol.is(Key.RISK_VL_THRESHOLD_INCLUSIVE);
      ViralLoadResulted unsuppressed = null; // the oldest such result (a loop rather than a capturing predicate)
      for (ViralLoadResulted vl : mother.viralLoads()) {
        if (vl.sampleDate().isAfter(delivery) && !vl.resultDate().isAfter(asOf)
            && (inclusive ? vl.result().isAtLeast(threshold) : vl.result().isAbove(threshold))
            && infant.feedingOn(vl.sampleDate()).map(Codes.FeedingMode::isBreastfeeding).orElse(true)) {
          unsuppressed = vl;
        }
      }
      if (unsuppressed != null) {
        reasons = add(reasons, "I3: maternal VL " + (inclusive ? ">= " : "> ") + threshold + " while breastfeeding");
        since = earliest(since, unsuppressed.resultDate());
      }
    }
    if (reasons == null) {
      return LOW;
    }
    return new RiskAssessment(RiskClass.HIGH, ImmutableList.copyOf(reasons), InternedDates.optional(since));
  }

  /** The reasons with one more, made on the first. */
  private static List<String> add(@Nullable List<String> reasons, String reason) {
    List<String> list = reasons == null ? new ArrayList<>(2) : reasons;
    list.add(reason);
    return list;
  }

  /**
   * The mother's diagnosis date as known on a date: the enrolment date if she enrolled positive
   * (or her first ART start, if earlier), else her first positive test.
   */
  static Optional<LocalDate> diagnosedOn(Facts facts, LocalDate asOf) {
    // Loops and the shared Optional rather than predicates and Optional chains: this runs at every
    // evaluation, and the capturing lambdas and intermediate Optionals were most of its cost.
    MaternalFacts mother = facts.mother();
    LocalDate earliest = null;
    for (MaternalHivTested test : mother.hivTests()) { // newest first: the last match is the oldest
      if (test.result() == HivTestResult.POSITIVE && !test.occurredOn().isAfter(asOf)) {
        earliest = test.occurredOn();
      }
    }
    Enrolled enrolment = facts.enrolment().orElse(null);
    if (enrolment != null && enrolment.hivStatus() == HivStatus.POSITIVE && !enrolment.occurredOn().isAfter(asOf)) {
      earliest = earlier(earliest, enrolment.occurredOn());
      ArtStarted firstArt = History.oldestOnOrBefore(mother.artStarts(), LocalDate.MAX); // her first ART start, whenever
      if (firstArt != null) {
        earliest = earlier(earliest, firstArt.occurredOn());
      }
    }
    return InternedDates.optional(earliest);
  }

  /** Whether a negative status was documented (at enrolment or by a test) before the diagnosis. */
  private static boolean wasKnownNegative(Facts facts, LocalDate diagnosis) {
    Enrolled enrolment = facts.enrolment().orElse(null);
    if (enrolment != null && enrolment.hivStatus() == HivStatus.NEGATIVE && enrolment.occurredOn().isBefore(diagnosis)) {
      return true;
    }
    for (MaternalHivTested test : facts.mother().hivTests()) {
      if (test.result() == HivTestResult.NEGATIVE && test.occurredOn().isBefore(diagnosis)) {
        return true;
      }
    }
    return false;
  }

  /** The earlier of two dates, the second on a tie (as the Optional form this replaced chose). */
  private static LocalDate earlier(@Nullable LocalDate a, LocalDate b) {
    return a == null ? b : a.isBefore(b) ? a : b;
  }

  private static LocalDate earliest(@Nullable LocalDate a, LocalDate b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
