package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.Voided;
import org.mentor.core.testing.CaseBuilder;

/**
 * A report submitted at an instant is reproduced exactly later, after late entries changed the
 * current figure for the same quarter, and the diff names the cases that moved and the events that
 * moved them (DESIGN.md §2 knownAsOf; indicators.md K2).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReproducibleReportTest {
  private static final ReportingPeriod Q1 = ReportingPeriod.fiscalQuarter(2026, 1);
  private static final LocalDate CUT_OFF = of(2026, 1, 30);
  /** The quarter's report was submitted on the cut-off day, at 15:00 UTC. */
  private static final Instant SUBMITTED = Instant.parse("2026-01-30T15:00:00Z");
  /** The late entries arrive on 10 February. */
  private static final Instant LATE = Instant.parse("2026-02-10T09:00:00Z");

  // r1: ANC1 2025-10-06, tested positive that day -> PMTCT_STAT numerator, newly tested positive.
  private static final CaseBuilder R1 = aCase("r1").lmp(of(2025, 7, 1)).enrolledAtAnc(of(2025, 10, 6), HivStatus.UNKNOWN)
      .hivTest(of(2025, 10, 6), HivTestResult.POSITIVE);
  // r2: ANC1 2025-11-17, status unknown, her ANC1 test not yet entered at submission.
  private static final CaseBuilder R2 = aCase("r2").lmp(of(2025, 8, 15)).enrolledAtAnc(of(2025, 11, 17), HivStatus.UNKNOWN);
  // r3: ANC1 2025-12-01, tested negative that day.
  private static final CaseBuilder R3 = aCase("r3").lmp(of(2025, 9, 1)).enrolledAtAnc(of(2025, 12, 1), HivStatus.UNKNOWN)
      .hivTest(of(2025, 12, 1), HivTestResult.NEGATIVE);

  private final Cohort cohort = new Cohort().with(R1, R2, R3);

  @Test
  void a_late_entry_changes_the_current_figure_and_knownAsOf_reproduces_the_submitted_one() {
    IndicatorReport submitted = cohort.report(ReportRequest.knownAt(Q1, CUT_OFF, SUBMITTED));
    // At submission: ANC1 in the quarter r1, r2, r3 = 3; status known at ANC1 r1 (positive), r3
    // (negative) = 2 (indicators.md §1 PMTCT_STAT).
    assertThat(submitted.result(Indicator.PMTCT_STAT).numerator()).isEqualTo(2);
    assertThat(submitted.result(Indicator.PMTCT_STAT).denominator()).contains(3);

    // On 10 February r2's ANC1 test (negative, dated 2025-11-17) is entered late, and r1's positive
    // test is voided as entered for the wrong woman.
    cohort.registry.record(CaseId.of("r2"), new MaternalHivTested(EventId.of("r2-late-test"), of(2025, 11, 17), LATE,
        CaseBuilder.CLINIC, HivTestResult.NEGATIVE));
    cohort.registry.record(CaseId.of("r1"), new Voided(EventId.of("r1-void"), of(2026, 2, 10), LATE, CaseBuilder.CLINIC,
        EventId.of("r1-e2"), "wrong patient"));

    // The current figure for the same quarter: r2 and r3 known (negative) = 2 of 3, but no longer the
    // same women: r1 left the numerator (K2: a correction changes the past period).
    IndicatorReport current = cohort.report(ReportRequest.current(Q1, CUT_OFF));
    IndicatorResult now = current.result(Indicator.PMTCT_STAT);
    assertThat(now.numerator()).isEqualTo(2);
    assertThat(now.strata()).containsExactly(org.assertj.core.api.Assertions.entry(Category.NEWLY_TESTED_NEGATIVE, 2));
    assertThat(current.result(Indicator.PMTCT_STAT_POS).numerator()).isZero();

    // Known as of the submission instant, the report is exactly the submitted one.
    IndicatorReport reproduced = cohort.report(ReportRequest.knownAt(Q1, CUT_OFF, SUBMITTED));
    assertThat(reproduced).isEqualTo(submitted);
    assertThat(reproduced.toCsv()).isEqualTo(submitted.toCsv());
    assertThat(reproduced.result(Indicator.PMTCT_STAT_POS).numerator()).isEqualTo(1);
  }

  @Test
  void the_diff_names_the_cases_that_moved_and_the_late_events_that_moved_them() {
    IndicatorReport submitted = cohort.report(ReportRequest.knownAt(Q1, CUT_OFF, SUBMITTED));
    cohort.registry.record(CaseId.of("r2"), new MaternalHivTested(EventId.of("r2-late-test"), of(2025, 11, 17), LATE,
        CaseBuilder.CLINIC, HivTestResult.NEGATIVE));
    IndicatorReport current = cohort.report(ReportRequest.current(Q1, CUT_OFF));

    ReportDiff diff = Indicators.diff(cohort.registry, submitted, current);

    // PMTCT_STAT 2/3 -> 3/3: r2 moved from the denominator (status not ascertained) to the numerator.
    assertThat(diff.moves(Indicator.PMTCT_STAT)).singleElement().satisfies(move -> {
      assertThat(move.unit()).isEqualTo(Unit.pregnancy(CaseId.of("r2")));
      assertThat(move.before().orElseThrow().placement())
          .isEqualTo("denominator gaps [MATERNAL_AGE_NOT_HELD, HIV_STATUS_NOT_ASCERTAINED_AT_ANC1]");
      assertThat(move.after().orElseThrow().placement())
          .isEqualTo("numerator+denominator [NEWLY_TESTED_NEGATIVE] gaps [MATERNAL_AGE_NOT_HELD]");
      assertThat(move.recorded()).singleElement().satisfies(change -> {
        assertThat(change.eventId()).isEqualTo(EventId.of("r2-late-test"));
        assertThat(change.kind()).isEqualTo(EventKind.MATERNAL_HIV_TESTED);
        assertThat(change.occurredOn()).isEqualTo(of(2025, 11, 17));
        assertThat(change.recordedAt()).isEqualTo(LATE);
      });
      assertThat(move.evaluationDateChanged()).isFalse();
    });
    // r2 also joins VER.7 (tested at ANC1) and VER.8 (initial negative); nothing else moved.
    assertThat(diff.moves()).extracting(m -> m.indicator().code() + " " + m.unit())
        .containsExactly("PMTCT_STAT r2", "VER.7 r2", "VER.8 r2");
    assertThat(diff.describe()).startsWith("PMTCT_STAT: 2/3 -> 3/3\n").contains(
        "PMTCT_STAT r2: denominator gaps [MATERNAL_AGE_NOT_HELD, HIV_STATUS_NOT_ASCERTAINED_AT_ANC1] -> "
            + "numerator+denominator [NEWLY_TESTED_NEGATIVE] gaps [MATERNAL_AGE_NOT_HELD]; recorded since: "
            + "MATERNAL_HIV_TESTED dated 2025-11-17, recorded 2026-02-10T09:00:00Z (event r2-late-test in r2)");
  }

  @Test
  void reports_of_different_periods_are_not_compared() {
    IndicatorReport q1 = cohort.report(ReportRequest.current(Q1, CUT_OFF));
    IndicatorReport q2 = cohort.report(ReportRequest.current(ReportingPeriod.fiscalQuarter(2026, 2), of(2026, 4, 30)));
    assertThatThrownBy(() -> Indicators.diff(cohort.registry, q1, q2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one period");
  }

  @Test
  void a_case_enrolled_after_the_instant_is_not_in_the_report_known_at_it() {
    // r4 had her ANC1 on 2025-12-20 but it was entered on 2026-02-10, after the submission.
    CaseBuilder r4 = aCase("r4").lmp(of(2025, 9, 20)).recordedAt(LATE).enrolledAtAnc(of(2025, 12, 20), HivStatus.NEGATIVE);
    cohort.with(r4);
    assertThat(cohort.report(ReportRequest.knownAt(Q1, CUT_OFF, SUBMITTED)).casesEvaluated()).isEqualTo(3);
    assertThat(cohort.report(ReportRequest.current(Q1, CUT_OFF)).casesEvaluated()).isEqualTo(4);
    assertThat(cohort.report(ReportRequest.current(Q1, CUT_OFF)).result(Indicator.PMTCT_STAT).denominator()).contains(4);
  }
}
