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
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.testing.CaseBuilder;

/**
 * PMTCT_FO for the annual FY2026 report = [2025-10-01, 2026-09-30] (K1): the birth cohort is the
 * period moved back 24 months, infants born [2023-10-01, 2024-09-30] (K5: the 12 months ending 24
 * months before the period ends), each twin separately, with the outcome mapped by infant.md §5 F8.
 * Data cut-off 2026-10-30.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FinalOutcomeIndicatorTest {
  private static final ReportingPeriod FY2026 = ReportingPeriod.fiscalYear(2026);

  private static CaseBuilder born(String id, LocalDate birth) {
    // LMP = birth - 280 days: delivered at term; enrolled HIV-positive on ART at 16 weeks.
    LocalDate lmp = birth.minusDays(280);
    return aCase(id).lmp(lmp).enrolledAtAnc(lmp.plusWeeks(16), HivStatus.POSITIVE).startedArt(lmp.plusWeeks(16));
  }

  // f1: born 2024-01-15; positive NATs 2024-02-26 and 2024-03-11 (confirmed, F2) -> HIV_INFECTED.
  private static final CaseBuilder F1 = born("f1", of(2024, 1, 15)).delivered(of(2024, 1, 15)).breastfed()
      .nat(of(2024, 2, 26), of(2024, 3, 4), InfantTestResult.POSITIVE).infantArt(of(2024, 3, 4))
      .nat(of(2024, 3, 11), of(2024, 3, 18), InfantTestResult.POSITIVE);
  // f2: born 2024-02-01, never breastfed; antibody negative at 18 months (2025-08-04) -> F3 HIV_UNINFECTED.
  private static final CaseBuilder F2 = born("f2", of(2024, 2, 1)).delivered(of(2024, 2, 1)).replacementFed()
      .antibody(of(2025, 8, 4), InfantTestResult.NEGATIVE);
  // f3: born 2024-03-10, breastfed until 2025-01-10; final test due at the later of 18 months
  //     (2025-09-10) and cessation + 3 months (2025-04-10); antibody negative 2025-09-15 -> HIV_UNINFECTED.
  private static final CaseBuilder F3 = born("f3", of(2024, 3, 10)).delivered(of(2024, 3, 10)).breastfed()
      .breastfeedingStopped(of(2025, 1, 10)).antibody(of(2025, 9, 15), InfantTestResult.NEGATIVE);
  // f4: born 2024-05-05, died 2024-11-20 without a positive diagnosis -> F4 DIED_WITHOUT_STATUS_KNOWN.
  private static final CaseBuilder F4 = died();
  // f5: born 2024-06-01, breastfed, never tested at the final age: 18 months + 28 days = 2025-12-29
  //     has passed -> F7 -> HIV_FINAL_STATUS_UNKNOWN.
  private static final CaseBuilder F5 = born("f5", of(2024, 6, 1)).delivered(of(2024, 6, 1)).breastfed();
  // f6: born 2024-07-20, feeding never recorded; antibody negative 2026-01-25 cannot be final
  //     (infant.md F1 needs the feeding), so F7 -> HIV_FINAL_STATUS_UNKNOWN, gap FEEDING_NOT_RECORDED.
  private static final CaseBuilder F6 = born("f6", of(2024, 7, 20)).delivered(of(2024, 7, 20))
      .antibody(of(2026, 1, 25), InfantTestResult.NEGATIVE);
  // f7: twins born 2024-09-30, the cohort's last day, never breastfed; both antibody negative at 18
  //     months (2026-04-01) -> two HIV_UNINFECTED infants (K5: each twin separately).
  private static final CaseBuilder F7 = twins();
  // f8: born 2024-10-01, the day after the cohort; f9: born 2023-09-30, the day before -> not in it.
  private static final CaseBuilder F8 = born("f8", of(2024, 10, 1)).delivered(of(2024, 10, 1)).replacementFed();
  private static final CaseBuilder F9 = born("f9", of(2023, 9, 30)).delivered(of(2023, 9, 30)).replacementFed();
  // f10: a stillbirth on 2024-04-04 -> no infant to follow.
  private static final CaseBuilder F10 = born("f10", of(2024, 4, 4)).stillbirth(of(2024, 4, 4));
  // f11: an HIV-negative mother's infant, born 2024-02-20 -> not HIV-exposed, not in the cohort.
  private static final CaseBuilder F11 = aCase("f11").lmp(of(2023, 5, 16)).enrolledAtAnc(of(2023, 9, 4), HivStatus.NEGATIVE)
      .hivTest(of(2023, 9, 4), HivTestResult.NEGATIVE).delivered(of(2024, 2, 20)).breastfed();

  private static CaseBuilder died() {
    CaseBuilder b = born("f4", of(2024, 5, 5)).delivered(of(2024, 5, 5)).breastfed()
        .nat(of(2024, 6, 16), InfantTestResult.NEGATIVE);
    return b.infantDied(b.infantA(), of(2024, 11, 20));
  }

  private static CaseBuilder twins() {
    CaseBuilder b = born("f7", of(2024, 9, 30)).deliveredTwins(of(2024, 9, 30)).replacementFed();
    return b.test(b.infantA(), InfantTestType.ANTIBODY, of(2026, 4, 1), of(2026, 4, 1), InfantTestResult.NEGATIVE)
        .test(b.infantB(), InfantTestType.ANTIBODY, of(2026, 4, 1), of(2026, 4, 1), InfantTestResult.NEGATIVE);
  }

  private final Cohort cohort = new Cohort().with(F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11);

  @Test
  void the_birth_cohort_is_the_year_24_months_before_and_every_infant_in_it_has_an_outcome() {
    IndicatorResult fo = cohort.report(ReportRequest.current(FY2026, of(2026, 10, 30))).result(Indicator.PMTCT_FO);
    // Denominator: exposed live-born infants born 2023-10-01..2024-09-30: f1, f2, f3, f4, f5, f6,
    // f7 A, f7 B = 8. All have an outcome by the cut-off: numerator 8.
    assertThat(fo.denominator()).contains(8);
    assertThat(fo.numerator()).isEqualTo(8);
    // F8 mapping: infected f1; uninfected f2, f3, f7 A, f7 B; unknown f5, f6; died f4.
    assertThat(fo.strata()).containsExactly(entry(Category.HIV_INFECTED, 1), entry(Category.HIV_UNINFECTED, 4),
        entry(Category.HIV_FINAL_STATUS_UNKNOWN, 2), entry(Category.DIED_WITHOUT_STATUS_KNOWN, 1));
    // f6's outcome may be unknown only because her feeding was never recorded.
    assertThat(fo.notComputed()).containsExactly(entry(Gap.FEEDING_NOT_RECORDED, 1));
    assertThat(fo.contribution(Unit.infant(CaseId.of("f6"), F6.infantA())).orElseThrow().placement())
        .isEqualTo("numerator+denominator [HIV_FINAL_STATUS_UNKNOWN] gaps [FEEDING_NOT_RECORDED]");
    assertThat(fo.contributions()).noneMatch(c -> c.unit().caseId().value().matches("f(8|9|10|11)"));
  }

  @Test
  void an_interim_report_lists_infants_without_an_outcome_yet() {
    // Cut-off 2025-12-01, before f5's F7 date (2025-12-29) and before f6 and the twins reach 18 months:
    // outcomes f1 (infected), f2 and f3 (uninfected), f4 (died) = 4 of 8; f5, f6, f7 A, f7 B have none.
    IndicatorResult fo = cohort.report(ReportRequest.current(FY2026, of(2025, 12, 1))).result(Indicator.PMTCT_FO);
    assertThat(fo.denominator()).contains(8);
    assertThat(fo.numerator()).isEqualTo(4);
    assertThat(fo.notComputed()).containsEntry(Gap.NO_OUTCOME_BY_CUT_OFF, 4);
  }
}
