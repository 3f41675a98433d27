package org.mentor.core.protocol;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.core.schedule.Schedule;
import org.mentor.core.testing.CaseBuilder;

/**
 * Protocols are data (DESIGN.md §3, clinical/README.md "one engine, several profiles"): a fifth
 * protocol that exists only in the tests, {@code protocols/SYNTH_2026.json} (a child of WHO_2021),
 * schedules NAT at 8 weeks, 7 months and 15 months, a final test at the later of 24 months and
 * cessation + 8 weeks, and a maternal viral load every 4 months while breastfeeding, with no change
 * to the engine. Every expected date below was worked out by hand from the date arithmetic of
 * clinical/README.md (weeks = 7 days; months = calendar months clamped to the month's end).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SyntheticProtocolTest {
  static final Protocol SYNTH = ProtocolLoader.fromResource("/protocols/SYNTH_2026.json");
  static final Protocol WHO = Protocols.who2021();
  static final InfantTestResult NEG = InfantTestResult.NEGATIVE;
  static final LocalDate BIRTH = of(2025, 1, 31);

  /**
   * On ART since 2023, enrolled 2024-09-02 with a suppressed VL; VL 2025-01-20; a girl born
   * 2025-01-31, breastfed; NAT 2025-03-28 and 2025-08-31 negative; VLs 2025-05-19 and 2025-09-22;
   * no NAT at 15 months; breastfeeding stops 2026-12-20; antibody test 2027-02-14 negative.
   */
  static CaseBuilder synthCase() {
    return aCase("synth").protocol("SYNTH_2026", "1").enrolledAtAnc(of(2024, 9, 2)).startedArt(of(2023, 1, 16))
        .viralLoad(of(2024, 9, 2), ViralLoad.belowLimit(50)).viralLoad(of(2025, 1, 20), ViralLoad.belowLimit(50))
        .delivered(BIRTH).breastfed().prophylaxisStarted(BIRTH)
        .nat(of(2025, 3, 28), NEG)
        .viralLoad(of(2025, 5, 19), ViralLoad.belowLimit(50))
        .nat(of(2025, 8, 31), NEG)
        .viralLoad(of(2025, 9, 22), ViralLoad.belowLimit(50))
        .breastfeedingStopped(of(2026, 12, 20))
        .antibody(of(2027, 2, 14), NEG);
  }

  static Schedule schedule(Protocol protocol, CaseBuilder b, LocalDate asOf) {
    return Schedule.of(protocol, b.file().facts(), asOf);
  }

  static Milestone infant(Schedule s, String ruleId) {
    return s.find(ruleId, aCase("synth").infantA()).orElseThrow(() -> new AssertionError("no " + ruleId));
  }

  static void assertDates(Milestone m, LocalDate window, LocalDate due, LocalDate overdue) {
    assertThat(m.windowStart()).as(m.key() + " window").isEqualTo(window);
    assertThat(m.due()).as(m.key() + " due").isEqualTo(due);
    assertThat(m.overdueFrom()).as(m.key() + " overdue").contains(overdue);
  }

  static void assertState(Milestone m, MilestoneState state) {
    assertThat(m.state()).as(m.key() + " state").isEqualTo(state);
  }

  @Nested
  class The_file {
    @Test
    void given_the_test_resource_when_loaded_then_it_is_a_child_of_WHO_2021_and_not_built_in() {
      assertThat(SYNTH.ref()).isEqualTo(new ProtocolRef("SYNTH_2026", "1"));
      assertThat(SYNTH.parent()).contains(new ProtocolRef("WHO_2021", "1"));
      assertThat(Protocols.builtIn()).doesNotContain(SYNTH);
      assertThat(Protocols.builtIn(new ProtocolRef("SYNTH_2026", "1"))).isEmpty();
    }

    @Test
    void given_the_test_resource_when_loaded_then_its_own_values_replace_the_parents_and_the_rest_are_inherited() {
      assertThat(SYNTH.get(Key.FINAL_TEST_AGE)).isEqualTo(Period.ofMonths(24));
      assertThat(SYNTH.get(Key.FINAL_TEST_AFTER_CESSATION)).isEqualTo(Period.ofDays(56));
      assertThat(SYNTH.source(Key.FINAL_TEST_AGE).confidence()).isEqualTo(Confidence.PROJECT_CONVENTION);
      assertThat(SYNTH.getInt(Key.VL_UNSUPPRESSED_ABOVE)).isEqualTo(1000);
      assertThat(SYNTH.source(Key.VL_UNSUPPRESSED_ABOVE)).isEqualTo(WHO.source(Key.VL_UNSUPPRESSED_ABOVE));
    }

    @Test
    void given_the_test_resource_when_loaded_then_removed_milestones_are_gone_and_its_own_are_added() {
      assertThat(SYNTH.milestones()).extracting(MilestoneRule::id)
          .contains("NAT_8W", "NAT_7M", "NAT_15M", "FINAL_TEST", "VL_BREASTFEEDING", "CTX_START", "VL_ROUTINE")
          .doesNotContain("NAT_6W", "NAT_9M", "AB_18M", "POST_BF")
          .doesNotHaveDuplicates();
    }
  }

  @Nested
  class Infant_tests {
    @Test // NAT_8W: 2025-01-31 + 42 d = 2025-03-14, + 56 d = 2025-03-28, + 28 d = 2025-04-25
    void given_birth_on_2025_01_31_when_scheduled_then_the_8_week_NAT_is_due_on_2025_03_28() {
      Schedule s = schedule(SYNTH, synthCase(), of(2025, 2, 1));
      Milestone nat = infant(s, "NAT_8W");
      assertDates(nat, of(2025, 3, 14), of(2025, 3, 28), of(2025, 4, 25));
      assertState(nat, MilestoneState.UPCOMING);
      assertThat(nat.expectedTest()).contains("NAT");
      assertThat(nat.closesOn()).contains(of(2025, 8, 17));
      assertThat(s.find("NAT_6W", aCase("synth").infantA())).isEmpty();
    }

    @Test // the same facts under WHO_2021: NAT_6W due 2025-01-31 + 42 d = 2025-03-14, NAT_9M due 2025-10-31
    void given_the_same_facts_under_WHO_2021_when_scheduled_then_the_WHO_milestones_appear_instead() {
      Schedule s = schedule(WHO, synthCase(), of(2025, 2, 1));
      assertThat(infant(s, "NAT_6W").due()).isEqualTo(of(2025, 3, 14));
      assertThat(infant(s, "NAT_9M").due()).isEqualTo(of(2025, 10, 31));
      assertThat(s.find("NAT_8W", aCase("synth").infantA())).isEmpty();
    }

    @Test // NAT_7M: 2025-01-31 + 7 months = 2025-08-31; window - 14 d = 2025-08-17; overdue + 28 d = 2025-09-28
    void given_birth_on_2025_01_31_when_scheduled_then_the_7_month_NAT_is_due_on_2025_08_31() {
      Milestone nat = infant(schedule(SYNTH, synthCase(), of(2025, 2, 1)), "NAT_7M");
      assertDates(nat, of(2025, 8, 17), of(2025, 8, 31), of(2025, 9, 28));
      assertThat(nat.closesOn()).contains(of(2026, 4, 16));
    }

    @Test // NAT_15M: 2025-01-31 + 15 months = 2026-04-30 (April has 30 days); window 2026-04-16; overdue 2026-05-28
    void given_birth_on_2025_01_31_when_scheduled_then_the_15_month_NAT_is_due_on_2026_04_30_clamped() {
      assertDates(infant(schedule(SYNTH, synthCase(), of(2025, 2, 1)), "NAT_15M"), of(2026, 4, 16), of(2026, 4, 30), of(2026, 5, 28));
    }

    @Test
    void given_NATs_on_their_due_dates_when_scheduled_then_both_are_done() {
      Schedule s = schedule(SYNTH, synthCase(), of(2025, 9, 1));
      Milestone eightWeeks = infant(s, "NAT_8W");
      assertState(eightWeeks, MilestoneState.DONE);
      assertThat(eightWeeks.satisfiedOn()).contains(of(2025, 3, 28));
      Milestone sevenMonths = infant(s, "NAT_7M");
      assertState(sevenMonths, MilestoneState.DONE);
      assertThat(sevenMonths.satisfiedOn()).contains(of(2025, 8, 31));
    }

    @Test // no NAT at 15 months: LATE on 2026-05-01, OVERDUE from 2026-05-28
    void given_no_15_month_NAT_when_evaluated_after_its_due_date_then_it_is_late_then_overdue() {
      assertState(infant(schedule(SYNTH, synthCase(), of(2026, 5, 1)), "NAT_15M"), MilestoneState.LATE);
      assertState(infant(schedule(SYNTH, synthCase(), of(2026, 5, 27)), "NAT_15M"), MilestoneState.LATE);
      assertState(infant(schedule(SYNTH, synthCase(), of(2026, 5, 28)), "NAT_15M"), MilestoneState.OVERDUE);
    }
  }

  @Nested
  class Final_test {
    @Test // before any cessation date: only the 24-month term: 2025-01-31 + 24 months = 2027-01-31, overdue 2027-02-28
    void given_breastfeeding_continues_when_scheduled_then_the_final_test_is_due_at_24_months() {
      Milestone fin = infant(schedule(SYNTH, synthCase(), of(2026, 6, 1)), "FINAL_TEST");
      assertDates(fin, of(2027, 1, 31), of(2027, 1, 31), of(2027, 2, 28));
      assertThat(fin.expectedTest()).contains("ANTIBODY");
      assertThat(fin.why().anchorDate()).isEqualTo(BIRTH);
      assertThat(fin.why().dueRule().toString()).isEqualTo("later of (BIRTH + P24M, BREASTFEEDING_END + P56D)");
    }

    @Test // cessation 2026-12-20 + 56 d = 2027-02-14, later than 2027-01-31; overdue 2027-03-14
    void given_breastfeeding_stops_on_2026_12_20_when_scheduled_then_the_final_test_is_due_8_weeks_later_on_2027_02_14() {
      Schedule s = schedule(SYNTH, synthCase(), of(2027, 1, 31));
      Milestone fin = infant(s, "FINAL_TEST");
      assertDates(fin, of(2027, 2, 14), of(2027, 2, 14), of(2027, 3, 14));
      assertState(fin, MilestoneState.UPCOMING);
      assertState(infant(s, "NAT_15M"), MilestoneState.OVERDUE); // closes when the final test's window opens
    }

    @Test // cessation 2026-03-15 + 56 d = 2026-05-10, earlier than 24 months: final test 2027-01-31
    void given_breastfeeding_stops_at_13_months_when_scheduled_then_the_final_test_stays_at_24_months() {
      CaseBuilder early = aCase("synth").protocol("SYNTH_2026", "1").enrolledAtAnc(of(2024, 9, 2)).startedArt(of(2023, 1, 16))
          .delivered(BIRTH).breastfed().breastfeedingStopped(of(2026, 3, 15));
      assertDates(infant(schedule(SYNTH, early, of(2026, 6, 1)), "FINAL_TEST"), of(2027, 1, 31), of(2027, 1, 31), of(2027, 2, 28));
    }

    @Test
    void given_a_negative_antibody_test_on_2027_02_14_when_evaluated_then_the_final_test_is_done_and_the_infant_HIV_negative() {
      CaseBuilder b = synthCase();
      Schedule s = schedule(SYNTH, b, of(2027, 2, 14));
      Milestone fin = infant(s, "FINAL_TEST");
      assertState(fin, MilestoneState.DONE);
      assertThat(fin.satisfiedOn()).contains(of(2027, 2, 14));
      assertState(infant(s, "NAT_15M"), MilestoneState.MISSED);
      InfantId girl = b.infantA();
      assertThat(b.file().evaluate(SYNTH, of(2027, 2, 14)).infant(girl).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.HIV_NEGATIVE);
    }

    @Test // WHO_2021: cessation + 3 months = 2027-03-20, so the 2027-02-14 test is not yet final
    void given_the_same_test_under_WHO_2021_when_evaluated_then_the_status_is_not_yet_final() {
      CaseBuilder b = synthCase();
      assertThat(b.file().evaluate(WHO, of(2027, 2, 14)).infant(b.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.EXPOSED);
      assertThat(infant(schedule(WHO, b, of(2027, 2, 14)), "POST_BF").due()).isEqualTo(of(2027, 3, 20));
    }
  }

  @Nested
  class Maternal_viral_load_every_4_months_while_breastfeeding {
    @Test // last sample before delivery 2025-01-20 + 4 months = 2025-05-20; window 2025-05-06; overdue 2025-06-17
    void given_a_VL_on_2025_01_20_when_scheduled_after_delivery_then_the_next_is_due_on_2025_05_20() {
      Milestone vl = schedule(SYNTH, synthCase(), of(2025, 2, 1)).find("VL_BREASTFEEDING").orElseThrow();
      assertDates(vl, of(2025, 5, 6), of(2025, 5, 20), of(2025, 6, 17));
      assertState(vl, MilestoneState.UPCOMING);
      assertThat(vl.why().anchorDate()).isEqualTo(of(2025, 1, 20));
      assertThat(vl.why().unverified()).isTrue();
    }

    @Test // WHO_2021 V11: 2025-01-20 + 6 months = 2025-07-20
    void given_the_same_facts_under_WHO_2021_when_scheduled_then_the_next_VL_is_due_after_6_months() {
      assertThat(schedule(WHO, synthCase(), of(2025, 2, 1)).find("VL_BREASTFEEDING").orElseThrow().due()).isEqualTo(of(2025, 7, 20));
    }

    @Test // 2025-05-19 + 4 months = 2025-09-19 (window 2025-09-05); 2025-09-22 + 4 months = 2026-01-22 (window 2026-01-08)
    void given_VLs_on_2025_05_19_and_2025_09_22_when_scheduled_then_each_re_anchors_the_next_4_months_later() {
      Schedule s = schedule(SYNTH, synthCase(), of(2025, 10, 1));
      assertThat(s.all("VL_BREASTFEEDING")).extracting(Milestone::key)
          .containsExactly("VL_BREASTFEEDING#1", "VL_BREASTFEEDING#2", "VL_BREASTFEEDING#3");
      Milestone first = s.all("VL_BREASTFEEDING").get(0);
      assertState(first, MilestoneState.DONE);
      assertThat(first.satisfiedOn()).contains(of(2025, 5, 19));
      Milestone second = s.all("VL_BREASTFEEDING").get(1);
      assertDates(second, of(2025, 9, 5), of(2025, 9, 19), of(2025, 10, 17));
      assertState(second, MilestoneState.DONE);
      assertThat(second.satisfiedOn()).contains(of(2025, 9, 22));
      Milestone third = s.all("VL_BREASTFEEDING").get(2);
      assertDates(third, of(2026, 1, 8), of(2026, 1, 22), of(2026, 2, 19));
      assertState(third, MilestoneState.UPCOMING);
    }

    @Test // no VL after 2025-09-22: LATE on 2026-02-10, OVERDUE from 2026-02-19
    void given_no_VL_after_2025_09_22_when_evaluated_in_February_2026_then_it_is_late_then_overdue() {
      assertState(schedule(SYNTH, synthCase(), of(2026, 2, 10)).all("VL_BREASTFEEDING").get(2), MilestoneState.LATE);
      assertState(schedule(SYNTH, synthCase(), of(2026, 2, 19)).all("VL_BREASTFEEDING").get(2), MilestoneState.OVERDUE);
    }
  }
}
