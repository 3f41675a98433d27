package org.mentor.core.pathway;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.Codes.HivStatus.NEGATIVE;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.testing.CaseBuilder;

/**
 * The state steps of shared/clinical/scenarios.md's "ZA:" lines under ZA_2023 (risk class by
 * infant.md I3, prophylaxis by P7-P9 and the P8 stop rule, final status by F1, interruption by the
 * profile's default), with the scenario's literal values.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ZaStateScenarioTest {
  private static final Protocol ZA = Protocols.builtIn("ZA_2023");
  private static final Protocol WHO = Protocol.who2021();

  private static CaseBuilder za(String caseId) {
    return aCase(caseId).protocol("ZA_2023", "1");
  }

  private static InfantState infant(CaseBuilder b, LocalDate asOf) {
    return b.file().evaluate(ZA, asOf).infant(b.infantA()).orElseThrow();
  }

  @Nested
  class S1_final_status {
    private final CaseBuilder s1 = za("s1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
        .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10))
        .nat(of(2025, 11, 21), InfantTestResult.NEGATIVE).nat(of(2026, 7, 10), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 10, 10)).nat(of(2026, 11, 21), InfantTestResult.NEGATIVE)
        .antibody(of(2027, 4, 10), InfantTestResult.NEGATIVE);

    @Test // S1 ZA: POST_BF PCR negative 2026-11-21 is not final (age < 18 months); final 2027-04-10 with RDT_18M
    void final_status_on_2027_04_10() {
      assertThat(infant(s1, of(2026, 11, 21)).hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(infant(s1, of(2027, 4, 9)).hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(infant(s1, of(2027, 4, 10)).outcome())
          .contains(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, of(2027, 4, 10)));
    }
  }

  @Nested
  class S3_late_booking {
    private final CaseBuilder s3 = za("s3").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400));

    @Test // S3 ZA: high risk (I3c: no VL result at delivery or in the 12 weeks before, at the time of birth)
    void high_risk_at_birth_by_I3c() {
      InfantState infant = infant(s3, of(2025, 11, 22));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).singleElement().asString().startsWith("I3c");
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 11, 22));
    }

    @Test // S3 ZA: the result of 2025-11-29 does not change the risk at birth (26 days of ART is not I3a: she was on ART)
    void the_late_result_keeps_the_I3c_classification() {
      InfantState infant = infant(s3, of(2025, 11, 29));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).singleElement().asString().startsWith("I3c");
    }

    @Test // S3 ZA (P8): AZT 6 weeks (stop 2026-01-03); NVP at least to 2026-02-14 and until a maternal VL < 1000 is recorded
    void P8_AZT_to_2026_01_03_and_NVP_until_maternal_suppression() {
      ProphylaxisPlan plan = infant(s3, of(2026, 2, 14)).prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.AZT_NVP);
      assertThat(plan.firstPhaseEndsOn()).contains(of(2026, 1, 3));
      assertThat(plan.laterRegimen()).contains(ProphylaxisRegimen.NVP);
      assertThat(plan.plannedDays()).isEqualTo(84);
      assertThat(plan.plannedStopOn()).isEmpty();
      assertThat(plan.status()).isEqualTo(ProphylaxisPlan.Status.ONGOING);
    }

    @Test // infant.md P8 stop rule on S3: breastfeeding stops 2026-03-01 (illustrative) with no VL < 1000 -> stop 2026-03-29
    void P8_stop_four_weeks_after_cessation_without_a_suppressed_result() {
      CaseBuilder stopped = s3.breastfeedingStopped(of(2026, 3, 1));
      assertThat(infant(stopped, of(2026, 3, 1)).prophylaxis().plannedStopOn()).contains(of(2026, 3, 29));
    }
  }

  @Nested
  class S4_high_VL_near_delivery {
    private final CaseBuilder s4 = za("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
        .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
        .delivered(of(2025, 11, 10)).breastfed().prophylaxisStarted(of(2025, 11, 10));

    @Test // S4 ZA: high risk (VL >= 1000 within 12 weeks of delivery: 15 400 sampled 19 days before)
    void high_risk_by_I3b() {
      InfantState infant = infant(s4, of(2025, 11, 10));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).singleElement().asString().startsWith("I1b/I3b").contains(">= 1000")
          .contains("19 days");
    }

    @Test // S4 ZA: AZT to 2025-12-22; NVP at least to 2026-02-02, no stop date before a maternal VL < 1000 is recorded
    void AZT_to_2025_12_22_and_NVP_waits_for_the_maternal_result() {
      ProphylaxisPlan plan = infant(s4, of(2026, 1, 21)).prophylaxis();
      assertThat(plan.firstPhaseEndsOn()).contains(of(2025, 12, 22));
      assertThat(plan.plannedStopOn()).isEmpty();
    }

    @Test // S4 ZA: stop = max(2026-02-02, result date); the < 50 of 2026-01-22 recorded that day -> 2026-02-02
    void NVP_stops_2026_02_02_when_the_result_comes_before() {
      CaseBuilder b = s4.viralLoad(of(2026, 1, 22), ViralLoad.belowLimit(50));
      assertThat(infant(b, of(2026, 1, 22)).prophylaxis().plannedStopOn()).contains(of(2026, 2, 2));
    }

    @Test // infant.md P8 stop rule: the same sample recorded after 2026-02-02 (on 2026-02-20, an illustrative date) -> stop 2026-02-20
    void NVP_stops_on_the_result_date_when_it_comes_after_12_weeks() {
      CaseBuilder b = s4.viralLoad(of(2026, 1, 22), of(2026, 2, 20), ViralLoad.belowLimit(50));
      assertThat(infant(b, of(2026, 2, 19)).prophylaxis().plannedStopOn()).isEmpty();
      assertThat(infant(b, of(2026, 2, 20)).prophylaxis().plannedStopOn()).contains(of(2026, 2, 20));
    }
  }

  @Nested
  class S5_preterm_before_any_pregnancy_VL {
    private final CaseBuilder s5 = za("s5").lmp(of(2025, 1, 13)).enrolledAtAnc(of(2025, 6, 2)).startedArt(of(2025, 6, 2))
        .delivered(of(2025, 8, 18)).breastfed().prophylaxisStarted(of(2025, 8, 18))
        .viralLoad(of(2025, 8, 18), of(2025, 8, 25), ViralLoad.copies(60));

    @Test // S5 ZA: high risk at birth (I3c) although 77 days of ART (WHO: low risk, I2)
    void high_risk_at_birth_by_I3c_where_WHO_is_low() {
      assertThat(infant(s5, of(2025, 8, 18)).risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant(s5, of(2025, 8, 18)).risk().reasons()).singleElement().asString().startsWith("I3c");
      assertThat(s5.file().evaluate(WHO, of(2025, 8, 18)).infant(s5.infantA()).orElseThrow().risk().riskClass())
          .isEqualTo(RiskClass.LOW);
    }

    @Test // S5 ZA: still high risk when the 60 arrives on 2025-08-25 (classified at birth)
    void still_high_risk_after_the_late_result() {
      assertThat(infant(s5, of(2025, 8, 25)).risk().riskClass()).isEqualTo(RiskClass.HIGH);
    }

    @Test // S5 ZA: AZT to 2025-09-29; NVP at least to 2025-11-10 and until a VL < 1000: the 60 of 2025-08-25 -> stop 2025-11-10
    void AZT_to_2025_09_29_and_NVP_to_2025_11_10() {
      assertThat(infant(s5, of(2025, 8, 24)).prophylaxis().plannedStopOn()).isEmpty();
      ProphylaxisPlan plan = infant(s5, of(2025, 8, 25)).prophylaxis();
      assertThat(plan.firstPhaseEndsOn()).contains(of(2025, 9, 29));
      assertThat(plan.plannedStopOn()).contains(of(2025, 11, 10));
    }
  }

  @Nested
  class S6_unsuppressed_while_breastfeeding {
    // ZA: the VL at delivery (V14) is added as < 50 so that the infant was low risk at birth, as "NVP 6 weeks done" implies.
    private final CaseBuilder s6 = za("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
        .delivered(of(2025, 5, 20)).viralLoad(of(2025, 5, 20), ViralLoad.belowLimit(50)).breastfed()
        .prophylaxisStarted(of(2025, 5, 20)).nat(of(2025, 7, 1), InfantTestResult.NEGATIVE)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
        .returned(of(2025, 11, 3)).viralLoad(of(2025, 11, 3), of(2025, 11, 10), ViralLoad.copies(24_000));

    @Test // S6 ZA: low risk at birth; VL >= 1000 while breastfeeding -> infant "high risk during breastfeeding" from 2025-11-10
    void high_risk_during_breastfeeding_from_the_result() {
      assertThat(infant(s6, of(2025, 5, 20)).risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(infant(s6, of(2025, 11, 9)).risk().riskClass()).isEqualTo(RiskClass.LOW);
      InfantState infant = infant(s6, of(2025, 11, 10));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().reasons()).singleElement().asString().startsWith("I3").contains("while breastfeeding");
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 11, 10));
    }

    @Test // S6 ZA: under ZA the high VL while breastfeeding is a risk class, not only the WHO alert
    void no_WHO_only_alert() {
      assertThat(s6.file().evaluate(ZA, of(2025, 11, 10)).alerts())
          .doesNotContain(Alert.MATERNAL_UNSUPPRESSED_WHILE_BREASTFEEDING);
    }

    @Test // S6 ZA: NVP restarted on 2025-11-10 counts from the restart
    void NVP_restarted_from_2025_11_10() {
      CaseBuilder restarted = s6.prophylaxisStarted(of(2025, 11, 10));
      ProphylaxisPlan plan = infant(restarted, of(2025, 11, 10)).prophylaxis();
      assertThat(plan.startedOn()).contains(of(2025, 11, 10));
      assertThat(plan.status()).isEqualTo(ProphylaxisPlan.Status.ONGOING);
    }

    @Test // S6 ZA: NVP restarted until a maternal VL < 1000 is recorded: none after the 24 000, so no stop date
    void restarted_NVP_waits_for_a_maternal_VL_below_1000() {
      CaseBuilder restarted = s6.prophylaxisStarted(of(2025, 11, 10));
      assertThat(infant(restarted, of(2025, 11, 10)).prophylaxis().plannedStopOn()).isEmpty();
    }

    @Test // maternal.md R2 (ZA default, MER): still MISSED on 2025-10-06; interruption from 2025-10-07 (appointment + 29 days)
    void interruption_by_the_MER_definition() {
      assertThat(s6.file().evaluate(ZA, of(2025, 10, 6)).mother().retentionStatus()).isEqualTo(Retention.APPOINTMENT_MISSED);
      CaseState state = s6.file().evaluate(ZA, of(2025, 10, 7));
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(state.mother().retention().since()).isEqualTo(of(2025, 10, 7));
      assertThat(s6.file().evaluate(ZA, of(2025, 11, 3)).mother().retentionStatus()).isEqualTo(Retention.RETURNED);
    }
  }

  @Nested
  class S8_mother_diagnosed_while_breastfeeding {
    private final CaseBuilder s8 = za("s8").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), InfantTestResult.NEGATIVE);

    @Test // S8 ZA: infant high risk during breastfeeding from the maternal diagnosis 2025-09-12; low the day before
    void high_risk_from_the_maternal_diagnosis() {
      assertThat(infant(s8, of(2025, 9, 11)).risk().riskClass()).isEqualTo(RiskClass.LOW);
      InfantState infant = infant(s8, of(2025, 9, 12));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.HIGH);
      assertThat(infant.risk().highRiskSince()).contains(of(2025, 9, 12));
    }

    @Test // S8 ZA (P8): NVP from 2025-09-12, at least 84 days and until a maternal VL < 1000: no stop date yet
    void NVP_from_identification_until_maternal_suppression() {
      ProphylaxisPlan plan = infant(s8, of(2025, 9, 12)).prophylaxis();
      assertThat(plan.startedOn()).contains(of(2025, 9, 12));
      assertThat(plan.plannedDays()).isEqualTo(84);
      assertThat(plan.plannedStopOn()).isEmpty();
    }
  }

  @Nested
  class S9_breastfeeding_stops_at_14_months {
    private final CaseBuilder s9 = za("s9").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), InfantTestResult.NEGATIVE).nat(of(2025, 12, 3), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 5, 3)).nat(of(2026, 6, 14), InfantTestResult.NEGATIVE)
        .antibody(of(2026, 9, 3), InfantTestResult.NEGATIVE);

    @Test // S9 ZA: POST_BF PCR negative 2026-06-14 (age < 18 months) is not final; final at the later negative, 2026-09-03
    void final_at_the_later_negative() {
      assertThat(infant(s9, of(2026, 6, 14)).hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(infant(s9, of(2026, 9, 3)).outcome())
          .contains(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, of(2026, 9, 3)));
    }
  }

  @Nested
  class Table_differences {
    private CaseBuilder onArtWithDeliveryVl(String id, ViralLoad result) {
      return za(id).lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
          .viralLoad(of(2025, 10, 6), result).delivered(of(2025, 11, 5)).breastfed().prophylaxisStarted(of(2025, 11, 5));
    }

    @Test // infant.md §1 key differences: VL = 1000 is not "> 1000" (WHO low risk) but is ">= 1000" (ZA high risk)
    void a_VL_of_exactly_1000_is_high_risk_under_ZA_only() {
      CaseBuilder b = onArtWithDeliveryVl("k1", ViralLoad.copies(1000));
      assertThat(infant(b, of(2025, 11, 5)).risk().riskClass()).isEqualTo(RiskClass.HIGH);
      // the 2025-10-06 sample is 30 days before delivery: outside WHO's 28-day window as well
      assertThat(b.file().evaluate(WHO, of(2025, 11, 5)).infant(b.infantA()).orElseThrow().risk().riskClass())
          .isEqualTo(RiskClass.LOW);
    }

    @Test // infant.md I3 low risk: maternal VL < 1000 in the 12 weeks before delivery, known at birth; P7 NVP 6 weeks (2025-11-05 -> 2025-12-17)
    void a_VL_of_999_is_low_risk_and_gets_6_weeks_of_NVP() {
      InfantState infant = infant(onArtWithDeliveryVl("k2", ViralLoad.copies(999)), of(2025, 11, 5));
      assertThat(infant.risk().riskClass()).isEqualTo(RiskClass.LOW);
      assertThat(infant.prophylaxis().regimen()).isEqualTo(ProphylaxisRegimen.NVP);
      assertThat(infant.prophylaxis().plannedStopOn()).contains(of(2025, 12, 17));
    }

    @Test // infant.md P9: high risk, exclusively formula fed from birth: NVP + AZT 6 weeks (2025-11-05 -> 2025-12-17)
    void high_risk_formula_fed_infant_gets_6_weeks() {
      CaseBuilder b = za("k3").lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
          .viralLoad(of(2025, 10, 6), ViralLoad.copies(1000)).delivered(of(2025, 11, 5)).replacementFed()
          .prophylaxisStarted(of(2025, 11, 5));
      ProphylaxisPlan plan = infant(b, of(2025, 11, 5)).prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.AZT_NVP);
      assertThat(plan.plannedStopOn()).contains(of(2025, 12, 17));
    }

    @Test // infant.md F1: a negative antibody at 18 months 64 days after cessation is final under ZA (6 weeks), not under WHO (3 months)
    void cessation_interval_six_weeks_under_ZA() {
      CaseBuilder b = za("k4").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
          .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
          .breastfeedingStopped(of(2026, 7, 1)).antibody(of(2026, 9, 3), InfantTestResult.NEGATIVE);
      assertThat(infant(b, of(2026, 9, 3)).outcome())
          .contains(new FinalOutcome(FinalOutcome.Category.HIV_NEGATIVE, of(2026, 9, 3)));
      assertThat(b.file().evaluate(WHO, of(2026, 9, 3)).infant(b.infantA()).orElseThrow().hivStatus())
          .isEqualTo(InfantStatus.EXPOSED);
    }
  }
}
