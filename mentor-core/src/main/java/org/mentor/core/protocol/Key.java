package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A named protocol value with its type and allowed range: the closed list of numbers and choices
 * the engine reads. Logic reads values only through these keys, never literals, so a protocol
 * file changes behaviour without a code change.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the value's Java type
 */
@API(status = STABLE, since = "0.1")
public final class Key<T> {
  private static final List<Key<?>> ALL = new ArrayList<>();

  // Viral load (maternal.md §3–4).
  /** A result below this many copies/mL is suppressed (T2). */
  public static final Key<Integer> VL_SUPPRESSED_BELOW = integer("viralLoad.suppressedBelow", 1, 100_000);
  /** A result above this many copies/mL is unsuppressed (T4; exactly this value is low-level viraemia). */
  public static final Key<Integer> VL_UNSUPPRESSED_ABOVE = integer("viralLoad.unsuppressedAbove", 1, 100_000);
  /** The interval from an elevated result's sample to the follow-up viral load (V4, V5, V7). */
  public static final Key<Period> VL_REPEAT_AFTER_ELEVATED = period("viralLoad.repeatAfterElevated");
  /** Days before a time-anchored viral-load due date that its window opens (maternal.md §3 scheduling rule). */
  public static final Key<Integer> VL_WINDOW_LEAD_DAYS = integer("viralLoad.windowLeadDays", 0, 90);
  /** Enhanced adherence counselling sessions after an elevated result before the repeat test (T7). */
  public static final Key<Integer> EAC_SESSIONS = integer("viralLoad.eacSessionsBeforeRepeat", 1, 10);

  // ART start (maternal.md §2).
  /** Days from diagnosis within which ART should start ("rapid" start, M2.1/M2.3). */
  public static final Key<Integer> ART_RAPID_START_DAYS = integer("art.rapidStartDays", 0, 90);

  // Adherence (maternal.md §5).
  /** Pill-count adherence at or above this percentage is good (A2). */
  public static final Key<Integer> ADHERENCE_GOOD_FROM = integer("adherence.goodFromPercent", 1, 100);
  /** Pill-count adherence at or above this percentage (and below good) is fair (A2). */
  public static final Key<Integer> ADHERENCE_FAIR_FROM = integer("adherence.fairFromPercent", 1, 100);
  /** Pill-count adherence above this percentage means the count should be checked (A1). */
  public static final Key<Integer> ADHERENCE_CHECK_ABOVE = integer("adherence.checkCountAbovePercent", 100, 200);

  // Retention (maternal.md §6).
  /** Days after a missed appointment at which interruption in treatment starts (R1, R3, R10). */
  public static final Key<Integer> IIT_THRESHOLD_DAYS = integer("retention.iitThresholdDays", 1, 365);
  /** Whether interruption starts on appointment + threshold ({@code true}, DAK) or the day after ({@code false}, MER). */
  public static final Key<Boolean> IIT_INCLUSIVE = bool("retention.iitInclusive");
  /** Days after a missed appointment by which the tracing task is due (R6). */
  public static final Key<Integer> TRACING_DUE_DAYS = integer("retention.tracingDueDays", 1, 90);

  // Infant risk (infant.md §1): parameters of the risk-classification strategy.
  /** Fewer days of maternal ART than this at delivery makes the infant high risk (I1a); 0 means "no ART by delivery" (I3a). */
  public static final Key<Integer> RISK_MIN_ART_DAYS = integer("infantRisk.minArtDaysAtDelivery", 0, 365);
  /** The window before delivery, in days, in which a maternal viral load is read for infant risk (I1b: 28, I3b: 84). */
  public static final Key<Integer> RISK_VL_WINDOW_DAYS = integer("infantRisk.vlWindowBeforeDeliveryDays", 0, 365);
  /** The maternal viral load threshold for infant risk, copies/mL. */
  public static final Key<Integer> RISK_VL_THRESHOLD = integer("infantRisk.vlThreshold", 1, 100_000);
  /** Whether a result equal to the threshold is high risk ({@code ≥}, ZA) or not ({@code >}, WHO). */
  public static final Key<Boolean> RISK_VL_THRESHOLD_INCLUSIVE = bool("infantRisk.vlThresholdInclusive");
  /** Whether no viral load in the window makes the infant high risk (I2: WHO no; I3c: ZA yes). */
  public static final Key<Boolean> RISK_MISSING_VL_IS_HIGH = bool("infantRisk.missingVlIsHighRisk");
  /** Whether only results returned by the day of birth count for the risk at birth (ZA I3, "at delivery"). */
  public static final Key<Boolean> RISK_RESULT_KNOWN_AT_BIRTH = bool("infantRisk.vlResultMustBeKnownAtBirth");
  /** Whether a maternal infection incident in pregnancy or breastfeeding makes the infant high risk (I1c). */
  public static final Key<Boolean> RISK_INCIDENT_IS_HIGH = bool("infantRisk.incidentInfectionIsHighRisk");
  /** Whether a mother first identified after delivery makes the infant high risk (I1d). */
  public static final Key<Boolean> RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH = bool("infantRisk.postpartumDiagnosisIsHighRisk");
  /** Whether a maternal viral load at or above the threshold while breastfeeding makes the infant high risk (ZA I3). */
  public static final Key<Boolean> RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH = bool("infantRisk.unsuppressedWhileBreastfeedingIsHighRisk");

