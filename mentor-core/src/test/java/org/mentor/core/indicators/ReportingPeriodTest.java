package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.threeten.extra.LocalDateRange;

/** Reporting periods are closed date intervals; PEPFAR quarters are fiscal (indicators.md K1, K5). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportingPeriodTest {
  @Test
  void fiscal_quarter_1_of_FY2026_is_October_to_December_2025() {
    ReportingPeriod q1 = ReportingPeriod.fiscalQuarter(2026, 1);
    assertThat(q1.start()).isEqualTo(of(2025, 10, 1));
    assertThat(q1.end()).isEqualTo(of(2025, 12, 31));
    assertThat(q1.label()).isEqualTo("FY2026 Q1");
    assertThat(ReportingPeriod.fiscalQuarter(2026, 2)).isEqualTo(new ReportingPeriod(of(2026, 1, 1), of(2026, 3, 31), "FY2026 Q2"));
    assertThat(ReportingPeriod.fiscalQuarter(2026, 4)).isEqualTo(new ReportingPeriod(of(2026, 7, 1), of(2026, 9, 30), "FY2026 Q4"));
    assertThat(ReportingPeriod.fiscalYear(2026)).isEqualTo(new ReportingPeriod(of(2025, 10, 1), of(2026, 9, 30), "FY2026"));
  }

  @Test
  void both_ends_are_in_the_period() {
    ReportingPeriod q1 = ReportingPeriod.fiscalQuarter(2026, 1);
    assertThat(q1.contains(of(2025, 10, 1))).isTrue();
    assertThat(q1.contains(of(2025, 12, 31))).isTrue();
    assertThat(q1.contains(of(2025, 9, 30))).isFalse();
    assertThat(q1.contains(of(2026, 1, 1))).isFalse();
    assertThat(q1.range()).isEqualTo(LocalDateRange.of(of(2025, 10, 1), of(2026, 1, 1)));
  }

  @Test
  void the_FY2026_birth_cohort_for_PMTCT_FO_is_born_October_2023_to_September_2024() {
    // K5: the 12 months that end 24 months before the period ends.
    assertThat(ReportingPeriod.fiscalYear(2026).minusMonths(24)).isEqualTo(ReportingPeriod.of(of(2023, 10, 1), of(2024, 9, 30)));
    // Month ends clamp: a period ending on a leap day moves to 28 February.
    assertThat(ReportingPeriod.of(of(2028, 2, 1), of(2028, 2, 29)).minusMonths(24).end()).isEqualTo(of(2026, 2, 28));
  }

  @Test
  void an_end_before_the_start_or_a_cut_off_before_the_period_is_refused() {
    assertThatThrownBy(() -> ReportingPeriod.of(of(2025, 12, 31), of(2025, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end is on or after its start");
    assertThatThrownBy(() -> ReportingPeriod.fiscalQuarter(2026, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReportRequest(ReportingPeriod.fiscalQuarter(2026, 1), of(2025, 9, 30), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut-off");
  }
}
