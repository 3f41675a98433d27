package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.testing.CaseBuilder;

/**
 * PMTCT_EID (numerator), PMTCT_HEI_POS, VER.14 and VER.15 on a hand-built cohort of tested
 * infants, reported for FY2026 Q1 = [2025-10-01, 2025-12-31] with data cut-off 2026-01-20. The
 * mothers all enrolled (HIV-positive, on ART) before the quarter, so only infant tests fall in it.
 * Expected figures are worked out in the comments from shared/clinical/indicators.md §1–§3.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InfantTestingIndicatorsTest {
  private static final ReportingPeriod Q1 = ReportingPeriod.fiscalQuarter(2026, 1);
  private static final LocalDate CUT_OFF = of(2026, 1, 20);

  private static CaseBuilder positiveMother(String id, LocalDate lmp, LocalDate anc1) {
    return aCase(id).lmp(lmp).enrolledAtAnc(anc1, HivStatus.POSITIVE).startedArt(anc1);
  }

  // t1: twins born 2025-08-25. A: first NAT 2025-10-25 = birth + 2 months exactly -> 0-2 months (K3 "<=");
  //     B: first NAT 2025-10-26 -> 2-12 months; each twin counts (K8). Results: A the same day,
  //     B on 2025-11-20 (25 days) -> both within 4 weeks (VER.14).
  private static final CaseBuilder T1 = twins();
  // t2: born 2025-09-01, birth NAT 2025-09-01 (before the quarter), 6-week NAT 2025-10-13 returned
  //     2025-11-14 (32 days) -> not a first NAT (K3): no PMTCT_EID; VER.14 denominator only.
  private static final CaseBuilder T2 = positiveMother("t2", of(2024, 11, 25), of(2025, 3, 10)).delivered(of(2025, 9, 1))
      .nat(of(2025, 9, 1), InfantTestResult.NEGATIVE).nat(of(2025, 10, 13), of(2025, 11, 14), InfantTestResult.NEGATIVE);
  // t3: born 2024-10-15, first NAT 2025-10-20 > birth + 12 months (2025-10-15) -> no PMTCT_EID;
  //     returned the same day -> VER.14 numerator.
  private static final CaseBuilder T3 = positiveMother("t3", of(2024, 1, 9), of(2024, 5, 1)).delivered(of(2024, 10, 15))
      .nat(of(2025, 10, 20), InfantTestResult.NEGATIVE);
  // t4: born 2025-12-20, first NAT 2025-12-30, pending at the cut-off -> PMTCT_EID 0-2 months;
  //     2025-12-30 + 28 days = 2026-01-27 is after the cut-off -> VER.14 gap RESULT_PENDING_WITHIN_4_WEEKS.
  private static final CaseBuilder T4 = positiveMother("t4", of(2025, 3, 15), of(2025, 6, 2)).delivered(of(2025, 12, 20))
      .nat(of(2025, 12, 30), InfantTestResult.PENDING);
  // t5: born 2025-07-01, NAT 2025-08-12 positive (returned 2025-08-26, ART that day), confirmed on a
  //     sample of 2025-10-02 (returned 2025-10-16, 14 days). Confirmed in the quarter; first positive
  //     sample 2025-08-12 <= birth + 2 months (2025-09-01) -> HEI_POS 0-2 months, started ART;
  //     VER.15 numerator (ART on the day the first positive result returned).
  private static final CaseBuilder T5 = positiveMother("t5", of(2024, 9, 24), of(2025, 1, 6)).delivered(of(2025, 7, 1))
      .nat(of(2025, 8, 12), of(2025, 8, 26), InfantTestResult.POSITIVE).infantArt(of(2025, 8, 26))
      .nat(of(2025, 10, 2), of(2025, 10, 16), InfantTestResult.POSITIVE);
  // t6: born 2025-03-10, birth NAT negative, NAT 2025-09-15 positive (returned 2025-09-29), confirmed
  //     on 2025-11-03 (returned 2025-11-17): HEI_POS with first positive after birth + 2 months
  //     (2025-05-10) -> 2-12 months; no ART -> not started; VER.15 denominator only.
  private static final CaseBuilder T6 = positiveMother("t6", of(2024, 6, 3), of(2024, 9, 2)).delivered(of(2025, 3, 10))
      .nat(of(2025, 3, 10), InfantTestResult.NEGATIVE).nat(of(2025, 9, 15), of(2025, 9, 29), InfantTestResult.POSITIVE)
      .nat(of(2025, 11, 3), of(2025, 11, 17), InfantTestResult.POSITIVE);
  // t7: born 2025-09-01, birth NAT negative, NAT 2025-12-01 positive (returned 2025-12-10) and no
  //     confirmation by the cut-off -> not counted in HEI_POS or VER.15, gap CONFIRMATION_PENDING.
  private static final CaseBuilder T7 = positiveMother("t7", of(2024, 11, 25), of(2025, 2, 3)).delivered(of(2025, 9, 1))
      .nat(of(2025, 9, 1), InfantTestResult.NEGATIVE).nat(of(2025, 12, 1), of(2025, 12, 10), InfantTestResult.POSITIVE);
  // t8: born 2025-11-08, first NAT 2025-12-01 still pending at the cut-off -> PMTCT_EID 0-2 months;
  //     2025-12-01 + 28 = 2025-12-29 has passed -> VER.14 denominator only.
  private static final CaseBuilder T8 = positiveMother("t8", of(2025, 2, 1), of(2025, 5, 5)).delivered(of(2025, 11, 8))
      .nat(of(2025, 12, 1), InfantTestResult.PENDING);
  // t9: confirmed positive in June 2025 (samples 2025-05-12 and 2025-06-02): not in this quarter.
  private static final CaseBuilder T9 = positiveMother("t9", of(2024, 6, 24), of(2024, 10, 7)).delivered(of(2025, 3, 31))
      .nat(of(2025, 5, 12), of(2025, 5, 20), InfantTestResult.POSITIVE).infantArt(of(2025, 5, 21))
      .nat(of(2025, 6, 2), of(2025, 6, 10), InfantTestResult.POSITIVE);

  private static CaseBuilder twins() {
    CaseBuilder b = positiveMother("t1", of(2024, 11, 18), of(2025, 3, 3)).deliveredTwins(of(2025, 8, 25));
    return b.test(b.infantA(), InfantTestType.NAT, of(2025, 10, 25), of(2025, 10, 25), InfantTestResult.NEGATIVE)
        .test(b.infantB(), InfantTestType.NAT, of(2025, 10, 26), of(2025, 11, 20), InfantTestResult.NEGATIVE);
  }

  private final IndicatorReport report =
      new Cohort().with(T1, T2, T3, T4, T5, T6, T7, T8, T9).report(ReportRequest.current(Q1, CUT_OFF));

  @Test
  void PMTCT_EID_counts_each_infant_once_at_its_first_NAT_sampled_in_the_quarter_by_12_months() {
    IndicatorResult eid = report.result(Indicator.PMTCT_EID);
    // t1 A (0-2), t1 B (2-12), t4 (0-2, pending), t8 (0-2, pending) = 4; 0-2 months 3, 2-12 months 1.
    assertThat(eid.numerator()).isEqualTo(4);
    assertThat(eid.strata(Dimension.INFANT_AGE_AT_SAMPLE)).containsExactly(
        entry(Category.AGE_0_TO_2_MONTHS, 3), entry(Category.AGE_2_TO_12_MONTHS, 1));
    assertThat(eid.contribution(Unit.infant(CaseId.of("t1"), T1.infantA())).orElseThrow().categories())
        .containsExactly(Category.AGE_0_TO_2_MONTHS);
    assertThat(eid.contribution(Unit.infant(CaseId.of("t1"), T1.infantB())).orElseThrow().categories())
        .containsExactly(Category.AGE_2_TO_12_MONTHS);
    // No mother had ANC1 (or a new diagnosis) in the quarter: the denominator is 0.
    assertThat(eid.denominator()).contains(0);
    assertThat(eid.proportion()).isEmpty();
  }

  @Test
  void PMTCT_HEI_POS_counts_infants_confirmed_in_the_quarter_with_age_at_the_first_positive_sample() {
    IndicatorResult heiPos = report.result(Indicator.PMTCT_HEI_POS);
    // t5 (confirmed 2025-10-02, 0-2 months, on ART) and t6 (confirmed 2025-11-03, 2-12 months, no ART) = 2.
    assertThat(heiPos.numerator()).isEqualTo(2);
    assertThat(heiPos.denominator()).isEmpty();
    assertThat(heiPos.strata()).containsExactly(entry(Category.AGE_0_TO_2_MONTHS, 1), entry(Category.AGE_2_TO_12_MONTHS, 1),
        entry(Category.STARTED_ART, 1), entry(Category.NOT_STARTED_ART, 1));
    // t7's positive of 2025-12-01 awaits confirmation: listed, not counted (K4).
    assertThat(heiPos.notComputed()).containsExactly(entry(Gap.CONFIRMATION_PENDING, 1));
  }

  @Test
  void VER_15_counts_ART_started_on_the_day_the_diagnosis_was_returned() {
    IndicatorResult earlyArt = report.result(Indicator.VER_15);
    // Identified positive in the quarter: t5, t6 = 2; ART on the first positive result's date: t5 = 1.
    assertThat(earlyArt.denominator()).contains(2);
    assertThat(earlyArt.numerator()).isEqualTo(1);
    assertThat(earlyArt.notComputed()).containsExactly(entry(Gap.CONFIRMATION_PENDING, 1));
  }

  @Test
  void VER_14_counts_NAT_results_returned_within_4_weeks_of_the_sample() {
    IndicatorResult turnaround = report.result(Indicator.VER_14);
    // NAT samples in the quarter: t1 A, t1 B, t2 (6 weeks), t3, t4, t5 (confirmatory), t6 (confirmatory),
    // t7, t8 = 9. t4 is pending with 4 weeks not yet passed at the cut-off: not counted (gap).
    // Denominator 8; within 28 days: t1 A (0), t1 B (25), t3 (0), t5 (14), t6 (14), t7 (9) = 6;
    // t2 took 32 days and t8 is still pending after 4 weeks.
    assertThat(turnaround.denominator()).contains(8);
    assertThat(turnaround.numerator()).isEqualTo(6);
    assertThat(turnaround.notComputed()).containsExactly(entry(Gap.RESULT_PENDING_WITHIN_4_WEEKS, 1));
    assertThat(turnaround.contributions()).extracting(c -> c.unit().kind()).containsOnly(Unit.Kind.TEST);
  }
}
