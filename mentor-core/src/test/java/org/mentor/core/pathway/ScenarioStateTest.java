package org.mentor.core.pathway;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.Codes.HivStatus.NEGATIVE;
import static org.mentor.core.pathway.Codes.InfantTestResult.POSITIVE;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolLoader;
import org.mentor.core.testing.CaseBuilder;

/**
 * Every scenario step of {@code shared/clinical/scenarios.md} about state (risk class, ART and
 * viral-load status, retention, final status) under WHO_2021, with the scenario's literal values.
 * Schedule dates (due, window, overdue) are tested with the milestone schedule.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScenarioStateTest {
  private static final Protocol WHO = Protocol.who2021();

  @Nested
  class S1_baseline_suppressed_breastfed_negative {
    private final CaseBuilder s1 = aCase("s1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
        .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10))
        .nat(of(2025, 11, 21), InfantTestResult.NEGATIVE).nat(of(2026, 7, 10), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 10, 10)).antibody(of(2027, 4, 10), InfantTestResult.NEGATIVE);

    @Test // S1 step 1: VL 45 -> T2 suppressed
    void step_1_VL_45_is_suppressed() {
      CaseState state = s1.file().evaluate(WHO, of(2025, 8, 1));
      assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.SUPPRESSED);
      assertThat(state.mother().artStatus()).isEqualTo(ArtStatus.ON_ART);
      assertThat(state.mother().art().since()).isEqualTo(of(2025, 4, 28));
    }

    @Test // S1 step 3: ART 165 days, last VL 37 days before delivery -> low risk
    void step_3_infant_is_low_risk() {
      InfantState infant = s1.file().evaluate(WHO, of(2025, 10, 10)).infant(s1.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.LOW);
    }

    @Test // S1 step 4: P1, NVP 6 weeks 2025-10-10 -> 2025-11-21
    void step_4_prophylaxis_is_NVP_for_6_weeks() {
      ProphylaxisPlan plan = s1.file().evaluate(WHO, of(2025, 10, 20)).infant(s1.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.NVP);
      assertThat(plan.startedOn()).contains(of(2025, 10, 10));
      assertThat(plan.plannedStopOn()).contains(of(2025, 11, 21));
      assertThat(plan.status()).isEqualTo(ProphylaxisPlan.Status.ONGOING);
    }

    @Test // S1 step 10: F3 HIV-negative, discharged 2027-04-10
    void step_10_final_outcome_is_HIV_negative_on_2027_04_10() {
      CaseState state = s1.file().evaluate(WHO, of(2027, 4, 10));
      InfantState infant = state.infant(s1.infantA()).orElseThrow();
      assertThat(infant.hivStatus()).isEqualTo(InfantStatus.HIV_NEGATIVE);
      assertThat(infant.outcome()).contains(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, of(2027, 4, 10)));
      assertThat(state.phaseStatus()).isEqualTo(Phase.CLOSED);
      assertThat(state.phase().since()).isEqualTo(of(2027, 4, 10));
    }

    @Test // S1: the day before the final test the infant is still exposed and the case open
    void before_the_final_test_the_case_is_in_infant_follow_up() {
      CaseState state = s1.file().evaluate(WHO, of(2027, 4, 9));
      assertThat(state.infant(s1.infantA()).orElseThrow().hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(state.phaseStatus()).isEqualTo(Phase.INFANT_FOLLOW_UP);
    }
  }

  @Nested
  class S2_on_ART_before_pregnancy_formula_fed {
    private final CaseBuilder s2 = aCase("s2").startedArt(of(2021, 3, 15));

    @Test // S2 steps 4-5: low risk; P2 NVP 6 weeks 2025-11-05 -> 2025-12-17
    void steps_4_and_5_low_risk_and_NVP_for_6_weeks() {
      CaseBuilder built = aCase("s2").lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
          .viralLoad(of(2025, 4, 7), ViralLoad.belowLimit(50)).viralLoad(of(2025, 10, 6), ViralLoad.belowLimit(50))
          .delivered(of(2025, 11, 5)).replacementFed().prophylaxisStarted(of(2025, 11, 5));
      InfantState infant = built.file().evaluate(WHO, of(2025, 11, 6)).infant(built.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(infant.prophylaxis().plannedStopOn()).contains(of(2025, 12, 17));
      assertThat(s2.caseId().value()).isEqualTo("s2");
    }
  }

  @Nested
  class S3_late_booking_less_than_4_weeks_of_ART {
    private final CaseBuilder s3 = aCase("s3").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400));

    @Test // S3 step 3: ART 26 days < 28 -> high risk at birth, independent of the VL result
    void step_3_high_risk_at_birth() {
      InfantState infant = s3.file().evaluate(WHO, of(2025, 11, 22)).infant(s3.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).anyMatch(r -> r.startsWith("I1a: 26 days"));
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 11, 22));
    }

    @Test // S3 step 4: P3 AZT+NVP to 2026-01-03, then NVP to 2026-02-14 (84 days)
    void step_4_prophylaxis_is_12_weeks_in_two_phases() {
      ProphylaxisPlan plan = s3.file().evaluate(WHO, of(2025, 12, 1)).infant(s3.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.AZT_NVP);
      assertThat(plan.firstPhaseEndsOn()).contains(of(2026, 1, 3));
      assertThat(plan.laterRegimen()).contains(ProphylaxisRegimen.NVP);
      assertThat(plan.plannedStopOn()).contains(of(2026, 2, 14));
      assertThat(plan.plannedDays()).isEqualTo(84);
    }

    @Test // S3 step 5: VL 2 400 on TLD (DTG) -> unsuppressed, counselling and repeat, no switch on a single VL
    void step_5_VL_2400_on_DTG_is_unsuppressed_without_switch() {
      CaseFile file = s3.file();
      assertThat(file.evaluate(WHO, of(2025, 11, 28)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.NO_RESULT);
      CaseState state = file.evaluate(WHO, of(2025, 11, 29));
      assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
      assertThat(state.mother().viralLoad().since()).isEqualTo(of(2025, 11, 29));
    }
  }

  @Nested
  class S4_high_maternal_VL_near_delivery {
    private final CaseBuilder s4 = aCase("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
        .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
        .delivered(of(2025, 11, 10)).breastfed().prophylaxisStarted(of(2025, 11, 10))
        .viralLoad(of(2026, 1, 22), ViralLoad.belowLimit(50));

    @Test // S4 step 1: 180 -> T3 low-level viraemia
    void step_1_VL_180_is_low_level_viraemia() {
      assertThat(s4.file().evaluate(WHO, of(2025, 8, 6)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
    }

    @Test // S4 step 4: 15 400 -> T4; follow-up from the latest result; DTG -> no immediate switch
    void step_4_VL_15400_is_unsuppressed_without_switch() {
      assertThat(s4.file().evaluate(WHO, of(2025, 10, 23)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
    }

    @Test // S4 step 5: VL > 1000 sampled 19 days before delivery -> high risk
    void step_5_high_risk_for_VL_above_1000_within_4_weeks() {
      InfantState infant = s4.file().evaluate(WHO, of(2025, 11, 10)).infant(s4.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).containsExactly("I1b/I3b: maternal VL > 1000 sampled 19 days before delivery");
    }

    @Test // infant.md I1(b) on S4: a later suppressed result in the 4 weeks before delivery does not hide the VL > 1000
    void step_5_high_risk_although_a_later_result_in_the_window_is_suppressed() {
      CaseBuilder later = aCase("s4b").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
          .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
          .viralLoad(of(2025, 11, 3), ViralLoad.copies(40)).delivered(of(2025, 11, 10)).breastfed();
      InfantState infant = later.file().evaluate(WHO, of(2025, 11, 10)).infant(later.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).containsExactly("I1b/I3b: maternal VL > 1000 sampled 19 days before delivery");
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 11, 10));
    }

    @Test // S4 step 6: P3 AZT+NVP to 2025-12-22, then NVP to 2026-02-02
    void step_6_prophylaxis_dates() {
      ProphylaxisPlan plan = s4.file().evaluate(WHO, of(2025, 11, 10)).infant(s4.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.firstPhaseEndsOn()).contains(of(2025, 12, 22));
      assertThat(plan.plannedStopOn()).contains(of(2026, 2, 2));
    }

    @Test // S4 step 8: VL <50 on 2026-01-22 -> T2 suppressed
    void step_8_back_to_suppressed() {
      assertThat(s4.file().evaluate(WHO, of(2026, 1, 22)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.SUPPRESSED);
    }
  }

  @Nested
  class S5_preterm_delivery_before_any_pregnancy_VL {
    private final CaseBuilder s5 = aCase("s5").lmp(of(2025, 1, 13)).enrolledAtAnc(of(2025, 6, 2)).startedArt(of(2025, 6, 2))
        .delivered(of(2025, 8, 18)).breastfed().prophylaxisStarted(of(2025, 8, 18))
        .viralLoad(of(2025, 8, 18), of(2025, 8, 25), ViralLoad.copies(60));

    @Test // S5 step 4: ART 77 days; no VL available; a missing VL is not a criterion (I2) -> low risk
    void step_4_low_risk_at_birth_without_a_VL() {
      InfantState infant = s5.file().evaluate(WHO, of(2025, 8, 18)).infant(s5.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.LOW);
    }

    @Test // S5 step 5: result 60 arrives 2025-08-25 -> still low risk; T3 low-level viraemia
    void step_5_late_result_of_60_keeps_low_risk() {
      CaseState state = s5.file().evaluate(WHO, of(2025, 8, 25));
      assertThat(state.infant(s5.infantA()).orElseThrow().risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
    }

    @Test // S5 step 6: P1 NVP 2025-08-18 -> 2025-09-29
    void step_6_NVP_for_6_weeks() {
      ProphylaxisPlan plan = s5.file().evaluate(WHO, of(2025, 8, 25)).infant(s5.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.plannedStopOn()).contains(of(2025, 9, 29));
    }
  }

  @Nested
  class S6_missed_visit_interruption_return {
    private final CaseBuilder s6 = aCase("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
        .delivered(of(2025, 5, 20)).breastfed().prophylaxisStarted(of(2025, 5, 20))
        .nat(of(2025, 7, 1), InfantTestResult.NEGATIVE)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
        .traced(of(2025, 9, 10), ContactMode.PHONE, TracingOutcome.NOT_REACHED)
        .traced(of(2025, 9, 15), ContactMode.HOME, TracingOutcome.NOT_LOCATED)
        .returned(of(2025, 11, 3)).viralLoad(of(2025, 11, 3), of(2025, 11, 10), ViralLoad.copies(24_000));

    private Retention retentionOn(LocalDate day, Protocol protocol) {
      return s6.file().evaluate(protocol, day).mother().retentionStatus();
    }

    @Test // S6: 2025-09-08 appointment due today -> still in care
    void on_the_appointment_day_she_is_in_care() {
      assertThat(retentionOn(of(2025, 9, 8), WHO)).isEqualTo(Retention.IN_CARE);
    }

    @Test // S6: 2025-09-09 MISSED (1 day late); 2025-10-05 MISSED (27 days)
    void from_the_next_day_the_appointment_is_missed() {
      assertThat(retentionOn(of(2025, 9, 9), WHO)).isEqualTo(Retention.APPOINTMENT_MISSED);
      assertThat(retentionOn(of(2025, 10, 5), WHO)).isEqualTo(Retention.APPOINTMENT_MISSED);
    }

    @Test // S6: 2025-10-06 IIT (appointment + 28 days, DAK R1)
    void interruption_starts_28_days_after_the_appointment() {
      CaseState state = s6.file().evaluate(WHO, of(2025, 10, 6));
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(state.mother().retention().since()).isEqualTo(of(2025, 10, 6));
      assertThat(state.mother().retention().why()).contains("RET-2").contains("INTERRUPTION");
    }

    @Test // S6: with iitInclusive=false (MER R2) 2025-10-06 is still MISSED; IIT from 2025-10-07
    void with_the_MER_definition_interruption_starts_a_day_later() {
      Protocol mer = variant("retention.iitInclusive", "false");
      assertThat(retentionOn(of(2025, 10, 6), mer)).isEqualTo(Retention.APPOINTMENT_MISSED);
      assertThat(retentionOn(of(2025, 10, 7), mer)).isEqualTo(Retention.INTERRUPTED);
    }

    @Test // S6: 2025-11-03 RETURNED
    void the_return_is_recorded_as_returned() {
      assertThat(retentionOn(of(2025, 11, 3), WHO)).isEqualTo(Retention.RETURNED);
    }

    @Test // S6 step 1: tracing outcomes change no status
    void step_1_tracing_changes_no_status() {
      CaseState state = s6.file().evaluate(WHO, of(2025, 9, 16));
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.APPOINTMENT_MISSED);
      assertThat(state.mother().tracingAttempts()).isEqualTo(2);
      assertThat(state.mother().lastTracing().map(TracingAttempted::outcome)).contains(TracingOutcome.NOT_LOCATED);
    }

    @Test // maternal.md R5: reached by tracing and promising to return -> TRACED; back in care on return
    void a_tracing_attempt_that_reaches_her_makes_her_traced_until_she_returns() {
      CaseBuilder reached = aCase("s6r").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
          .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
          .traced(of(2025, 9, 12), ContactMode.PHONE, TracingOutcome.REACHED_WILL_RETURN)
          .kept(of(2025, 9, 15), of(2025, 9, 8));
      assertThat(reached.file().evaluate(WHO, of(2025, 9, 12)).mother().retentionStatus()).isEqualTo(Retention.TRACED);
      assertThat(reached.file().evaluate(WHO, of(2025, 9, 15)).mother().retentionStatus()).isEqualTo(Retention.IN_CARE);
    }

    @Test // maternal.md R1/R5: traced but not back by appointment + 28 days -> interruption on that day
    void a_traced_mother_who_does_not_return_is_interrupted_on_the_usual_day() {
      CaseBuilder reached = aCase("s6t").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
          .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
          .traced(of(2025, 9, 12), ContactMode.PHONE, TracingOutcome.REACHED_WILL_RETURN)
          .returned(of(2025, 10, 20));
      assertThat(reached.file().evaluate(WHO, of(2025, 10, 5)).mother().retentionStatus()).isEqualTo(Retention.TRACED);
      assertThat(reached.file().evaluate(WHO, of(2025, 10, 6)).mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(reached.file().evaluate(WHO, of(2025, 10, 20)).mother().retentionStatus()).isEqualTo(Retention.RETURNED);
    }

    @Test // S6 steps 2-3: VL 24 000 -> T4; infant risk unchanged (low); alert raised
    void steps_2_and_3_unsuppressed_while_breastfeeding_raises_an_alert_not_a_risk_change() {
      CaseState state = s6.file().evaluate(WHO, of(2025, 11, 10));
      assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
      assertThat(state.infant(s6.infantA()).orElseThrow().risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(state.alerts()).containsExactly(Alert.MATERNAL_UNSUPPRESSED_WHILE_BREASTFEEDING);
    }

    @Test // S6: the pair's interruption makes the infant lost to follow-up (F5), reversed by the return
    void the_infant_is_lost_to_follow_up_with_the_mother_and_back_on_return() {
      assertThat(s6.file().evaluate(WHO, of(2025, 10, 6)).infant(s6.infantA()).orElseThrow().outcome())
          .contains(new FinalOutcome(FinalOutcome.Category.LOST_TO_FOLLOW_UP, of(2025, 10, 6)));
      assertThat(s6.file().evaluate(WHO, of(2025, 11, 3)).infant(s6.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.EXPOSED);
    }
  }

  @Nested
  class S7_positive_NAT_with_confirmation {
    private final CaseBuilder s7 = aCase("s7").lmp(of(2024, 12, 16)).enrolledAtAnc(of(2025, 7, 14)).startedArt(of(2025, 7, 14))
        .viralLoad(of(2025, 8, 18), ViralLoad.copies(850)).delivered(of(2025, 9, 22)).breastfed()
        .viralLoad(of(2025, 9, 22), ViralLoad.belowLimit(50)).prophylaxisStarted(of(2025, 9, 22))
        .nat(of(2025, 11, 3), of(2025, 11, 17), POSITIVE).infantArt(of(2025, 11, 17))
        .nat(of(2025, 11, 17), of(2025, 12, 1), POSITIVE);

    @Test // S7 step 1: 850 -> T3
    void step_1_VL_850_is_low_level_viraemia() {
      assertThat(s7.file().evaluate(WHO, of(2025, 8, 18)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
    }

    @Test // S7 step 3: ART 70 days; VL 850 <= 1000, 35 days before delivery -> low risk; NVP to 2025-11-03
    void step_3_low_risk() {
      InfantState infant = s7.file().evaluate(WHO, of(2025, 9, 22)).infant(s7.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(infant.prophylaxis().plannedStopOn()).contains(of(2025, 11, 3));
    }

    @Test // S7 step 5: positive result 2025-11-17 -> PRESUMPTIVE_POSITIVE
    void step_5_first_positive_is_presumptive() {
      assertThat(s7.file().evaluate(WHO, of(2025, 11, 16)).infant(s7.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.EXPOSED);
      assertThat(s7.file().evaluate(WHO, of(2025, 11, 17)).infant(s7.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.PRESUMPTIVE_POSITIVE);
    }

    @Test // S7 step 6: confirmatory positive 2025-12-01 -> HIV_POSITIVE, diagnosis 2025-11-03, F2
    void step_6_confirmed_positive() {
      CaseState state = s7.file().evaluate(WHO, of(2025, 12, 1));
      InfantState infant = state.infant(s7.infantA()).orElseThrow();
      assertThat(infant.hivStatus()).isEqualTo(InfantStatus.HIV_POSITIVE);
      assertThat(infant.diagnosedOn()).contains(of(2025, 11, 3));
      assertThat(infant.outcome()).contains(new FinalOutcome(FinalOutcome.Category.HIV_POSITIVE, of(2025, 12, 1)));
      assertThat(state.issues()).isEmpty();
    }
  }

  @Nested
  class S8_mother_diagnosed_while_breastfeeding {
    private final CaseBuilder s8 = aCase("s8").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), InfantTestResult.NEGATIVE);

    @Test // S8 step 3: infant becomes HEI on 2025-09-12; I1c/I1d -> high risk
    void step_3_high_risk_from_identification() {
      InfantState infant = s8.file().evaluate(WHO, of(2025, 9, 12)).infant(s8.infantA()).orElseThrow();
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 9, 12));
      assertThat(infant.risk().reasons()).hasSize(2);
    }

    @Test // S8: before the positive test the infant is low risk
    void before_the_postpartum_test_the_infant_is_low_risk() {
      assertThat(s8.file().evaluate(WHO, of(2025, 9, 11)).infant(s8.infantA()).orElseThrow().risk().riskClass())
          .isEqualTo(RiskClass.LOW);
    }

    @Test // S8 step 6: P3 from identification: AZT+NVP 2025-09-12 -> 2025-10-24; NVP -> 2025-12-05
    void step_6_prophylaxis_from_identification() {
      ProphylaxisPlan plan = s8.file().evaluate(WHO, of(2025, 9, 12)).infant(s8.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.firstPhaseEndsOn()).contains(of(2025, 10, 24));
      assertThat(plan.plannedStopOn()).contains(of(2025, 12, 5));
    }

    @Test // S8: mother diagnosed and on ART on 2025-09-12
    void the_mother_is_positive_and_on_ART_from_2025_09_12() {
      CaseState state = s8.file().evaluate(WHO, of(2025, 9, 12));
      assertThat(state.mother().hivStatus()).isEqualTo(Codes.HivStatus.POSITIVE);
      assertThat(state.mother().artStatus()).isEqualTo(ArtStatus.ON_ART);
      assertThat(s8.file().evaluate(WHO, of(2025, 9, 11)).mother().hivStatus()).isEqualTo(NEGATIVE);
    }
  }

  @Nested
  class S9_breastfeeding_stops_at_14_months {
    private final CaseBuilder s9 = aCase("s9").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), InfantTestResult.NEGATIVE).nat(of(2025, 12, 3), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 5, 3)).antibody(of(2026, 9, 3), InfantTestResult.NEGATIVE);

    @Test // S9 step 3: on 2026-08-10 no final status yet
    void step_3_not_final_before_18_months() {
      assertThat(s9.file().evaluate(WHO, of(2026, 8, 10)).infant(s9.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.EXPOSED);
    }

    @Test // S9 step 4: AB_18M negative 2026-09-03 -> F3 HIV-negative, discharged 2026-09-03
    void step_4_final_negative_at_18_months() {
      InfantState infant = s9.file().evaluate(WHO, of(2026, 9, 3)).infant(s9.infantA()).orElseThrow();
      assertThat(infant.outcome()).contains(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, of(2026, 9, 3)));
    }
  }

  @Nested
  class S10_twins_one_dies {
    private final CaseBuilder s10 = aCase("s10").lmp(of(2024, 10, 18)).enrolledAtAnc(of(2024, 12, 27)).startedArt(of(2023, 6, 1))
        .viralLoad(of(2024, 12, 27), ViralLoad.belowLimit(50)).viralLoad(of(2025, 6, 14), ViralLoad.belowLimit(50))
        .deliveredTwins(of(2025, 6, 30)).breastfed().prophylaxisStarted(of(2025, 6, 30));

    @Test // S10 step 2: both twins low risk
    void step_2_both_low_risk() {
      CaseState state = s10.file().evaluate(WHO, of(2025, 6, 30));
      assertThat(state.infants()).hasSize(2).allMatch(i -> i.risk().riskClass() == RiskClass.LOW);
    }

    @Test // S10 step 4: twin B dies 2025-09-15 -> F4; twin A still exposed; case open
    void step_4_twin_B_died_twin_A_followed() {
      CaseBuilder built = s10.test(s10.infantA(), Codes.InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), InfantTestResult.NEGATIVE)
          .test(s10.infantB(), Codes.InfantTestType.NAT, of(2025, 8, 11), of(2025, 8, 11), InfantTestResult.NEGATIVE)
          .infantDied(s10.infantB(), of(2025, 9, 15));
      CaseState state = built.file().evaluate(WHO, of(2025, 9, 15));
      assertThat(state.infant(built.infantB()).orElseThrow().outcome())
          .contains(new FinalOutcome(FinalOutcome.Category.DIED, of(2025, 9, 15)));
      assertThat(state.infant(built.infantA()).orElseThrow().hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(state.phaseStatus()).isEqualTo(Phase.INFANT_FOLLOW_UP);
    }
  }

  @Nested
  class Regressions {
    @Test // a closed case reopens when a later positive result makes its infant unresolved (DESIGN §2: closed is not absorbing)
    void a_positive_result_after_a_final_negative_reopens_the_case_on_the_result_date() {
      CaseBuilder b = aCase("reopen").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28))
          .delivered(of(2025, 10, 10)).breastfed().breastfeedingStopped(of(2026, 10, 10))
          .antibody(of(2027, 4, 10), InfantTestResult.NEGATIVE)
          .nat(of(2027, 6, 1), of(2027, 6, 10), POSITIVE);
      assertThat(b.file().evaluate(WHO, of(2027, 6, 9)).phaseStatus()).isEqualTo(Phase.CLOSED);
      CaseState state = b.file().evaluate(WHO, of(2027, 6, 11));
      assertThat(state.infant(b.infantA()).orElseThrow().hivStatus()).isEqualTo(InfantStatus.PRESUMPTIVE_POSITIVE);
      assertThat(state.phaseStatus()).isEqualTo(Phase.INFANT_FOLLOW_UP);
      assertThat(state.phase().since()).isEqualTo(of(2027, 6, 10));
    }

    @Test // maternal.md T7: the repeat VL follows the enhanced counselling sessions; routine sessions do not count
    void only_enhanced_counselling_counts_toward_the_repeat() {
      CaseBuilder b = aCase("eac").enrolledAtAnc(of(2025, 1, 6)).startedArt(of(2025, 1, 6))
          .viralLoad(of(2025, 4, 7), ViralLoad.copies(5_000))
          .add(new AdherenceCounselled(org.mentor.core.EventId.of("routine-1"), of(2025, 4, 10),
              java.time.Instant.parse("2025-04-10T10:00:00Z"), CaseBuilder.CLINIC, Codes.CounsellingKind.ROUTINE))
          .enhancedCounselling(of(2025, 4, 14)).enhancedCounselling(of(2025, 5, 12));
      assertThat(b.file().evaluate(WHO, of(2025, 5, 13)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.ENHANCED_COUNSELLING);
      b.enhancedCounselling(of(2025, 6, 9));
      CaseState state = b.file().evaluate(WHO, of(2025, 6, 9));
      assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.REPEAT_DUE);
      assertThat(state.mother().viralLoad().since()).isEqualTo(of(2025, 6, 9));
    }

    @Test // maternal.md R1/R5: reached by tracing only after the interruption date: still INTERRUPTED, on the attention list
    void tracing_after_the_interruption_date_keeps_her_interrupted() {
      CaseBuilder b = aCase("late-trace").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
          .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
          .traced(of(2025, 10, 20), ContactMode.PHONE, TracingOutcome.REACHED_WILL_RETURN);
      CaseState state = b.file().evaluate(WHO, of(2025, 12, 1));
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(Attention.of(state)).anyMatch(a -> a.kind() == Attention.Kind.TRACE_INTERRUPTED);
    }
  }

  /** WHO_2021 with one value changed, as a programme's own protocol file would be. */
  static Protocol variant(String key, String valueJson) {
    try (var in = Protocol.class.getResourceAsStream("/org/mentor/core/protocol/WHO_2021.json")) {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(in);
      var entry = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("values").path(key);
      assertThat(entry.isMissingNode()).isFalse();
      entry.set("value", mapper.readTree(valueJson));
      root.put("id", "WHO_2021_VARIANT");
      return ProtocolLoader.fromStream(new ByteArrayInputStream(mapper.writeValueAsBytes(root)), "variant.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
