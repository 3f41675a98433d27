package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;

/**
 * The named guards of the transition table: predicates over the triggering event, the replay's
 * memory and protocol values. Their ids appear in the diagram and in every explanation; the
 * numbers they compare with always come from the protocol.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Guard {
  ALWAYS("always", s -> true),
  ENROLLED_POSITIVE("enrolled HIV-positive", s -> ((Enrolled) s.event()).hivStatus() == HivStatus.POSITIVE),
  TEST_POSITIVE("maternal test positive", s -> ((MaternalHivTested) s.event()).result() == HivTestResult.POSITIVE),
  ABOUT_MOTHER("about the mother", s -> Replay.infantOf(s.event()) == null),
  ABOUT_THIS_INFANT("about this infant", s -> s.infant() != null
      && s.infant().facts.infantId().equals(Replay.infantOf(s.event()))),
  LIVE_BIRTH("a live birth", s -> ((Delivered) s.event()).hasLiveBirth()),
  NO_LIVE_BIRTH("no live birth", s -> !((Delivered) s.event()).hasLiveBirth()),
  NOT_DELIVERED("not delivered", s -> s.memory().deliveredOn == null),
  VL_SWITCH_INDICATED("unsuppressed on an NNRTI, or again after counselling", s -> {
    ViralLoad result = ((ViralLoadResulted) s.event()).result();
    Memory m = s.memory();
    int above = s.protocol().getInt(Key.VL_UNSUPPRESSED_ABOVE);
    boolean again = m.lastVl != null && m.lastVl.result().isAbove(above) && m.eacSinceLastVl > 0;
    return result.isAbove(above) && (m.anchorClass == Regimen.DrugClass.NNRTI || again);
  }),
  VL_SUPPRESSED("below the suppression threshold",
      s -> ((ViralLoadResulted) s.event()).result().isBelow(s.protocol().getInt(Key.VL_SUPPRESSED_BELOW))),
  VL_LOW_LEVEL("low-level viraemia", s -> {
    ViralLoad result = ((ViralLoadResulted) s.event()).result();
    return !result.isBelow(s.protocol().getInt(Key.VL_SUPPRESSED_BELOW))
        && !result.isAbove(s.protocol().getInt(Key.VL_UNSUPPRESSED_ABOVE));
  }),
  VL_UNSUPPRESSED("above the unsuppressed threshold",
      s -> ((ViralLoadResulted) s.event()).result().isAbove(s.protocol().getInt(Key.VL_UNSUPPRESSED_ABOVE))),
  EAC_COMPLETE("an enhanced counselling session that completes the protocol's sessions",
      s -> enhanced(s) && s.memory().eacSinceLastVl + 1 >= s.protocol().getInt(Key.EAC_SESSIONS)),
  EAC_CONTINUES("an enhanced counselling session, more to come",
      s -> enhanced(s) && s.memory().eacSinceLastVl + 1 < s.protocol().getInt(Key.EAC_SESSIONS)),
  ADHERENCE_CHECK("above the plausible maximum",
      s -> adherence(s) > s.protocol().getInt(Key.ADHERENCE_CHECK_ABOVE)),
  ADHERENCE_GOOD("at or above good", s -> inBand(s, Key.ADHERENCE_GOOD_FROM, Integer.MAX_VALUE)),
  ADHERENCE_FAIR("fair", s -> inBand(s, Key.ADHERENCE_FAIR_FROM, s.protocol().getInt(Key.ADHERENCE_GOOD_FROM))),
  ADHERENCE_POOR("below fair", s -> Math.min(adherence(s), 100) < s.protocol().getInt(Key.ADHERENCE_FAIR_FROM)),
  AFTER_RETURN_DAY("after the day of return", s -> s.date().isAfter(s.since())),
  TRACING_REACHED("the tracing attempt reached her and she will return",
      s -> ((TracingAttempted) s.event()).outcome() == Codes.TracingOutcome.REACHED_WILL_RETURN),
  ABOUT_THIS_INFANT_OR_MOTHER("about this infant or the mother (the pair)",
      s -> Replay.infantOf(s.event()) == null || ABOUT_THIS_INFANT.test(s)),
  SOME_INFANT_UNRESOLVED("delivered, and an infant has no final outcome",
      s -> s.memory().deliveredOn != null && s.replay().allInfantsResolvedOn() == null),
  NAT_OR_AB_POSITIVE("a positive NAT, or a positive antibody test at or after the final-test age",
      s -> infantResult(s, InfantTestResult.POSITIVE) && diagnosticAtAge(s)),
  CONFIRMS_POSITIVE("a positive on a second sample",
      s -> NAT_OR_AB_POSITIVE.test(s) && s.infant().firstPositiveSample != null
          && ((InfantHivTested) s.event()).sampleDate().isAfter(s.infant().firstPositiveSample)),
  INDETERMINATE("this infant's result indeterminate", s -> infantResult(s, InfantTestResult.INDETERMINATE)),
  FINAL_NEGATIVE("negative at the final-test age, late enough after breastfeeding", s -> infantResult(s, InfantTestResult.NEGATIVE)
      && isFinalTest(s.protocol(), s.infant().facts, ((InfantHivTested) s.event()).sampleDate())),
  INTERIM_NEGATIVE("negative, not yet final", s -> infantResult(s, InfantTestResult.NEGATIVE)
      && !isFinalTest(s.protocol(), s.infant().facts, ((InfantHivTested) s.event()).sampleDate())),
  BREASTFEEDING_RESUMED("breastfeeding again",
      s -> ABOUT_THIS_INFANT.test(s) && ((FeedingRecorded) s.event()).mode().isBreastfeeding());

  private final String description;
  private final Predicate<Step> predicate;

  Guard(String description, Predicate<Step> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  /** What the guard checks, in words for the diagram and explanations. */
  public String description() {
    return description;
  }

  boolean test(Step step) {
    return predicate.test(step);
  }

  private static boolean enhanced(Step s) {
    return ((AdherenceCounselled) s.event()).counselling() == Codes.CounsellingKind.ENHANCED;
  }

  private static double adherence(Step s) {
    return org.mentor.core.adherence.PillCountAdherence.percent((PillCounted) s.event());
  }

  private static boolean inBand(Step s, Key<Integer> from, int below) {
    if (ADHERENCE_CHECK.test(s)) {
      return false;
    }
    double classified = Math.min(adherence(s), 100);
    return classified >= s.protocol().getInt(from) && classified < below;
  }

  /** A NAT at any age; an antibody test only from the final-test age (maternal antibodies before it). */
  private static boolean diagnosticAtAge(Step s) {
    InfantHivTested test = (InfantHivTested) s.event();
    return test.testType() == Codes.InfantTestType.NAT
        || !test.sampleDate().isBefore(s.infant().facts.bornOn().plus(s.protocol().get(Key.FINAL_TEST_AGE)));
  }

  private static boolean infantResult(Step s, InfantTestResult result) {
    return ABOUT_THIS_INFANT.test(s) && ((InfantHivTested) s.event()).result() == result;
  }

  /**
   * Whether a negative sample taken on a date establishes the final status (infant.md F1): at or
   * after the final-test age, and at least the protocol's interval after breastfeeding ended (an
   * infant with no feeding record is treated as still breastfed, so no status closes by default).
   */
  static boolean isFinalTest(Protocol protocol, InfantFacts infant, LocalDate sampleDate) {
    if (sampleDate.isBefore(infant.bornOn().plus(protocol.get(Key.FINAL_TEST_AGE)))) {
      return false;
    }
    java.util.Optional<FeedingMode> feeding = infant.feedingOn(sampleDate);
    if (feeding.isEmpty()) {
      return false;
    }
    if (feeding.get() == FeedingMode.REPLACEMENT_FEEDING && !infant.everBreastfedBy(sampleDate)) {
      return true;
    }
    return infant.breastfeedingEndedBy(sampleDate)
        .map(ended -> !sampleDate.isBefore(ended.plus(protocol.get(Key.FINAL_TEST_AFTER_CESSATION))))
        .orElse(false);
  }

  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }
}
