package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.testing.CaseBuilder;

/**
 * PMTCT_STAT, PMTCT_STAT_POS, PMTCT_ART, the PMTCT_EID denominator, VER.7 and VER.8 on a
 * hand-built antenatal cohort, reported for FY2026 Q1 = [2025-10-01, 2025-12-31] (indicators.md K1)
 * with data cut-off 2026-01-30. Every expected figure is worked out in the comments from
 * shared/clinical/indicators.md §1–§3 and docs/indicators.md.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AntenatalIndicatorsTest {
  private static final ReportingPeriod Q1 = ReportingPeriod.fiscalQuarter(2026, 1);
  private static final LocalDate CUT_OFF = of(2026, 1, 30);

  // s1: ANC1 2025-10-06, enrolled positive, on ART since 2023-03-01, LMP 2025-07-01.
  //     Diagnosed (ART start) before ANC1 -> KNOWN_POSITIVE; ART before the LMP -> ALREADY_ON_ART.
  private static final CaseBuilder S1 = aCase("s1").lmp(of(2025, 7, 1)).enrolledAtAnc(of(2025, 10, 6), HivStatus.POSITIVE)
      .startedArt(of(2023, 3, 1));
  // s2: ANC1 2025-10-20, tested positive that day, ART the same day, LMP 2025-08-01
  //     -> NEWLY_TESTED_POSITIVE; ART after the LMP -> NEW_ON_ART.
  private static final CaseBuilder S2 = aCase("s2").lmp(of(2025, 8, 1)).enrolledAtAnc(of(2025, 10, 20), HivStatus.POSITIVE)
      .hivTest(of(2025, 10, 20), HivTestResult.POSITIVE).startedArt(of(2025, 10, 20));
  // s3: ANC1 2025-11-03, tested negative that day -> NEWLY_TESTED_NEGATIVE; retested negative
  //     2026-01-12, still pregnant at the cut-off -> VER.8 numerator.
  private static final CaseBuilder S3 = aCase("s3").lmp(of(2025, 8, 10)).enrolledAtAnc(of(2025, 11, 3), HivStatus.NEGATIVE)
      .hivTest(of(2025, 11, 3), HivTestResult.NEGATIVE).hivTest(of(2026, 1, 12), HivTestResult.NEGATIVE);
  // s4: ANC1 2025-11-17, status unknown and not tested that day -> denominator only, gap
  //     HIV_STATUS_NOT_ASCERTAINED_AT_ANC1; tested positive 2025-12-01, after ANC1 -> HTS_TST_POS
  //     (post-ANC1 modality), which joins the PMTCT_EID denominator (K6).
  private static final CaseBuilder S4 = aCase("s4").lmp(of(2025, 8, 15)).enrolledAtAnc(of(2025, 11, 17), HivStatus.UNKNOWN)
      .hivTest(of(2025, 12, 1), HivTestResult.POSITIVE).startedArt(of(2025, 12, 1));
  // s5: ANC1 2025-12-15, enrolled positive with no test that day -> KNOWN_POSITIVE (convention);
  //     no ART by the cut-off -> PMTCT_ART denominator only.
  private static final CaseBuilder S5 = aCase("s5").enrolledAtAnc(of(2025, 12, 15), HivStatus.POSITIVE);
  // s6: ANC1 2025-09-20, the quarter before -> in no FY2026 Q1 figure.
  private static final CaseBuilder S6 = aCase("s6").lmp(of(2025, 6, 1)).enrolledAtAnc(of(2025, 9, 20), HivStatus.POSITIVE);
  // s7: ANC1 2025-12-02, enrolled positive, ART started 2025-11-25 elsewhere, pregnancy not dated
  //     -> KNOWN_POSITIVE (diagnosed by the ART start, before ANC1); PMTCT_ART numerator with no
  //     timing: gap PREGNANCY_NOT_DATED.
  private static final CaseBuilder S7 = aCase("s7").enrolledAtAnc(of(2025, 12, 2), HivStatus.POSITIVE).startedArt(of(2025, 11, 25));
  // s8: ANC1 2026-01-10, after the quarter -> in no figure.
  private static final CaseBuilder S8 = aCase("s8").lmp(of(2025, 10, 1)).enrolledAtAnc(of(2026, 1, 10), HivStatus.NEGATIVE);
  // s10: ANC1 2025-10-08 (34 weeks), tested negative -> NEWLY_TESTED_NEGATIVE; delivered 2025-11-17;
  //      tested again 2025-12-10, after delivery -> not a retest in pregnancy: VER.8 denominator only.
  private static final CaseBuilder S10 = aCase("s10").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 10, 8), HivStatus.NEGATIVE)
      .hivTest(of(2025, 10, 8), HivTestResult.NEGATIVE).delivered(of(2025, 11, 17)).hivTest(of(2025, 12, 10), HivTestResult.NEGATIVE);
  // s11: enrolled postnatally on 2025-11-05 (delivered 2025-10-01), tested positive that day -> no
  //      ANC1, so in no PMTCT_STAT figure; HTS_TST_POS in the breastfeeding modality -> PMTCT_EID
  //      denominator. Her infant's first NAT on 2025-11-05 is on or before birth + 2 months
  //      (2025-12-01) -> PMTCT_EID numerator, AGE_0_TO_2_MONTHS (K3).
  private static CaseBuilder s11() {
    CaseBuilder b = aCase("s11");
    b.add(new Enrolled(EventId.of("s11-enrolment"), of(2025, 11, 5), b.at(of(2025, 11, 5)), CaseBuilder.CLINIC, b.motherId(),
        new ProtocolRef("WHO_2021", "1"), HivStatus.UNKNOWN, Optional.of(of(2025, 1, 1)), Optional.empty(), Optional.empty()));
    return b.delivered(of(2025, 10, 1)).hivTest(of(2025, 11, 5), HivTestResult.POSITIVE).startedArt(of(2025, 11, 5))
        .nat(of(2025, 11, 5), InfantTestResult.NEGATIVE);
  }

  private final IndicatorReport report =
      new Cohort().with(S1, S2, S3, S4, S5, S6, S7, S8, S10, s11()).report(ReportRequest.current(Q1, CUT_OFF));

  @Test
  void PMTCT_STAT_counts_ANC1_in_the_quarter_with_status_known_at_ANC1() {
    IndicatorResult stat = report.result(Indicator.PMTCT_STAT);
    // Denominator: ANC1 in [2025-10-01, 2025-12-31]: s1, s2, s3, s4, s5, s7, s10 = 7 (s6 in
    // September, s8 in January). Numerator: all but s4 (status not ascertained at ANC1) = 6.
    assertThat(stat.denominator()).contains(7);
    assertThat(stat.numerator()).isEqualTo(6);
    // Disaggregation (status at entry): known positive s1, s5, s7 = 3; newly tested positive s2 = 1;
    // newly tested negative s3, s10 = 2.
    assertThat(stat.strata(Dimension.STATUS_AT_ANC1)).containsExactly(entry(Category.KNOWN_POSITIVE, 3),
        entry(Category.NEWLY_TESTED_POSITIVE, 1), entry(Category.NEWLY_TESTED_NEGATIVE, 2));
    // Not computed: s4's status at ANC1 (a missing maternal test); the age disaggregation for all 7.
    assertThat(stat.notComputed()).containsExactly(entry(Gap.MATERNAL_AGE_NOT_HELD, 7),
        entry(Gap.HIV_STATUS_NOT_ASCERTAINED_AT_ANC1, 1));
    assertThat(stat.contribution(Unit.pregnancy(CaseId.of("s4")))).get()
        .satisfies(c -> assertThat(c.placement()).isEqualTo("denominator gaps [MATERNAL_AGE_NOT_HELD, HIV_STATUS_NOT_ASCERTAINED_AT_ANC1]"));
    assertThat(stat.proportion().orElseThrow()).isCloseTo(6.0 / 7, offset(1e-9));
  }

  @Test
  void PMTCT_STAT_POS_is_the_positive_part_of_the_numerator() {
    // s1, s5, s7 known positive and s2 newly tested positive = 4; a count, no denominator.
    IndicatorResult pos = report.result(Indicator.PMTCT_STAT_POS);
    assertThat(pos.numerator()).isEqualTo(4);
    assertThat(pos.denominator()).isEmpty();
    assertThat(pos.strata()).containsExactly(entry(Category.KNOWN_POSITIVE, 3), entry(Category.NEWLY_TESTED_POSITIVE, 1));
  }

  @Test
  void PMTCT_ART_counts_the_positives_at_ANC1_on_ART_by_delivery_or_the_cut_off() {
    IndicatorResult art = report.result(Indicator.PMTCT_ART);
    // Denominator PMTCT_STAT_POS = 4 (s1, s2, s5, s7); numerator: ART by the cut-off s1, s2, s7 = 3.
    assertThat(art.denominator()).contains(4);
    assertThat(art.numerator()).isEqualTo(3);
    // s1 started 2023-03-01 < LMP 2025-07-01 -> already on ART; s2 2025-10-20 >= LMP 2025-08-01 -> new;
    // s7 started before ANC1 with no dating -> no timing, gap PREGNANCY_NOT_DATED.
    assertThat(art.strata()).containsExactly(entry(Category.ALREADY_ON_ART, 1), entry(Category.NEW_ON_ART, 1));
    assertThat(art.notComputed()).containsExactly(entry(Gap.MATERNAL_AGE_NOT_HELD, 4), entry(Gap.PREGNANCY_NOT_DATED, 1));
  }

  @Test
  void the_PMTCT_EID_denominator_adds_women_newly_positive_after_ANC1_to_PMTCT_STAT_POS() {
    IndicatorResult eid = report.result(Indicator.PMTCT_EID);
    // PMTCT_STAT_POS 4 (s1, s2, s5, s7) + HTS_TST_POS post-ANC1: s4 (positive 2025-12-01 after ANC1
    // 2025-11-17) and s11 (positive at her postnatal enrolment) = 6. Numerator: s11's infant = 1.
    assertThat(eid.denominator()).contains(6);
    assertThat(eid.numerator()).isEqualTo(1);
    assertThat(eid.strata()).containsExactly(entry(Category.AGE_0_TO_2_MONTHS, 1));
    assertThat(eid.contribution(Unit.pregnancy(CaseId.of("s4")))).isPresent();
    assertThat(eid.contribution(Unit.pregnancy(CaseId.of("s11")))).isPresent();
    assertThat(eid.contribution(Unit.pregnancy(CaseId.of("s3")))).isEmpty();
  }

  @Test
  void VER_7_is_the_share_positive_among_women_tested_at_ANC1() {
    // Tested on the ANC1 date in the quarter: s2 (positive), s3 and s10 (negative) = 3; positive 1.
    // Known positives (s1, s5, s7) were not tested; s4 was not tested at ANC1.
    IndicatorResult prevalence = report.result(Indicator.VER_7);
    assertThat(prevalence.denominator()).contains(3);
    assertThat(prevalence.numerator()).isEqualTo(1);
  }

  @Test
  void VER_8_counts_a_retest_after_the_initial_negative_up_to_delivery() {
    // Initial negative at ANC1 in the quarter: s3, s10 = 2. s3 retested 2026-01-12 while pregnant
    // (before the cut-off) = 1; s10's test of 2025-12-10 came after her delivery on 2025-11-17.
    IndicatorResult retest = report.result(Indicator.VER_8);
    assertThat(retest.denominator()).contains(2);
    assertThat(retest.numerator()).isEqualTo(1);
    assertThat(retest.contribution(Unit.pregnancy(CaseId.of("s3")))).get().extracting(Contribution::numerator).isEqualTo(true);
  }

  @Test
  void every_result_names_its_definitions_and_the_protocol_versions_of_its_cases() {
    IndicatorResult stat = report.result(Indicator.PMTCT_STAT);
    assertThat(stat.indicator().definitionSet().title()).isEqualTo("PEPFAR MER 2.6.1");
    assertThat(stat.definitionVersion()).isEqualTo("1");
    assertThat(stat.period()).isEqualTo(Q1);
    assertThat(stat.evaluatedOn()).isEqualTo(CUT_OFF);
    assertThat(stat.knownAsOf()).isEmpty();
    assertThat(stat.protocols()).containsExactly(entry(new ProtocolRef("WHO_2021", "1"), 7));
    // Every case enrolled by the cut-off is evaluated: the 10 cases, s8 (January) included.
    assertThat(report.casesEvaluated()).isEqualTo(10);
  }
}
