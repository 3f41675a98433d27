package org.mentor.core.schedule;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.schedule.MilestoneAssertions.assertDone;
import static org.mentor.core.schedule.MilestoneAssertions.assertDates;
import static org.mentor.core.pathway.Codes.HivStatus.NEGATIVE;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.testing.CaseBuilder;

/**
 * Every "ZA:" line of shared/clinical/scenarios.md S1-S10 under ZA_2023, as the scenario's literal
 * dates and states (infant.md §3b, maternal.md V14/V15/M1.7, infant.md P8). The facts are those of
 * the WHO scenario; where ZA needs a fact the WHO scenario leaves out, the test says so.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ZaScheduleScenarioTest {
  static final Protocol ZA = Protocols.builtIn("ZA_2023");
  static final InfantTestResult NEG = InfantTestResult.NEGATIVE;

  static Schedule schedule(CaseBuilder builder, LocalDate asOf) {
    return Schedule.of(ZA, builder.file().facts(), asOf);
  }

  static CaseBuilder za(String caseId) {
    return aCase(caseId).protocol("ZA_2023", "1");
  }



  /** infant.md §3b BIRTH_PCR: window = due = birth, never overdue, closes birth + 14 days. */
  static void assertBirthPcr(Milestone m, LocalDate birth, LocalDate closes) {
    assertThat(m.windowStart()).as(m.key() + " window").isEqualTo(birth);
    assertThat(m.due()).as(m.key() + " due").isEqualTo(birth);
    assertThat(m.overdueFrom()).as(m.key() + " overdue").isEmpty();
    assertThat(m.closesOn()).as(m.key() + " closes").contains(closes);
    assertThat(m.expectedTest()).contains("NAT");
  }

  @Nested
  class S1 {
    final CaseBuilder s1 = za("s1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
        .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10))
        .nat(of(2025, 11, 21), NEG).nat(of(2026, 7, 10), NEG).breastfeedingStopped(of(2026, 10, 10))
        .antibody(of(2027, 4, 10), NEG);

    @Test // S1 ZA: BIRTH_PCR due 2025-10-10 (window = due, no overdue, closes day 14 = 2025-10-24)
    void BIRTH_PCR_due_on_the_day_of_birth() {
      assertBirthPcr(schedule(s1, of(2025, 10, 10)).find("BIRTH_PCR", s1.infantA()).orElseThrow(),
          of(2025, 10, 10), of(2025, 10, 24));
      assertThat(schedule(s1, of(2025, 10, 10)).find("BIRTH_PCR", s1.infantA()).orElseThrow().state())
          .isEqualTo(MilestoneState.DUE);
    }

    @Test // S1 ZA: PCR_10W window 2025-12-12, due 2025-12-19, overdue 2026-01-16
    void PCR_10W() {
      assertDates(schedule(s1, of(2025, 10, 11)).find("PCR_10W", s1.infantA()).orElseThrow(),
          of(2025, 12, 12), of(2025, 12, 19), of(2026, 1, 16));
    }

    @Test // S1 ZA: PCR_6M due 2026-04-10 (window 2026-03-27)
    void PCR_6M() {
      Milestone m = schedule(s1, of(2025, 10, 11)).find("PCR_6M", s1.infantA()).orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2026, 3, 27));
      assertThat(m.due()).isEqualTo(of(2026, 4, 10));
    }

    @Test // S1 ZA: maternal VL at delivery due 2025-10-10 (V14) and at 6 months postpartum 2026-04-10 (V15)
    void maternal_VL_at_delivery_and_6_months_postpartum() {
      Schedule s = schedule(s1, of(2025, 10, 11));
      Milestone atDelivery = s.find("VL_AT_DELIVERY").orElseThrow();
      assertThat(atDelivery.windowStart()).isEqualTo(of(2025, 10, 10));
      assertThat(atDelivery.due()).isEqualTo(of(2025, 10, 10));
      assertThat(s.find("VL_POSTPARTUM_6M").orElseThrow().due()).isEqualTo(of(2026, 4, 10));
      assertThat(s.find("VL_LATE_PREGNANCY")).isEmpty();
    }

    @Test // maternal.md V15 on S1: VLs at delivery 2025-10-10 and 6 months 2026-04-10 done -> next every 6 months while breastfeeding, 2026-10-10
    void V15_then_every_6_months_while_breastfeeding() {
      assertThat(schedule(s1, of(2026, 1, 1)).all("VL_BREASTFEEDING")).isEmpty();
      CaseBuilder sampled = za("s1v").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
          .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
          .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
          .delivered(of(2025, 10, 10)).breastfed().viralLoad(of(2025, 10, 10), ViralLoad.notDetected())
          .viralLoad(of(2026, 4, 10), ViralLoad.notDetected());
      Schedule s = schedule(sampled, of(2026, 4, 11));
      assertDone(s.find("VL_AT_DELIVERY").orElseThrow(), of(2025, 10, 10));
      assertDone(s.find("VL_POSTPARTUM_6M").orElseThrow(), of(2026, 4, 10));
      assertThat(s.all("VL_BREASTFEEDING")).singleElement().satisfies(m -> {
        assertThat(m.windowStart()).isEqualTo(of(2026, 9, 26));
        assertThat(m.due()).isEqualTo(of(2026, 10, 10));
        assertThat(m.state()).isEqualTo(MilestoneState.UPCOMING);
      });
    }

    @Test // S1 ZA: POST_BF PCR due 2026-11-21 (cessation + 42 d; age < 18 m -> NAT)
    void POST_BF_PCR_six_weeks_after_cessation() {
      Milestone m = schedule(s1, of(2026, 10, 11)).find("POST_BF", s1.infantA()).orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2026, 11, 21));
      assertThat(m.due()).isEqualTo(of(2026, 11, 21));
      assertThat(m.expectedTest()).contains("NAT");
    }

    @Test // S1 ZA: RDT_18M 2027-04-10 (done with the antibody test that day)
    void RDT_18M() {
      Milestone m = schedule(s1, of(2027, 4, 10)).find("RDT_18M", s1.infantA()).orElseThrow();
      assertThat(m.due()).isEqualTo(of(2027, 4, 10));
      assertThat(m.expectedTest()).contains("ANTIBODY");
      assertDone(m, of(2027, 4, 10));
    }
  }

  @Nested
  class S2 {
    final CaseBuilder s2 = za("s2").lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
        .viralLoad(of(2025, 4, 7), ViralLoad.belowLimit(50)).viralLoad(of(2025, 10, 6), ViralLoad.belowLimit(50))
        .delivered(of(2025, 11, 5)).replacementFed().prophylaxisStarted(of(2025, 11, 5));

    @Test // S2 ZA: maternal VL at delivery 2025-11-05 and at 6 months postpartum 2026-05-05 (formula fed: V15 is for all women)
    void maternal_VL_at_delivery_and_6_months_postpartum() {
      Schedule s = schedule(s2, of(2025, 11, 6));
      assertThat(s.find("VL_AT_DELIVERY").orElseThrow().due()).isEqualTo(of(2025, 11, 5));
      assertThat(s.find("VL_POSTPARTUM_6M").orElseThrow().due()).isEqualTo(of(2026, 5, 5));
    }

    @Test // S2 ZA: BIRTH_PCR 2025-11-05; PCR_10W due 2026-01-14 (window 2026-01-07); PCR_6M 2026-05-05; RDT_18M 2027-05-05; no POST_BF
    void infant_tests() {
      Schedule s = schedule(s2, of(2025, 11, 6));
      InfantId infant = s2.infantA();
      assertBirthPcr(s.find("BIRTH_PCR", infant).orElseThrow(), of(2025, 11, 5), of(2025, 11, 19));
      Milestone tenWeeks = s.find("PCR_10W", infant).orElseThrow();
      assertThat(tenWeeks.windowStart()).isEqualTo(of(2026, 1, 7));
      assertThat(tenWeeks.due()).isEqualTo(of(2026, 1, 14));
      assertThat(s.find("PCR_6M", infant).orElseThrow().due()).isEqualTo(of(2026, 5, 5));
      assertThat(s.find("RDT_18M", infant).orElseThrow().due()).isEqualTo(of(2027, 5, 5));
      assertThat(s.find("POST_BF", infant)).isEmpty();
    }
  }

  @Nested
  class S3 {
    final CaseBuilder s3 = za("s3").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400));

    @Test // S3 ZA: BIRTH_PCR 2025-11-22
    void BIRTH_PCR() {
      assertBirthPcr(schedule(s3, of(2025, 11, 22)).find("BIRTH_PCR", s3.infantA()).orElseThrow(),
          of(2025, 11, 22), of(2025, 12, 6));
    }

    @Test // S3 ZA (V12 superseded by V14): V12 due 2026-01-27 cancelled at delivery; VL at delivery DONE 2025-11-22
    void V12_superseded_by_the_VL_at_delivery() {
      Schedule s = schedule(s3, of(2025, 11, 30));
      Milestone v12 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v12.due()).isEqualTo(of(2026, 1, 27));
      assertThat(v12.cancelReason()).contains(CancelReason.SUPERSEDED_AT_DELIVERY);
      assertDone(s.find("VL_AT_DELIVERY").orElseThrow(), of(2025, 11, 22));
    }

    @Test // S3 ZA (P8): NVP at least to 2026-02-14 and until a maternal VL < 1000 is recorded: no stop date yet
    void no_prophylaxis_stop_date_until_a_maternal_VL_below_1000() {
      assertThat(schedule(s3, of(2026, 2, 14)).find("PROPHYLAXIS_STOP", s3.infantA())).isEmpty();
    }
  }

  @Nested
  class S4 {
    final CaseBuilder s4 = za("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
        .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
        .delivered(of(2025, 11, 10)).breastfed().prophylaxisStarted(of(2025, 11, 10))
        .viralLoad(of(2026, 1, 22), ViralLoad.belowLimit(50));

    @Test // S4 ZA: BIRTH_PCR 2025-11-10
    void BIRTH_PCR() {
      assertBirthPcr(schedule(s4, of(2025, 11, 10)).find("BIRTH_PCR", s4.infantA()).orElseThrow(),
          of(2025, 11, 10), of(2025, 11, 24));
    }

    @Test // S4 ZA: NVP stop = max(2026-02-02, date the < 1000 result is recorded); none before 2026-01-22, 2026-02-02 after
    void prophylaxis_stop_after_the_suppressed_result() {
      assertThat(schedule(s4, of(2026, 1, 21)).find("PROPHYLAXIS_STOP", s4.infantA())).isEmpty();
      assertThat(schedule(s4, of(2026, 1, 22)).find("PROPHYLAXIS_STOP", s4.infantA()).orElseThrow().due())
          .isEqualTo(of(2026, 2, 2));
    }
  }

  @Nested
  class S5 {
    final CaseBuilder s5 = za("s5").lmp(of(2025, 1, 13)).enrolledAtAnc(of(2025, 6, 2)).startedArt(of(2025, 6, 2))
        .delivered(of(2025, 8, 18)).breastfed().prophylaxisStarted(of(2025, 8, 18))
        .viralLoad(of(2025, 8, 18), of(2025, 8, 25), ViralLoad.copies(60));

    @Test // S5 ZA: BIRTH_PCR 2025-08-18
    void BIRTH_PCR() {
      assertBirthPcr(schedule(s5, of(2025, 8, 18)).find("BIRTH_PCR", s5.infantA()).orElseThrow(),
          of(2025, 8, 18), of(2025, 9, 1));
    }

    @Test // S5 ZA: the 60 of 2025-08-25 is the VL < 1000, so NVP stops 2025-11-10; no stop date before the result
    void NVP_stops_2025_11_10() {
      assertThat(schedule(s5, of(2025, 8, 24)).find("PROPHYLAXIS_STOP", s5.infantA())).isEmpty();
      assertThat(schedule(s5, of(2025, 8, 25)).find("PROPHYLAXIS_STOP", s5.infantA()).orElseThrow().due())
          .isEqualTo(of(2025, 11, 10));
    }
  }

  @Nested
  class S6 {
    // ZA: the VL at delivery (V14) is added as < 50 so that the infant was low risk at birth, as "NVP 6 weeks done" implies.
    final CaseBuilder s6 = za("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
        .delivered(of(2025, 5, 20)).viralLoad(of(2025, 5, 20), ViralLoad.belowLimit(50)).breastfed()
        .prophylaxisStarted(of(2025, 5, 20)).nat(of(2025, 7, 1), NEG)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
        .returned(of(2025, 11, 3)).viralLoad(of(2025, 11, 3), of(2025, 11, 10), ViralLoad.copies(24_000));

    @Test // S6 ZA: VL >= 1000 while breastfeeding -> infant high risk during breastfeeding: infant PCR due now (2025-11-10)
    void infant_PCR_due_when_found_high_risk_during_breastfeeding() {
      Schedule s = schedule(s6, of(2025, 11, 10));
      assertThat(s.all("PCR_AT_HIGH_RISK_IDENTIFICATION")).singleElement().satisfies(m -> {
        assertThat(m.due()).isEqualTo(of(2025, 11, 10));
        assertThat(m.state()).isEqualTo(MilestoneState.DUE);
      });
    }
  }

  @Nested
  class S7 {
    // ZA: a negative birth PCR is implied by the scenario ("negative implied by a later positive").
    final CaseBuilder s7 = za("s7").lmp(of(2024, 12, 16)).enrolledAtAnc(of(2025, 7, 14)).startedArt(of(2025, 7, 14))
        .viralLoad(of(2025, 8, 18), ViralLoad.copies(850)).delivered(of(2025, 9, 22)).breastfed()
        .viralLoad(of(2025, 9, 22), ViralLoad.belowLimit(50)).prophylaxisStarted(of(2025, 9, 22))
        .nat(of(2025, 9, 22), NEG)
        .nat(of(2025, 11, 3), of(2025, 11, 17), InfantTestResult.POSITIVE).infantArt(of(2025, 11, 17))
        .nat(of(2025, 11, 17), of(2025, 12, 1), InfantTestResult.POSITIVE);

    @Test // S7 ZA: BIRTH_PCR 2025-09-22, done
    void BIRTH_PCR_done() {
      Milestone m = schedule(s7, of(2025, 9, 23)).find("BIRTH_PCR", s7.infantA()).orElseThrow();
      assertBirthPcr(m, of(2025, 9, 22), of(2025, 10, 6));
      assertDone(m, of(2025, 9, 22));
    }

    @Test // S7 ZA: PCR_10W (due 2025-12-01) CANCELLED by the confirmed diagnosis of 2025-12-01
    void PCR_10W_cancelled_by_the_confirmed_diagnosis() {
      Milestone before = schedule(s7, of(2025, 11, 30)).find("PCR_10W", s7.infantA()).orElseThrow();
      assertThat(before.due()).isEqualTo(of(2025, 12, 1));
      assertThat(before.state()).isEqualTo(MilestoneState.DUE);
      Milestone after = schedule(s7, of(2025, 12, 1)).find("PCR_10W", s7.infantA()).orElseThrow();
      assertThat(after.state()).isEqualTo(MilestoneState.CANCELLED);
      assertThat(after.cancelReason()).contains(CancelReason.CONFIRMED_POSITIVE);
    }
  }

  @Nested
  class S8 {
    final CaseBuilder s8 = za("s8").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), NEG).cotrimoxazole(of(2025, 9, 12));

    @Test // S8 ZA (M1.7): 3-monthly test during breastfeeding due 2025-09-06 (delivery + 3 months); LATE on 2025-09-10
    void three_monthly_test_due_2025_09_06_and_late_before_it_is_done() {
      Milestone m = schedule(s8, of(2025, 9, 10)).find("HIV_RETEST_BREASTFEEDING").orElseThrow();
      assertThat(m.due()).isEqualTo(of(2025, 9, 6));
      assertThat(m.state()).isEqualTo(MilestoneState.LATE);
    }

    @Test // S8 ZA (M1.7): done 2025-09-12 (late, positive); no further retest once she is positive
    void three_monthly_test_done_2025_09_12() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      assertThat(s.all("HIV_RETEST_BREASTFEEDING")).singleElement().satisfies(m -> {
        assertThat(m.due()).isEqualTo(of(2025, 9, 6));
        assertDone(m, of(2025, 9, 12));
      });
      assertThat(s.find("HIV_RETEST_POSTPARTUM")).isEmpty();
    }

    @Test // S8 ZA: infant high risk during breastfeeding: PCR now (due and done 2025-09-12); PCR_6M due 2025-12-06
    void PCR_now_and_PCR_6M() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      Milestone now = s.find("PCR_10W", s8.infantA()).orElseThrow();
      assertThat(now.windowStart()).isEqualTo(of(2025, 9, 12));
      assertThat(now.due()).isEqualTo(of(2025, 9, 12));
      assertDone(now, of(2025, 9, 12));
      assertThat(s.find("PCR_6M", s8.infantA()).orElseThrow().due()).isEqualTo(of(2025, 12, 6));
      assertThat(s.find("BIRTH_PCR", s8.infantA())).isEmpty();
      assertThat(s.milestones()).noneMatch(m -> m.state() == MilestoneState.MISSED);
    }
  }

  @Nested
  class S9 {
    final CaseBuilder s9 = za("s9").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), NEG).nat(of(2025, 12, 3), NEG).breastfeedingStopped(of(2026, 5, 3))
        .antibody(of(2026, 9, 3), NEG);

    @Test // S9 ZA: BIRTH_PCR 2025-03-03, PCR_10W 2025-05-12, PCR_6M 2025-09-03
    void earlier_ZA_milestones() {
      Schedule s = schedule(s9, of(2025, 3, 4));
      assertBirthPcr(s.find("BIRTH_PCR", s9.infantA()).orElseThrow(), of(2025, 3, 3), of(2025, 3, 17));
      assertThat(s.find("PCR_10W", s9.infantA()).orElseThrow().due()).isEqualTo(of(2025, 5, 12));
      assertThat(s.find("PCR_6M", s9.infantA()).orElseThrow().due()).isEqualTo(of(2025, 9, 3));
    }

    @Test // S9 ZA: POST_BF PCR due 2026-06-14 (cessation + 42 days; age 468 days < 18 months -> NAT)
    void POST_BF_PCR() {
      Milestone m = schedule(s9, of(2026, 5, 4)).find("POST_BF", s9.infantA()).orElseThrow();
      assertThat(m.due()).isEqualTo(of(2026, 6, 14));
      assertThat(m.expectedTest()).contains("NAT");
    }

    @Test // S9 ZA: RDT_18M 2026-09-03, done with the negative antibody test of that day
    void RDT_18M() {
      Milestone m = schedule(s9, of(2026, 9, 3)).find("RDT_18M", s9.infantA()).orElseThrow();
      assertThat(m.due()).isEqualTo(of(2026, 9, 3));
      assertDone(m, of(2026, 9, 3));
    }
  }

  @Nested
  class S10 {
    final CaseBuilder s10 = za("s10").lmp(of(2024, 10, 18)).enrolledAtAnc(of(2024, 12, 27)).startedArt(of(2023, 6, 1))
        .viralLoad(of(2024, 12, 27), ViralLoad.belowLimit(50)).viralLoad(of(2025, 6, 14), ViralLoad.belowLimit(50))
        .deliveredTwins(of(2025, 6, 30)).breastfed().prophylaxisStarted(of(2025, 6, 30));

    CaseBuilder withTestsAndDeath() {
      return s10.test(s10.infantA(), InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), NEG)
          .test(s10.infantB(), InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), NEG)
          .infantDied(s10.infantB(), of(2025, 9, 15));
    }

    @Test // S10 ZA: BIRTH_PCR 2025-06-30 for each twin; PCR_10W due 2025-09-08 for each
    void each_twin_has_its_own_milestones() {
      Schedule s = schedule(s10, of(2025, 6, 30));
      for (InfantId twin : new InfantId[] {s10.infantA(), s10.infantB()}) {
        assertBirthPcr(s.find("BIRTH_PCR", twin).orElseThrow(), of(2025, 6, 30), of(2025, 7, 14));
        assertThat(s.find("PCR_10W", twin).orElseThrow().due()).isEqualTo(of(2025, 9, 8));
      }
    }

    @Test // S10 ZA: B's PCR_10W was LATE on 2025-09-14 and is CANCELLED (died), not MISSED, on 2025-09-15; A's is LATE
    void twin_B_PCR_10W_cancelled_by_death() {
      CaseBuilder built = withTestsAndDeath();
      assertThat(schedule(built, of(2025, 9, 14)).find("PCR_10W", built.infantB()).orElseThrow().state())
          .isEqualTo(MilestoneState.LATE);
      Schedule s = schedule(built, of(2025, 9, 15));
      Milestone b = s.find("PCR_10W", built.infantB()).orElseThrow();
      assertThat(b.state()).isEqualTo(MilestoneState.CANCELLED);
      assertThat(b.cancelReason()).contains(CancelReason.DIED);
      assertThat(s.find("PCR_10W", built.infantA()).orElseThrow().state()).isEqualTo(MilestoneState.LATE);
    }
  }
}