  // Infant prophylaxis (infant.md §2).
  /** Days of prophylaxis for a low-risk breastfed infant (P1, P7). */
  public static final Key<Integer> PROPHYLAXIS_LOW_BREASTFED_DAYS = integer("prophylaxis.lowRiskBreastfedDays", 1, 730);
  /** Days of prophylaxis for a low-risk replacement-fed infant (P2). */
  public static final Key<Integer> PROPHYLAXIS_LOW_REPLACEMENT_DAYS = integer("prophylaxis.lowRiskReplacementFedDays", 1, 730);
  /** Days of prophylaxis for a high-risk breastfed infant (P3, P8 minimum). */
  public static final Key<Integer> PROPHYLAXIS_HIGH_BREASTFED_DAYS = integer("prophylaxis.highRiskBreastfedDays", 1, 730);
  /** Days of the first, dual-drug phase for a high-risk infant (P3, P4, P8: AZT for 6 weeks). */
  public static final Key<Integer> PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS = integer("prophylaxis.highRiskFirstPhaseDays", 1, 730);
  /** Days of prophylaxis for a high-risk replacement-fed infant (P4, P9). */
  public static final Key<Integer> PROPHYLAXIS_HIGH_REPLACEMENT_DAYS = integer("prophylaxis.highRiskReplacementFedDays", 1, 730);
  /** Whether a high-risk breastfed infant's prophylaxis continues until a maternal result below the risk threshold is recorded (ZA P8). */
  public static final Key<Boolean> PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION = bool("prophylaxis.highRiskUntilMaternalSuppression");
  /** Whether a high-risk infant's first phase is a three-drug regimen rather than AZT + NVP (WHO 2025 P5). */
  public static final Key<Boolean> PROPHYLAXIS_HIGH_THREE_DRUG = bool("prophylaxis.highRiskThreeDrugFirstPhase");
  /** Whether every exposed infant gets the high-risk breastfed course whatever its risk and feeding (Kenya P10). */
  public static final Key<Boolean> PROPHYLAXIS_SAME_COURSE_FOR_ALL = bool("prophylaxis.sameCourseForAllInfants");
  /**
   * With {@code highRiskUntilMaternalSuppression}: whether the course is extended only when the
   * mother's latest result at the start is not suppressed (Kenya P10), rather than always waiting
   * for a suppressed result sampled after the start (South Africa P8).
   */
  public static final Key<Boolean> PROPHYLAXIS_EXTEND_ONLY_IF_UNSUPPRESSED = bool("prophylaxis.extendOnlyIfUnsuppressed");
  /** With {@code highRiskUntilMaternalSuppression}: the course also ends this long after breastfeeding ends (ZA P8: 4 weeks). */
  public static final Key<Period> PROPHYLAXIS_END_AFTER_CESSATION = period("prophylaxis.endAfterBreastfeedingCessation");
  /** Hours after birth after which a prophylaxis start is flagged late. */
  public static final Key<Integer> PROPHYLAXIS_LATE_START_HOURS = integer("prophylaxis.lateStartAfterHours", 1, 720);

  // Final status (infant.md §3, §5).
  /** The infant's age at the final test (F1). */
  public static final Key<Period> FINAL_TEST_AGE = period("finalStatus.testAge");
  /** The time after the end of breastfeeding at which the final test falls (F1: WHO 3 months, ZA/KE 6 weeks). */
  public static final Key<Period> FINAL_TEST_AFTER_CESSATION = period("finalStatus.afterCessation");

  // Phase.
  /** The postnatal period after delivery, before infant follow-up. */
  public static final Key<Period> POSTNATAL_PERIOD = period("phase.postnatalPeriod");

  private final String name;
  private final int index;
  private final Class<T> type;
  private final Function<Object, String> rangeCheck;

  private Key(String name, Class<T> type, Function<Object, String> rangeCheck) {
    this.name = name;
    this.type = type;
    this.rangeCheck = rangeCheck;
    synchronized (ALL) {
      this.index = ALL.size();
      ALL.add(this);
    }
  }

  private static Key<Integer> integer(String name, int min, int max) {
    return new Key<>(name, Integer.class,
        v -> ((Integer) v) < min || ((Integer) v) > max ? "between " + min + " and " + max : "");
  }

  private static Key<Boolean> bool(String name) {
    return new Key<>(name, Boolean.class, v -> "");
  }

  private static Key<Period> period(String name) {
    return new Key<>(name, Period.class, v -> ((Period) v).isNegative() ? "not negative" : "");
  }

  /** Every key, in declaration order. */
  public static ImmutableList<Key<?>> all() {
    return ImmutableList.copyOf(ALL);
  }

  /** The key's name as written in protocol files, such as {@code viralLoad.unsuppressedAbove}. */
  public String name() {
    return name;
  }

  /** The value's Java type. */
  public Class<T> type() {
    return type;
  }

  int index() {
    return index;
  }

  /**
   * Checks a value's range.
   *
   * @param value the value, not null
   * @return the empty string if allowed, else what is allowed
   */
  String rangeProblem(Object value) {
    return rangeCheck.apply(requireNonNull(value, "value"));
  }

  @Override
  public String toString() {
    return name;
  }
}
