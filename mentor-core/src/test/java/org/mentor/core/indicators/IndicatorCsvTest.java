package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;

/** The CSV form of a report: long form, one figure per row, every row naming its definitions and data (K9). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IndicatorCsvTest {
  @Test
  void each_figure_is_a_row_naming_the_definitions_period_cut_off_knownAsOf_and_protocols() {
    Cohort cohort = new Cohort().with(
        aCase("alpha").lmp(of(2025, 7, 1)).enrolledAtAnc(of(2025, 10, 6), HivStatus.UNKNOWN).hivTest(of(2025, 10, 6), HivTestResult.POSITIVE),
        aCase("bravo").lmp(of(2025, 8, 1)).enrolledAtAnc(of(2025, 11, 6), HivStatus.UNKNOWN));
    ReportRequest request = ReportRequest.knownAt(ReportingPeriod.fiscalQuarter(2026, 1), of(2026, 1, 30),
        Instant.parse("2026-01-30T15:00:00Z"));
    String csv = Indicators.report(cohort.registry, request, EnumSet.of(Indicator.PMTCT_STAT)).toCsv();
    // alpha newly tested positive; bravo not ascertained: 1/2; both without a maternal age.
    String common = "PMTCT_STAT,PEPFAR MER 2.6.1,1,FY2026 Q1,2025-10-01,2025-12-31,2026-01-30,2026-01-30T15:00:00Z,WHO_2021@1=2,";
    assertThat(csv).isEqualTo(String.join("\r\n",
        "indicator,definition_set,definition_version,period,period_start,period_end,evaluated_on,known_as_of,protocols,"
            + "measure,dimension,category,value",
        common + "numerator,,,1",
        common + "denominator,,,2",
        common + "stratum,status_at_anc1,NEWLY_TESTED_POSITIVE,1",
        common + "not_computed,,MATERNAL_AGE_NOT_HELD,2",
        common + "not_computed,,HIV_STATUS_NOT_ASCERTAINED_AT_ANC1,1",
        ""));
    assertThat(csv).doesNotContain("alpha").doesNotContain("bravo");
  }

  @Test
  void fields_with_commas_quotes_or_line_breaks_are_quoted() {
    String csv = new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", "").toString();
    assertThat(csv).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }
}
