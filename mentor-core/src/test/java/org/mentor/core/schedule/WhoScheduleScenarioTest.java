package org.mentor.core.schedule;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.schedule.MilestoneAssertions.assertDone;
import static org.mentor.core.schedule.MilestoneAssertions.assertDates;
import static org.mentor.core.pathway.Codes.HivStatus.NEGATIVE;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import java.util.Optional;
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
import org.mentor.core.testing.CaseBuilder;

/**
 * Every dated step of shared/clinical/scenarios.md under WHO_2021: window start, due date,
 * overdue date and state, written as the scenario's literal dates.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WhoScheduleScenarioTest {
  static final Protocol WHO = Protocol.who2021();
  static final InfantTestResult NEG = InfantTestResult.NEGATIVE;

  static Schedule schedule(CaseBuilder builder, LocalDate asOf) {
    return Schedule.of(WHO, builder.file().facts(), asOf);
  }



  @Nested
  class S1 {
    CaseBuilder s1(boolean secondNat) {
      CaseBuilder b = aCase("s1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
          .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
          .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
          .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10))
          .nat(of(2025, 11, 21), NEG).cotrimoxazole(of(2025, 11, 21));
      if (secondNat) {
        b.nat(of(2026, 7, 10), NEG).breastfeedingStopped(of(2026, 10, 10)).antibody(of(2027, 4, 10), NEG);
      }
      return b;
    }

    @Test // S1 step 1: V9 due 2025-07-28, window 2025-07-14, overdue 2025-08-25; DONE 2025-07-28
    void step_1_VL_three_months_after_ART() {
      Milestone m = schedule(s1(true), of(2025, 8, 1)).find("VL_ART_3M").orElseThrow();
      assertDates(m, of(2025, 7, 14), of(2025, 7, 28), of(2025, 8, 25));
      assertDone(m, of(2025, 7, 28));
    }

    @Test // S1 step 2: V10 window 2025-09-01, due 2025-09-21; DONE 2025-09-03
    void step_2_VL_in_late_pregnancy() {
      Milestone m = schedule(s1(true), of(2025, 9, 10)).find("VL_LATE_PREGNANCY").orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2025, 9, 1));
      assertThat(m.due()).isEqualTo(of(2025, 9, 21));
      assertDone(m, of(2025, 9, 3));
    }

    @Test // S1 step 4: NVP 6 weeks, stop 2025-11-21
    void step_4_prophylaxis_stop_due() {
      Milestone m = schedule(s1(true), of(2025, 10, 20)).find("PROPHYLAXIS_STOP", aCase("s1").infantA()).orElseThrow();
      assertThat(m.due()).isEqualTo(of(2025, 11, 21));
      assertThat(m.state()).isEqualTo(MilestoneState.UPCOMING);
    }

    @Test // S1 steps 5-6: NAT_6W window 2025-11-07, due 2025-11-21, overdue 2025-12-19, DONE; CTX due 2025-11-21 from 2025-11-07
    void steps_5_and_6_six_week_NAT_and_CTX() {
      Schedule s = schedule(s1(true), of(2025, 12, 1));
      InfantId infant = aCase("s1").infantA();
      Milestone nat = s.find("NAT_6W", infant).orElseThrow();
      assertDates(nat, of(2025, 11, 7), of(2025, 11, 21), of(2025, 12, 19));
      assertDone(nat, of(2025, 11, 21));
      Milestone ctx = s.find("CTX_START", infant).orElseThrow();
      assertThat(ctx.windowStart()).isEqualTo(of(2025, 11, 7));
      assertThat(ctx.due()).isEqualTo(of(2025, 11, 21));
      assertThat(s.find("NAT_9M", infant).orElseThrow().state()).isEqualTo(MilestoneState.UPCOMING);
    }

    @Test // S1 step 7: NAT_9M window 2026-06-26, due 2026-07-10, overdue 2026-08-07; DONE 2026-07-10
    void step_7_nine_month_NAT() {
      Milestone m = schedule(s1(true), of(2026, 7, 10)).find("NAT_9M", aCase("s1").infantA()).orElseThrow();
      assertDates(m, of(2026, 6, 26), of(2026, 7, 10), of(2026, 8, 7));
      assertDone(m, of(2026, 7, 10));
    }

    @Test // S1 state checks: on 2026-07-20 (no test yet) NAT_9M LATE; on 2026-08-07 OVERDUE
    void state_checks_late_then_overdue() {
      InfantId infant = aCase("s1").infantA();
      assertThat(schedule(s1(false), of(2026, 7, 20)).find("NAT_9M", infant).orElseThrow().state()).isEqualTo(MilestoneState.LATE);
      assertThat(schedule(s1(false), of(2026, 8, 6)).find("NAT_9M", infant).orElseThrow().state()).isEqualTo(MilestoneState.LATE);
      assertThat(schedule(s1(false), of(2026, 8, 7)).find("NAT_9M", infant).orElseThrow().state()).isEqualTo(MilestoneState.OVERDUE);
    }

    @Test // S1 step 8: V11 next due 2026-03-03 (last sample 2025-09-03 + 6 months), window 2026-02-17
    void step_8_breastfeeding_VL() {
      Milestone m = schedule(s1(true), of(2026, 1, 1)).find("VL_BREASTFEEDING").orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2026, 2, 17));
      assertThat(m.due()).isEqualTo(of(2026, 3, 3));
      assertThat(m.state()).isEqualTo(MilestoneState.UPCOMING);
    }

    @Test // S1 step 9: final = max(2027-04-10, 2027-01-10): AB_18M window = due = 2027-04-10, overdue 2027-05-08; no POST_BF
    void step_9_final_test_at_18_months() {
      Schedule s = schedule(s1(true), of(2027, 4, 10));
      InfantId infant = aCase("s1").infantA();
      Milestone ab = s.find("AB_18M", infant).orElseThrow();
      assertDates(ab, of(2027, 4, 10), of(2027, 4, 10), of(2027, 5, 8));
      assertDone(ab, of(2027, 4, 10));
      assertThat(s.find("POST_BF", infant)).isEmpty();
    }
  }

  @Nested
  class S2 {
    final CaseBuilder s2 = aCase("s2").lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
        .viralLoad(of(2025, 4, 7), ViralLoad.belowLimit(50)).viralLoad(of(2025, 10, 6), ViralLoad.belowLimit(50))
        .delivered(of(2025, 11, 5)).replacementFed().prophylaxisStarted(of(2025, 11, 5));

    @Test // S2 steps 1-3: V8 due 2025-04-07, overdue 2025-05-05, DONE; no V9; V10 2025-09-29 .. 2025-10-19 DONE 2025-10-06
    void steps_1_to_3_pregnancy_VLs() {
      Schedule s = schedule(s2, of(2025, 10, 20));
      Milestone anc = s.find("VL_ANC1").orElseThrow();
      assertDates(anc, of(2025, 4, 7), of(2025, 4, 7), of(2025, 5, 5));
      assertDone(anc, of(2025, 4, 7));
      assertThat(s.find("VL_ART_3M")).isEmpty();
      Milestone late = s.find("VL_LATE_PREGNANCY").orElseThrow();
      assertThat(late.windowStart()).isEqualTo(of(2025, 9, 29));
      assertThat(late.due()).isEqualTo(of(2025, 10, 19));
      assertDone(late, of(2025, 10, 6));
    }

    @Test // S2 steps 6-8: NAT_6W 2025-12-03 / 2025-12-17 / 2026-01-14; NAT_9M 2026-07-22 / 2026-08-05 / 2026-09-02; AB_18M 2027-05-05, overdue 2027-06-02; no POST_BF
    void steps_6_to_8_infant_tests() {
      Schedule s = schedule(s2, of(2025, 11, 6));
      InfantId infant = s2.infantA();
      assertDates(s.find("NAT_6W", infant).orElseThrow(), of(2025, 12, 3), of(2025, 12, 17), of(2026, 1, 14));
      assertDates(s.find("NAT_9M", infant).orElseThrow(), of(2026, 7, 22), of(2026, 8, 5), of(2026, 9, 2));
      Milestone ab = s.find("AB_18M", infant).orElseThrow();
      assertThat(ab.due()).isEqualTo(of(2027, 5, 5));
      assertThat(ab.overdueFrom()).contains(of(2027, 6, 2));
      assertThat(s.find("POST_BF", infant)).isEmpty();
    }

    @Test // S2 step 9: not breastfeeding -> routine V3 due 2026-10-06
    void step_9_routine_VL_after_delivery() {
      Schedule s = schedule(s2, of(2025, 11, 6));
      assertThat(s.find("VL_ROUTINE").orElseThrow().due()).isEqualTo(of(2026, 10, 6));
      assertThat(s.find("VL_BREASTFEEDING")).isEmpty();
    }
  }

  @Nested
  class S3 {
    final CaseBuilder s3 = aCase("s3").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400));

    @Test // S3 step 1: V10 not created (ART at 34w0d); V9 due 2026-01-27 UPCOMING before delivery
    void step_1_before_delivery() {
      Schedule s = schedule(s3, of(2025, 11, 1));
      assertThat(s.find("VL_LATE_PREGNANCY")).isEmpty();
      Milestone v9 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v9.due()).isEqualTo(of(2026, 1, 27));
      assertThat(v9.state()).isEqualTo(MilestoneState.UPCOMING);
    }

    @Test // S3 step 2: delivery -> V9 CANCELLED (superseded); VL at delivery due 2025-11-22, overdue 2025-12-20, DONE
    void step_2_delivery_supersedes_V9() {
      Schedule s = schedule(s3, of(2025, 11, 30));
      Milestone v9 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v9.state()).isEqualTo(MilestoneState.CANCELLED);
      assertThat(v9.cancelReason()).contains(CancelReason.SUPERSEDED_AT_DELIVERY);
      Milestone atDelivery = s.find("VL_AT_DELIVERY").orElseThrow();
      assertDates(atDelivery, of(2025, 11, 22), of(2025, 11, 22), of(2025, 12, 20));
      assertDone(atDelivery, of(2025, 11, 22));
    }

    @Test // S3 step 5: repeat VL due 2026-02-22, window 2026-02-08, overdue 2026-03-22
    void step_5_follow_up_after_2400() {
      assertDates(schedule(s3, of(2025, 11, 30)).find("VL_FOLLOW_UP").orElseThrow(), of(2026, 2, 8), of(2026, 2, 22), of(2026, 3, 22));
    }

    @Test // S3 steps 6-7: NAT_6W 2025-12-20 / 2026-01-03 / 2026-01-31; NAT_9M due 2026-08-22, window 2026-08-08
    void steps_6_and_7_infant_tests() {
      Schedule s = schedule(s3, of(2025, 11, 30));
      assertDates(s.find("NAT_6W", s3.infantA()).orElseThrow(), of(2025, 12, 20), of(2026, 1, 3), of(2026, 1, 31));
      Milestone nine = s.find("NAT_9M", s3.infantA()).orElseThrow();
      assertThat(nine.due()).isEqualTo(of(2026, 8, 22));
      assertThat(nine.windowStart()).isEqualTo(of(2026, 8, 8));
    }

    @Test // S3 step 4: P3 planned stop 2026-02-14
    void step_4_prophylaxis_stop() {
      assertThat(schedule(s3, of(2025, 11, 30)).find("PROPHYLAXIS_STOP", s3.infantA()).orElseThrow().due()).isEqualTo(of(2026, 2, 14));
    }
  }

  @Nested
  class S4 {
    final CaseBuilder s4 = aCase("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
        .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
        .delivered(of(2025, 11, 10)).breastfed().prophylaxisStarted(of(2025, 11, 10))
        .viralLoad(of(2026, 1, 22), ViralLoad.belowLimit(50));

    @Test // S4 steps 1-3: V9 2025-07-22 / 2025-08-05 DONE; V4 2025-10-22 / 2025-11-05 / 2025-12-03; V10 2025-10-06 .. 2025-10-26; the 2025-10-22 VL satisfies both
    void steps_1_to_3() {
      Schedule s = schedule(s4, of(2025, 10, 23));
      Milestone v9 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v9.windowStart()).isEqualTo(of(2025, 7, 22));
      assertDone(v9, of(2025, 8, 5));
      Milestone v4 = s.all("VL_FOLLOW_UP").get(0);
      assertDates(v4, of(2025, 10, 22), of(2025, 11, 5), of(2025, 12, 3));
      assertDone(v4, of(2025, 10, 22));
      Milestone v10 = s.find("VL_LATE_PREGNANCY").orElseThrow();
      assertThat(v10.windowStart()).isEqualTo(of(2025, 10, 6));
      assertThat(v10.due()).isEqualTo(of(2025, 10, 26));
      assertDone(v10, of(2025, 10, 22));
    }

    @Test // S4 step 4: repeat due 2026-01-22, window 2026-01-08, overdue 2026-02-19
    void step_4_follow_up_from_the_latest_result() {
      assertDates(schedule(s4, of(2025, 11, 1)).all("VL_FOLLOW_UP").get(1), of(2026, 1, 8), of(2026, 1, 22), of(2026, 2, 19));
    }

    @Test // S4 step 7: NAT_6W 2025-12-08 / 2025-12-22 / 2026-01-19
    void step_7_NAT_6W() {
      assertDates(schedule(s4, of(2025, 11, 11)).find("NAT_6W", s4.infantA()).orElseThrow(), of(2025, 12, 8), of(2025, 12, 22), of(2026, 1, 19));
    }

    @Test // S4 steps 8-9: breastfeeding VL next due 2026-07-22; NAT_9M due 2026-08-10
    void steps_8_and_9() {
      Schedule s = schedule(s4, of(2026, 2, 1));
      assertThat(s.all("VL_BREASTFEEDING")).last().satisfies(m -> {
        assertThat(m.due()).isEqualTo(of(2026, 7, 22));
        assertThat(m.state()).isEqualTo(MilestoneState.UPCOMING);
      });
      assertThat(s.find("NAT_9M", s4.infantA()).orElseThrow().due()).isEqualTo(of(2026, 8, 10));
    }
  }

  @Nested
  class S5 {
    final CaseBuilder s5 = aCase("s5").lmp(of(2025, 1, 13)).enrolledAtAnc(of(2025, 6, 2)).startedArt(of(2025, 6, 2))
        .delivered(of(2025, 8, 18)).breastfed().prophylaxisStarted(of(2025, 8, 18))
        .viralLoad(of(2025, 8, 18), of(2025, 8, 25), ViralLoad.copies(60));

    @Test // S5 steps 1-3: V9 due 2025-09-02 window 2025-08-19 and V10 window 2025-09-08 cancelled at delivery; VL at delivery due 2025-08-18, overdue 2025-09-15, DONE
    void steps_1_to_3() {
      Schedule before = schedule(s5, of(2025, 8, 17));
      assertThat(before.find("VL_ART_3M").orElseThrow().due()).isEqualTo(of(2025, 9, 2));
      assertThat(before.find("VL_ART_3M").orElseThrow().windowStart()).isEqualTo(of(2025, 8, 19));
      assertThat(before.find("VL_LATE_PREGNANCY").orElseThrow().windowStart()).isEqualTo(of(2025, 9, 8));
      Schedule after = schedule(s5, of(2025, 8, 26));
      assertThat(after.find("VL_ART_3M").orElseThrow().cancelReason()).contains(CancelReason.SUPERSEDED_AT_DELIVERY);
      assertThat(after.find("VL_LATE_PREGNANCY").orElseThrow().cancelReason()).contains(CancelReason.SUPERSEDED_AT_DELIVERY);
      Milestone atDelivery = after.find("VL_AT_DELIVERY").orElseThrow();
      assertDates(atDelivery, of(2025, 8, 18), of(2025, 8, 18), of(2025, 9, 15));
      assertDone(atDelivery, of(2025, 8, 18));
    }

    @Test // S5 step 5: repeat VL due 2025-11-18, window 2025-11-04, overdue 2025-12-16
    void step_5_follow_up_after_60() {
      assertDates(schedule(s5, of(2025, 8, 26)).find("VL_FOLLOW_UP").orElseThrow(), of(2025, 11, 4), of(2025, 11, 18), of(2025, 12, 16));
      assertThat(schedule(s5, of(2025, 8, 24)).find("VL_FOLLOW_UP")).isEmpty();
    }

    @Test // S5 step 7: NAT_6W 2025-09-15 / 2025-09-29 / 2025-10-27; NAT_9M due 2026-05-18
    void step_7_chronological_age() {
      Schedule s = schedule(s5, of(2025, 8, 26));
      assertDates(s.find("NAT_6W", s5.infantA()).orElseThrow(), of(2025, 9, 15), of(2025, 9, 29), of(2025, 10, 27));
      assertThat(s.find("NAT_9M", s5.infantA()).orElseThrow().due()).isEqualTo(of(2026, 5, 18));
    }
  }

  @Nested
  class S6 {
    final CaseBuilder s6 = aCase("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
        .delivered(of(2025, 5, 20)).breastfed().prophylaxisStarted(of(2025, 5, 20)).nat(of(2025, 7, 1), NEG)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
        .returned(of(2025, 11, 3)).viralLoad(of(2025, 11, 3), of(2025, 11, 10), ViralLoad.copies(24_000));

    @Test // S6 step 2: repeat VL due 2026-02-03, window 2026-01-20, overdue 2026-03-03
    void step_2_follow_up_after_24000() {
      assertDates(schedule(s6, of(2025, 11, 10)).find("VL_FOLLOW_UP").orElseThrow(), of(2026, 1, 20), of(2026, 2, 3), of(2026, 3, 3));
    }

    @Test // S6 step 4: NAT_9M due 2026-02-20, window 2026-02-06
    void step_4_NAT_9M_unaffected() {
      Milestone m = schedule(s6, of(2025, 11, 10)).find("NAT_9M", s6.infantA()).orElseThrow();
      assertThat(m.due()).isEqualTo(of(2026, 2, 20));
      assertThat(m.windowStart()).isEqualTo(of(2026, 2, 6));
    }
  }

  @Nested
  class S7 {
    final CaseBuilder s7 = aCase("s7").lmp(of(2024, 12, 16)).enrolledAtAnc(of(2025, 7, 14)).startedArt(of(2025, 7, 14))
        .viralLoad(of(2025, 8, 18), ViralLoad.copies(850)).delivered(of(2025, 9, 22)).breastfed()
        .viralLoad(of(2025, 9, 22), ViralLoad.belowLimit(50)).prophylaxisStarted(of(2025, 9, 22))
        .nat(of(2025, 11, 3), of(2025, 11, 17), InfantTestResult.POSITIVE).infantArt(of(2025, 11, 17))
        .nat(of(2025, 11, 17), of(2025, 12, 1), InfantTestResult.POSITIVE);

    @Test // S7 steps 1-2: V10 2025-08-11..08-31 DONE 2025-08-18; V4 due 2025-11-18 then removed by the <50 at delivery; V9 (due 2025-10-14, window 2025-09-30) cancelled; VL at delivery DONE; V11 next 2026-03-22
    void steps_1_and_2() {
      Schedule s = schedule(s7, of(2025, 9, 23));
      Milestone v10 = s.find("VL_LATE_PREGNANCY").orElseThrow();
      assertThat(v10.windowStart()).isEqualTo(of(2025, 8, 11));
      assertThat(v10.due()).isEqualTo(of(2025, 8, 31));
      assertDone(v10, of(2025, 8, 18));
      Milestone v4 = s.find("VL_FOLLOW_UP").orElseThrow();
      assertThat(v4.due()).isEqualTo(of(2025, 11, 18));
      assertThat(v4.cancelReason()).contains(CancelReason.SUPERSEDED);
      Milestone v9 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v9.due()).isEqualTo(of(2025, 10, 14));
      assertThat(v9.windowStart()).isEqualTo(of(2025, 9, 30));
      assertThat(v9.cancelReason()).contains(CancelReason.SUPERSEDED_AT_DELIVERY);
      assertDone(s.find("VL_AT_DELIVERY").orElseThrow(), of(2025, 9, 22));
      assertThat(s.find("VL_BREASTFEEDING").orElseThrow().due()).isEqualTo(of(2026, 3, 22));
    }

    @Test // S7 steps 4-6: NAT_6W window 2025-10-20, due 2025-11-03, DONE; confirmatory and ART due 2025-11-17 (overdue 2025-12-15), done; NAT_9M and AB_18M cancelled by the confirmed diagnosis
    void steps_4_to_6() {
      InfantId infant = s7.infantA();
      Schedule s = schedule(s7, of(2025, 12, 1));
      Milestone nat = s.find("NAT_6W", infant).orElseThrow();
      assertThat(nat.windowStart()).isEqualTo(of(2025, 10, 20));
      assertDone(nat, of(2025, 11, 3));
      Milestone confirm = s.find("CONFIRMATORY_NAT", infant).orElseThrow();
      assertDates(confirm, of(2025, 11, 17), of(2025, 11, 17), of(2025, 12, 15));
      assertDone(confirm, of(2025, 11, 17));
      assertDone(s.find("INFANT_ART_START", infant).orElseThrow(), of(2025, 11, 17));
      assertThat(s.find("NAT_9M", infant).orElseThrow().cancelReason()).contains(CancelReason.CONFIRMED_POSITIVE);
      assertThat(s.find("AB_18M", infant).orElseThrow().cancelReason()).contains(CancelReason.CONFIRMED_POSITIVE);
    }
  }

  @Nested
  class S8 {
    final CaseBuilder s8 = aCase("s8").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), NEG).cotrimoxazole(of(2025, 9, 12));

    @Test // S8 steps 1-2: retest window 2025-03-17, due 2025-05-18, DONE 2025-04-14; postpartum retest due 2025-09-12, DONE
    void steps_1_and_2_retests() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      Milestone retest = s.find("HIV_RETEST_LATE_PREGNANCY").orElseThrow();
      assertThat(retest.windowStart()).isEqualTo(of(2025, 3, 17));
      assertThat(retest.due()).isEqualTo(of(2025, 5, 18));
      assertDone(retest, of(2025, 4, 14));
      Milestone postpartum = s.find("HIV_RETEST_POSTPARTUM").orElseThrow();
      assertThat(postpartum.due()).isEqualTo(of(2025, 9, 12));
      assertDone(postpartum, of(2025, 9, 12));
    }

    @Test // S8 steps 4-5, 7: no NAT_6W MISSED; first NAT due on registration 2025-09-12, DONE; CTX due 2025-09-12
    void steps_4_5_7_late_registration() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      Milestone nat = s.find("NAT_6W", s8.infantA()).orElseThrow();
      assertThat(nat.due()).isEqualTo(of(2025, 9, 12));
      assertDone(nat, of(2025, 9, 12));
      assertThat(s.find("CTX_START", s8.infantA()).orElseThrow().due()).isEqualTo(of(2025, 9, 12));
      assertThat(s.milestones()).noneMatch(m -> m.state() == MilestoneState.MISSED);
    }

    @Test // S8 steps 8-9: NAT_9M window 2026-02-20, due 2026-03-06; V9 due 2025-12-12, window 2025-11-28
    void steps_8_and_9() {
      Schedule s = schedule(s8, of(2025, 9, 13));
      Milestone nine = s.find("NAT_9M", s8.infantA()).orElseThrow();
      assertThat(nine.windowStart()).isEqualTo(of(2026, 2, 20));
      assertThat(nine.due()).isEqualTo(of(2026, 3, 6));
      Milestone v9 = s.find("VL_ART_3M").orElseThrow();
      assertThat(v9.due()).isEqualTo(of(2025, 12, 12));
      assertThat(v9.windowStart()).isEqualTo(of(2025, 11, 28));
    }

    @Test // S8 step 6: P3 from identification: stop 2025-12-05
    void step_6_prophylaxis_stop() {
      assertThat(schedule(s8, of(2025, 9, 13)).find("PROPHYLAXIS_STOP", s8.infantA()).orElseThrow().due()).isEqualTo(of(2025, 12, 5));
    }
  }

  @Nested
  class S9 {
    final CaseBuilder s9 = aCase("s9").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), NEG).nat(of(2025, 12, 3), NEG).breastfeedingStopped(of(2026, 5, 3))
        .antibody(of(2026, 9, 3), NEG);

    @Test // S9 steps 1-2: NAT_6W due 2025-04-14 (window 2025-03-31), NAT_9M due 2025-12-03 (window 2025-11-19) DONE; POST_BF not created
    void steps_1_and_2() {
      Schedule s = schedule(s9, of(2026, 8, 10));
      Milestone six = s.find("NAT_6W", s9.infantA()).orElseThrow();
      assertThat(six.windowStart()).isEqualTo(of(2025, 3, 31));
      assertDone(six, of(2025, 4, 14));
      Milestone nine = s.find("NAT_9M", s9.infantA()).orElseThrow();
      assertThat(nine.windowStart()).isEqualTo(of(2025, 11, 19));
      assertDone(nine, of(2025, 12, 3));
      assertThat(s.find("POST_BF", s9.infantA())).isEmpty();
    }

    @Test // S9 step 3: on 2026-08-10 AB_18M UPCOMING, no infant test DUE
    void step_3_nothing_due() {
      Schedule s = schedule(s9, of(2026, 8, 10));
      assertThat(s.find("AB_18M", s9.infantA()).orElseThrow().state()).isEqualTo(MilestoneState.UPCOMING);
      assertThat(s.actionable()).noneMatch(m -> m.expectedTest().isPresent());
    }

    @Test // S9 step 4: AB_18M negative 2026-09-03 DONE; overdue would have been 2026-10-01
    void step_4_final_test() {
      Milestone ab = schedule(s9, of(2026, 9, 3)).find("AB_18M", s9.infantA()).orElseThrow();
      assertDone(ab, of(2026, 9, 3));
      assertThat(ab.overdueFrom()).contains(of(2026, 10, 1));
    }
  }

  @Nested
  class S10 {
    final CaseBuilder s10 = aCase("s10").lmp(of(2024, 10, 18)).enrolledAtAnc(of(2024, 12, 27)).startedArt(of(2023, 6, 1))
        .viralLoad(of(2024, 12, 27), ViralLoad.belowLimit(50)).viralLoad(of(2025, 6, 14), ViralLoad.belowLimit(50))
        .deliveredTwins(of(2025, 6, 30)).breastfed().prophylaxisStarted(of(2025, 6, 30));

    CaseBuilder withTestsAndDeath() {
      return s10.test(s10.infantA(), InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), NEG)
          .test(s10.infantB(), InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), NEG)
          .infantDied(s10.infantB(), of(2025, 9, 15));
    }

    @Test // S10 steps 1, 3: V8 DONE; V10 2025-06-13..07-03 DONE 06-14; each twin NAT_6W window 2025-07-28, due 2025-08-11, DONE
    void steps_1_and_3() {
      Schedule s = schedule(withTestsAndDeath(), of(2025, 8, 12));
      assertDone(s.find("VL_ANC1").orElseThrow(), of(2024, 12, 27));
      Milestone v10 = s.find("VL_LATE_PREGNANCY").orElseThrow();
      assertThat(v10.windowStart()).isEqualTo(of(2025, 6, 13));
      assertThat(v10.due()).isEqualTo(of(2025, 7, 3));
      assertDone(v10, of(2025, 6, 14));
      for (InfantId twin : new InfantId[] {s10.infantA(), s10.infantB()}) {
        Milestone nat = s.find("NAT_6W", twin).orElseThrow();
        assertThat(nat.windowStart()).isEqualTo(of(2025, 7, 28));
        assertDone(nat, of(2025, 8, 11));
      }
    }

    @Test // S10 steps 4-6: B's NAT_9M and later CANCELLED (died); A's NAT_9M 2026-03-16 / 2026-03-30, AB_18M 2026-12-30; V11 next 2025-12-14
    void steps_4_to_6() {
      CaseBuilder built = withTestsAndDeath();
      Schedule s = schedule(built, of(2025, 9, 15));
      assertThat(s.find("NAT_9M", built.infantB()).orElseThrow().cancelReason()).contains(CancelReason.DIED);
      assertThat(s.find("AB_18M", built.infantB()).orElseThrow().cancelReason()).contains(CancelReason.DIED);
      Milestone nine = s.find("NAT_9M", built.infantA()).orElseThrow();
      assertThat(nine.windowStart()).isEqualTo(of(2026, 3, 16));
      assertThat(nine.due()).isEqualTo(of(2026, 3, 30));
      assertThat(s.find("AB_18M", built.infantA()).orElseThrow().due()).isEqualTo(of(2026, 12, 30));
      assertThat(s.find("VL_BREASTFEEDING").orElseThrow().due()).isEqualTo(of(2025, 12, 14));
      assertThat(Optional.of(nine.state())).contains(MilestoneState.UPCOMING);
    }
  }
}
