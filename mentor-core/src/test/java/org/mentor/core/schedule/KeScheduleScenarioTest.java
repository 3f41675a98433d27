package org.mentor.core.schedule;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.schedule.MilestoneAssertions.assertDone;
import static org.mentor.core.pathway.Codes.HivStatus.NEGATIVE;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.testing.CaseBuilder;

/**
 * The "KE:" line of shared/clinical/scenarios.md (S9) under KE_2022, and the infant.md §3c table
 * (windows, overdue dates, closes, late registration, post-cessation test) applied to scenario
 * facts, as literal dates.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeScheduleScenarioTest {
  static final Protocol KE = Protocols.builtIn("KE_2022");
  static final InfantTestResult NEG = InfantTestResult.NEGATIVE;

  static Schedule schedule(CaseBuilder builder, LocalDate asOf) {
    return Schedule.of(KE, builder.file().facts(), asOf);
  }


  @Nested
  class S9 {
    final CaseBuilder s9 = aCase("s9").protocol("KE_2022", "1").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), NEG).nat(of(2025, 12, 3), NEG).breastfeedingStopped(of(2026, 5, 3))
        .antibody(of(2026, 9, 3), NEG);

    @Test // S9 KE: PCR_6W 2025-04-14 (done with the NAT of that day)
    void PCR_6W() {
      Milestone m = schedule(s9, of(2025, 4, 14)).find("PCR_6W", s9.infantA()).orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2025, 4, 14));
      assertThat(m.due()).isEqualTo(of(2025, 4, 14));
      assertDone(m, of(2025, 4, 14));
    }

    @Test // S9 KE: PCR_6M 2025-09-03; PCR_12M 2026-03-03 (still breastfeeding)
    void PCR_6M_and_PCR_12M() {
      Schedule s = schedule(s9, of(2026, 3, 3));
      assertThat(s.find("PCR_6M", s9.infantA()).orElseThrow().due()).isEqualTo(of(2025, 9, 3));
      Milestone twelve = s.find("PCR_12M", s9.infantA()).orElseThrow();
      assertThat(twelve.due()).isEqualTo(of(2026, 3, 3));
      assertThat(twelve.state()).isEqualTo(MilestoneState.DUE);
    }

    @Test // S9 KE: AB_18M 2026-09-03, >= 6 weeks after cessation (2026-05-03), so it also serves as the post-cessation test
    void AB_18M_serves_as_the_post_cessation_test() {
      Schedule s = schedule(s9, of(2026, 9, 3));
      Milestone ab = s.find("AB_18M", s9.infantA()).orElseThrow();
      assertThat(ab.due()).isEqualTo(of(2026, 9, 3));
      assertThat(ab.expectedTest()).contains("ANTIBODY");
      assertDone(ab, of(2026, 9, 3));
      assertThat(s.find("AB_POST_BF", s9.infantA())).isEmpty();
    }

    @Test // infant.md §3c on S9's dates: overdue PCR_6W 2025-05-12, PCR_6M 2025-10-01; closes 2025-09-03, 2026-03-03, 2026-09-03, 2027-03-03
    void overdue_and_closing_dates() {
      Schedule s = schedule(s9, of(2025, 3, 4));
      Milestone six = s.find("PCR_6W", s9.infantA()).orElseThrow();
      assertThat(six.overdueFrom()).contains(of(2025, 5, 12));
      assertThat(six.closesOn()).contains(of(2025, 9, 3));
      Milestone sixMonths = s.find("PCR_6M", s9.infantA()).orElseThrow();
      assertThat(sixMonths.windowStart()).isEqualTo(of(2025, 9, 3));
      assertThat(sixMonths.overdueFrom()).contains(of(2025, 10, 1));
      assertThat(sixMonths.closesOn()).contains(of(2026, 3, 3));
      assertThat(s.find("PCR_12M", s9.infantA()).orElseThrow().closesOn()).contains(of(2026, 9, 3));
      assertThat(s.find("AB_18M", s9.infantA()).orElseThrow().closesOn()).contains(of(2027, 3, 3));
    }

    @Test // infant.md §3c PCR_6M window 6 <= age < 12 months: the NAT of 2025-12-03 satisfies it
    void the_nine_month_NAT_satisfies_PCR_6M() {
      assertDone(schedule(s9, of(2025, 12, 3)).find("PCR_6M", s9.infantA()).orElseThrow(), of(2025, 12, 3));
    }

    @Test // infant.md §3c PCR_6W closes at 6 months: without a test it is MISSED from 2025-09-03
    void PCR_6W_missed_when_6_months_pass_without_a_test() {
      CaseBuilder untested = aCase("s9u").protocol("KE_2022", "1").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
          .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3));
      assertThat(schedule(untested, of(2025, 9, 2)).find("PCR_6W", untested.infantA()).orElseThrow().state())
          .isEqualTo(MilestoneState.OVERDUE);
      assertThat(schedule(untested, of(2025, 9, 3)).find("PCR_6W", untested.infantA()).orElseThrow().state())
          .isEqualTo(MilestoneState.MISSED);
    }

    @Test // infant.md §3c AB_POST_BF: breastfeeding stops at 18 months (2026-09-03) -> antibody due 2026-10-15, closes 2027-03-03
    void AB_POST_BF_when_breastfeeding_ends_at_18_months() {
      CaseBuilder late = aCase("s9l").protocol("KE_2022", "1").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
          .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
          .breastfeedingStopped(of(2026, 9, 3));
      Milestone m = schedule(late, of(2026, 9, 4)).find("AB_POST_BF", late.infantA()).orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2026, 10, 15));
      assertThat(m.due()).isEqualTo(of(2026, 10, 15));
      assertThat(m.overdueFrom()).contains(of(2026, 11, 12));
      assertThat(m.closesOn()).contains(of(2027, 3, 3));
      assertThat(m.expectedTest()).contains("ANTIBODY");
    }
  }

  @Nested
  class S1 {
    final CaseBuilder s1 = aCase("s1").protocol("KE_2022", "1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
        .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10));

    @Test // infant.md P10 on S1 (low risk, breastfed): 12 weeks for all HEI, 2025-10-10 -> stop 2026-01-02
    void P10_twelve_weeks_for_a_low_risk_infant() {
      assertThat(schedule(s1, of(2025, 10, 11)).find("PROPHYLAXIS_STOP", s1.infantA()).orElseThrow().due())
          .isEqualTo(of(2026, 1, 2));
    }

    @Test // infant.md §3c on S1: PCR_6W 2025-11-21, PCR_6M 2026-04-10, PCR_12M 2026-10-10, AB_18M 2027-04-10; CTX (C4) 2025-11-21
    void EID_dates() {
      Schedule s = schedule(s1, of(2025, 10, 11));
      assertThat(s.find("PCR_6W", s1.infantA()).orElseThrow().due()).isEqualTo(of(2025, 11, 21));
      assertThat(s.find("PCR_6M", s1.infantA()).orElseThrow().due()).isEqualTo(of(2026, 4, 10));
      assertThat(s.find("PCR_12M", s1.infantA()).orElseThrow().due()).isEqualTo(of(2026, 10, 10));
      assertThat(s.find("AB_18M", s1.infantA()).orElseThrow().due()).isEqualTo(of(2027, 4, 10));
      Milestone ctx = s.find("CTX_START", s1.infantA()).orElseThrow();
      assertThat(ctx.windowStart()).isEqualTo(of(2025, 11, 21));
      assertThat(ctx.due()).isEqualTo(of(2025, 11, 21));
    }

    @Test // maternal.md V16 on S1: baseline VL at diagnosis 2025-04-28 (missed: ART that day, no sample); ART + 3 months 2025-07-28 done; every 6 months from the last sample: 2026-03-03
    void V16_pregnancy_and_breastfeeding_VLs() {
      Schedule s = schedule(s1, of(2025, 10, 11));
      Milestone baseline = s.find("VL_BASELINE").orElseThrow();
      assertThat(baseline.due()).isEqualTo(of(2025, 4, 28));
      assertThat(baseline.closesOn()).contains(of(2025, 4, 29));
      assertThat(baseline.state()).isEqualTo(MilestoneState.MISSED);
      assertDone(s.find("VL_ART_3M").orElseThrow(), of(2025, 7, 28));
      assertThat(s.all("VL_PREGNANCY_BREASTFEEDING")).last().satisfies(m -> {
        assertThat(m.due()).isEqualTo(of(2026, 3, 3));
        assertThat(m.state()).isEqualTo(MilestoneState.UPCOMING);
      });
    }
  }

  @Nested
  class S8 {
    final CaseBuilder s8 = aCase("s8").protocol("KE_2022", "1").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), NEG);

    @Test // infant.md §3c PCR_6W 'or first contact if later': exposure known 2025-09-12 -> PCR_6W due and done that day; PCR_6M 2025-12-06
    void PCR_6W_due_at_first_contact() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      Milestone six = s.find("PCR_6W", s8.infantA()).orElseThrow();
      assertThat(six.windowStart()).isEqualTo(of(2025, 9, 12));
      assertThat(six.due()).isEqualTo(of(2025, 9, 12));
      assertDone(six, of(2025, 9, 12));
      assertThat(s.find("PCR_6M", s8.infantA()).orElseThrow().due()).isEqualTo(of(2025, 12, 6));
    }

    @Test // maternal.md M1.9 (KE): third-trimester retest window 2025-03-17, due 2025-05-18, done 2025-04-14; postnatal retest 6 months after delivery, 2025-12-06
    void maternal_retests() {
      Schedule s = schedule(s8, of(2025, 6, 7));
      Milestone late = s.find("HIV_RETEST_LATE_PREGNANCY").orElseThrow();
      assertThat(late.windowStart()).isEqualTo(of(2025, 3, 17));
      assertThat(late.due()).isEqualTo(of(2025, 5, 18));
      assertDone(late, of(2025, 4, 14));
      assertThat(s.find("HIV_RETEST_BREASTFEEDING").orElseThrow().due()).isEqualTo(of(2025, 12, 6));
    }
  }
}
