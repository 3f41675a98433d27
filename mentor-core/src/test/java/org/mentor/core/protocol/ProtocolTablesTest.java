package org.mentor.core.protocol;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.protocol.Confidence.PROJECT_CONVENTION;
import static org.mentor.core.protocol.Confidence.SECONDARY;
import static org.mentor.core.protocol.Confidence.UNVERIFIED;
import static org.mentor.core.protocol.Confidence.VERIFIED;
import static org.mentor.core.testing.CaseBuilder.aCase;

import com.google.common.collect.ImmutableSet;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.ProphylaxisPlan;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadStatus;
import org.mentor.core.protocol.DueRule.Combine;
import org.mentor.core.protocol.MilestoneRule.Closing;
import org.mentor.core.protocol.MilestoneRule.Subject;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.Schedule;
import org.mentor.core.testing.CaseBuilder;

/**
 * The built-in protocols against the tables of {@code shared/clinical/} (maternal.md, infant.md):
 * one test per table row that maps to a value or a milestone, asserting the table's own number as
 * a literal and the row's confidence mark. Expected values are never read from production code.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProtocolTablesTest {
  static final Protocol WHO = Protocols.builtIn("WHO_2021");
  static final Protocol WHO_2025 = Protocols.builtIn("WHO_2025");
  static final Protocol ZA = Protocols.builtIn("ZA_2023");
  static final Protocol KE = Protocols.builtIn("KE_2022");

  static List<MilestoneRule> rules(Protocol p, String id) {
    return p.milestones().stream().filter(r -> r.id().equals(id)).toList();
  }

  static MilestoneRule rule(Protocol p, String id) {
    List<MilestoneRule> rules = rules(p, id);
    assertThat(rules).as(p.ref() + " rules " + id).hasSize(1);
    return rules.get(0);
  }

  /** The offset of a single-term due rule from the rule's own anchor. */
  static Period due(MilestoneRule r) {
    assertThat(r.due().combine()).as(r.id() + " due rule").isEqualTo(Combine.SINGLE);
    assertThat(r.due().terms().get(0).anchor()).as(r.id() + " due anchor").isEqualTo(r.anchor());
    return r.due().terms().get(0).offset();
  }

  /**
   * The offset from the rule's own anchor in a "later of (anchor + offset, DELIVERY)" rule: the
   * project convention that puts a re-anchored postnatal VL at delivery when the last sample is old.
   */
  static Period dueNoEarlierThanDelivery(MilestoneRule r) {
    assertThat(r.due().combine()).as(r.id() + " due rule").isEqualTo(Combine.LATEST_OF);
    assertThat(r.due().terms()).hasSize(2);
    assertThat(r.due().terms().get(0).anchor()).isEqualTo(r.anchor());
    assertThat(r.due().terms().get(1).anchor()).isEqualTo(Anchor.DELIVERY);
    assertThat(r.due().terms().get(1).offset()).isEqualTo(Period.ZERO);
    return r.due().terms().get(0).offset();
  }

  static Period windowOpens(MilestoneRule r) {
    assertThat(r.windowOpens()).as(r.id() + " windowOpens").isPresent();
    return r.windowOpens().get().offset();
  }

  static Term term(Anchor anchor, Period offset) {
    return new Term(anchor, offset);
  }

  static Confidence mark(Protocol p, Key<?> key) {
    return p.source(key).confidence();
  }

  static Stream<Confidence> marks(Protocol p, Key<?>... keys) {
    return Stream.of(keys).map(k -> p.source(k).confidence());
  }

  static Stream<Confidence> ruleMarks(Protocol p, String... ids) {
    return Stream.of(ids).flatMap(id -> rules(p, id).stream()).map(r -> r.source().confidence());
  }

  @Test // README.md "Protocol versions covered": WHO_2021, WHO_2025, ZA_2023, KE_2022, parents first
  void all_four_built_in_protocols_load_in_order() {
    assertThat(Protocols.builtIn()).extracting(Protocol::ref).containsExactly(
        new ProtocolRef("WHO_2021", "1"), new ProtocolRef("WHO_2025", "1"),
        new ProtocolRef("ZA_2023", "1"), new ProtocolRef("KE_2022", "1"));
    for (String id : List.of("WHO_2021", "WHO_2025", "ZA_2023", "KE_2022")) {
      Protocol loaded = ProtocolLoader.fromResource("/org/mentor/core/protocol/" + id + ".json");
      assertThat(loaded).isEqualTo(Protocols.builtIn(id));
    }
    assertThat(WHO_2025.parent()).contains(new ProtocolRef("WHO_2021", "1"));
    assertThat(Protocols.who2021().ref()).isEqualTo(new ProtocolRef("WHO_2021", "1")); // the default: found once, the same
    assertThat(Protocol.who2021()).isSameAs(Protocols.who2021()).isSameAs(Protocols.builtIn("WHO_2021"));
    assertThat(ZA.parent()).isEmpty();
    assertThat(KE.parent()).isEmpty();
    assertThat(ZA.jurisdiction()).isEqualTo("ZA");
    assertThat(KE.jurisdiction()).isEqualTo("KE");
  }

  @Test // DESIGN.md §3: every value and every rule of every built-in carries a citation and a mark
  void every_value_and_rule_cites_a_source() {
    for (Protocol p : Protocols.builtIn()) {
      for (Key<?> key : Key.all()) {
        assertThat(p.source(key).citation()).as(p.ref() + " " + key).isNotBlank();
      }
      assertThat(p.milestones()).allSatisfy(r -> assertThat(r.source().citation()).isNotBlank());
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class WHO_2021_rows {
    @Test // maternal.md M1.2: retest from GA 28w0d, due 36w6d or at delivery if earlier; verified (DAK)
    void M1_2_third_trimester_retest() {
      MilestoneRule r = rule(WHO, "HIV_RETEST_LATE_PREGNANCY");
      assertThat(r.anchor()).isEqualTo(Anchor.LMP);
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(196));
      assertThat(r.due().combine()).isEqualTo(Combine.EARLIEST_OF);
      assertThat(r.due().terms()).containsExactly(term(Anchor.LMP, Period.ofDays(258)), term(Anchor.DELIVERY, Period.ZERO));
      assertThat(r.appliesWhen().maternalStatusPositive()).contains(false);
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // maternal.md M1.3: postpartum retest at delivery + 14 weeks; verified (DAK)
    void M1_3_postpartum_retest_at_14_weeks() {
      MilestoneRule r = rule(WHO, "HIV_RETEST_POSTPARTUM");
      assertThat(r.anchor()).isEqualTo(Anchor.DELIVERY);
      assertThat(due(r)).isEqualTo(Period.ofDays(98));
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // maternal.md M2.1/M2.3: ART within 7 days of diagnosis; unverified
    void M2_3_rapid_ART_start_within_7_days() {
      assertThat(WHO.get(Key.ART_RAPID_START_DAYS)).isEqualTo(7);
      assertThat(mark(WHO, Key.ART_RAPID_START_DAYS)).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V3: routine VL every 12 months from the last sample; verified (DAK HIV.S.2)
    void V3_routine_VL_every_12_months() {
      MilestoneRule r = rule(WHO, "VL_ROUTINE");
      assertThat(r.anchor()).isEqualTo(Anchor.EACH_VL_SAMPLE_FROM_DELIVERY);
      assertThat(dueNoEarlierThanDelivery(r)).isEqualTo(Period.ofMonths(12));
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // maternal.md V4/V5/V7: repeat 3 months after an elevated sample; verified (V4/V5, DAK)
    void V4_V5_V7_follow_up_after_3_months() {
      assertThat(WHO.get(Key.VL_REPEAT_AFTER_ELEVATED)).isEqualTo(Period.ofMonths(3));
      assertThat(mark(WHO, Key.VL_REPEAT_AFTER_ELEVATED)).isEqualTo(VERIFIED);
      MilestoneRule r = rule(WHO, "VL_FOLLOW_UP");
      assertThat(r.anchor()).isEqualTo(Anchor.EACH_ELEVATED_VL_SAMPLE);
      assertThat(due(r)).isEqualTo(Period.ofMonths(3));
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // maternal.md V8: on ART at ANC1, VL at ANC1; unverified
    void V8_VL_at_first_ANC() {
      MilestoneRule r = rule(WHO, "VL_ANC1");
      assertThat(r.anchor()).isEqualTo(Anchor.FIRST_ANC);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.appliesWhen().onArtAtEnrolment()).contains(true);
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V9: ART in pregnancy, VL at ART start + 3 months; unverified
    void V9_VL_three_months_after_ART_start() {
      MilestoneRule r = rule(WHO, "VL_ART_3M");
      assertThat(due(r)).isEqualTo(Period.ofMonths(3));
      assertThat(r.windowLead()).isEqualTo(Period.ofDays(14));
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V10: VL at 34-36 weeks, window [34w0d, 36w6d]; unverified
    void V10_late_pregnancy_VL() {
      MilestoneRule r = rule(WHO, "VL_LATE_PREGNANCY");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(238));
      assertThat(due(r)).isEqualTo(Period.ofDays(258));
      assertThat(r.appliesWhen().artStartedBeforeGestationalWeek()).contains(34);
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V11: every 6 months while breastfeeding; unverified
    void V11_breastfeeding_VL_every_6_months() {
      MilestoneRule r = rule(WHO, "VL_BREASTFEEDING");
      assertThat(dueNoEarlierThanDelivery(r)).isEqualTo(Period.ofMonths(6));
      assertThat(r.appliesWhen().breastfeeding()).contains(true);
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md §3 scheduling rule: window = due - 14 days; VL at delivery replaces open pregnancy VLs; project convention
    void scheduling_rule_window_lead_and_VL_at_delivery() {
      assertThat(WHO.get(Key.VL_WINDOW_LEAD_DAYS)).isEqualTo(14);
      assertThat(mark(WHO, Key.VL_WINDOW_LEAD_DAYS)).isEqualTo(PROJECT_CONVENTION);
      MilestoneRule r = rule(WHO, "VL_AT_DELIVERY");
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.appliesWhen().pregnancyViralLoadSuperseded()).contains(true);
      assertThat(r.source().confidence()).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // maternal.md T2 (< 50 suppressed) and T4 (> 1000 unsuppressed); verified
    void T2_T4_viral_load_bands() {
      assertThat(WHO.get(Key.VL_SUPPRESSED_BELOW)).isEqualTo(50);
      assertThat(WHO.get(Key.VL_UNSUPPRESSED_ABOVE)).isEqualTo(1000);
      assertThat(marks(WHO, Key.VL_SUPPRESSED_BELOW, Key.VL_UNSUPPRESSED_ABOVE)).containsOnly(VERIFIED);
    }

    @Test // maternal.md T7: three EAC sessions; unverified
    void T7_three_counselling_sessions() {
      assertThat(WHO.get(Key.EAC_SESSIONS)).isEqualTo(3);
      assertThat(mark(WHO, Key.EAC_SESSIONS)).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md A1 (> 105 % check count, project convention) and A2 (good >= 95, fair >= 85, unverified)
    void A1_A2_adherence_bands() {
      assertThat(WHO.get(Key.ADHERENCE_GOOD_FROM)).isEqualTo(95);
      assertThat(WHO.get(Key.ADHERENCE_FAIR_FROM)).isEqualTo(85);
      assertThat(WHO.get(Key.ADHERENCE_CHECK_ABOVE)).isEqualTo(105);
      assertThat(marks(WHO, Key.ADHERENCE_GOOD_FROM, Key.ADHERENCE_FAIR_FROM)).containsOnly(UNVERIFIED);
      assertThat(mark(WHO, Key.ADHERENCE_CHECK_ABOVE)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // maternal.md R1 (28 days or more, verified), R3 (iitInclusive = true, project convention), R6 (7 days, project convention)
    void R1_R3_R6_retention() {
      assertThat(WHO.get(Key.IIT_THRESHOLD_DAYS)).isEqualTo(28);
      assertThat(mark(WHO, Key.IIT_THRESHOLD_DAYS)).isEqualTo(VERIFIED);
      assertThat(WHO.get(Key.IIT_INCLUSIVE)).isTrue();
      assertThat(mark(WHO, Key.IIT_INCLUSIVE)).isEqualTo(PROJECT_CONVENTION);
      assertThat(WHO.get(Key.TRACING_DUE_DAYS)).isEqualTo(7);
      assertThat(mark(WHO, Key.TRACING_DUE_DAYS)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // infant.md I1a-d and I2: < 28 days ART; VL > 1000 in the 28 days before delivery; missing VL not high; incident and postpartum high; verified
    void I1_I2_infant_risk() {
      assertThat(WHO.get(Key.RISK_MIN_ART_DAYS)).isEqualTo(28);
      assertThat(WHO.get(Key.RISK_VL_WINDOW_DAYS)).isEqualTo(28);
      assertThat(WHO.get(Key.RISK_VL_THRESHOLD)).isEqualTo(1000);
      assertThat(WHO.get(Key.RISK_VL_THRESHOLD_INCLUSIVE)).isFalse();
      assertThat(WHO.get(Key.RISK_MISSING_VL_IS_HIGH)).isFalse();
      assertThat(WHO.get(Key.RISK_INCIDENT_IS_HIGH)).isTrue();
      assertThat(WHO.get(Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH)).isTrue();
      assertThat(marks(WHO, Key.RISK_MIN_ART_DAYS, Key.RISK_VL_WINDOW_DAYS, Key.RISK_VL_THRESHOLD,
          Key.RISK_VL_THRESHOLD_INCLUSIVE, Key.RISK_MISSING_VL_IS_HIGH, Key.RISK_INCIDENT_IS_HIGH,
          Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH)).containsOnly(VERIFIED);
    }

    @Test // infant.md I5: a late result re-derives the risk (project convention); high VL while breastfeeding is not a WHO criterion
    void I5_re_evaluation() {
      assertThat(WHO.get(Key.RISK_RESULT_KNOWN_AT_BIRTH)).isFalse();
      assertThat(mark(WHO, Key.RISK_RESULT_KNOWN_AT_BIRTH)).isEqualTo(PROJECT_CONVENTION);
      assertThat(WHO.get(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)).isFalse();
    }

    @Test // infant.md P1-P4: 6 weeks low risk, 12 weeks (6 + 6) high-risk breastfed, 6 weeks high-risk replacement fed; secondary
    void P1_to_P4_prophylaxis() {
      assertThat(WHO.get(Key.PROPHYLAXIS_LOW_BREASTFED_DAYS)).isEqualTo(42);
      assertThat(WHO.get(Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS)).isEqualTo(42);
      assertThat(WHO.get(Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS)).isEqualTo(84);
      assertThat(WHO.get(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS)).isEqualTo(42);
      assertThat(WHO.get(Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS)).isEqualTo(42);
      assertThat(WHO.get(Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).isFalse();
      assertThat(marks(WHO, Key.PROPHYLAXIS_LOW_BREASTFED_DAYS, Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS,
          Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS, Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS,
          Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS, Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).containsOnly(SECONDARY);
    }

    @Test // infant.md §2: a start > 72 hours after birth is late; project convention
    void prophylaxis_late_start_after_72_hours() {
      assertThat(WHO.get(Key.PROPHYLAXIS_LATE_START_HOURS)).isEqualTo(72);
      assertThat(mark(WHO, Key.PROPHYLAXIS_LATE_START_HOURS)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // infant.md §3a BIRTH_NAT: optional, not scheduled by default (birthNat = false)
    void BIRTH_NAT_is_not_scheduled() {
      assertThat(rules(WHO, "BIRTH_NAT")).isEmpty();
    }

    @Test // infant.md §3a NAT_6W: window day 28, due day 42, overdue day 70, closes at NAT_9M's window; verified
    void NAT_6W() {
      MilestoneRule r = rule(WHO, "NAT_6W");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(28));
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.closes()).isEqualTo(new Closing.WhenWindowOpens("NAT_9M"));
      assertThat(r.satisfiedBy().testType()).contains("NAT");
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3a NAT_9M: window 9 months - 14 days, due 9 months, closes at the final test's window; verified
    void NAT_9M() {
      MilestoneRule r = rule(WHO, "NAT_9M");
      assertThat(due(r)).isEqualTo(Period.ofMonths(9));
      assertThat(r.windowLead()).isEqualTo(Period.ofDays(14));
      assertThat(r.closes()).isEqualTo(new Closing.WhenWindowOpens("AB_18M"));
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3a AB_18M and POST_BF (cessation + 3 months, only when later than 18 months); verified
    void AB_18M_and_POST_BF() {
      MilestoneRule ab = rule(WHO, "AB_18M");
      assertThat(due(ab)).isEqualTo(Period.ofMonths(18));
      assertThat(ab.satisfiedBy().testType()).contains("ANTIBODY");
      MilestoneRule post = rule(WHO, "POST_BF");
      assertThat(post.anchor()).isEqualTo(Anchor.BREASTFEEDING_END);
      assertThat(due(post)).isEqualTo(Period.ofMonths(3));
      assertThat(post.appliesWhen().laterThanMilestone()).contains("AB_18M");
      assertThat(post.satisfiedBy().testType()).contains("AGE_APPROPRIATE");
      assertThat(ruleMarks(WHO, "AB_18M", "POST_BF")).containsOnly(VERIFIED);
    }

    @Test // infant.md E1: confirmatory NAT and ART due on the positive result date; E6: new sample within 28 days; verified
    void E1_E6_results() {
      assertThat(due(rule(WHO, "CONFIRMATORY_NAT"))).isEqualTo(Period.ZERO);
      assertThat(due(rule(WHO, "INFANT_ART_START"))).isEqualTo(Period.ZERO);
      assertThat(due(rule(WHO, "REPEAT_SAMPLE"))).isEqualTo(Period.ofDays(28));
      assertThat(ruleMarks(WHO, "CONFIRMATORY_NAT", "INFANT_ART_START", "REPEAT_SAMPLE")).containsOnly(VERIFIED);
    }

    @Test // infant.md C1: CTX window day 28, due day 42 (secondary); C5: due on a late registration
    void C1_C5_cotrimoxazole() {
      MilestoneRule r = rule(WHO, "CTX_START");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(28));
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.catchUpOnLateRegistration()).isTrue();
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
    }

    @Test // infant.md F1: final status at 18 months or 3 months after cessation, whichever is later; verified
    void F1_final_status_timing() {
      assertThat(WHO.get(Key.FINAL_TEST_AGE)).isEqualTo(Period.ofMonths(18));
      assertThat(WHO.get(Key.FINAL_TEST_AFTER_CESSATION)).isEqualTo(Period.ofMonths(3));
      assertThat(marks(WHO, Key.FINAL_TEST_AGE, Key.FINAL_TEST_AFTER_CESSATION)).containsOnly(VERIFIED);
    }

    @Test // postnatal period of 6 weeks; project convention
    void postnatal_period() {
      assertThat(WHO.get(Key.POSTNATAL_PERIOD)).isEqualTo(Period.ofDays(42));
      assertThat(mark(WHO, Key.POSTNATAL_PERIOD)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // tables marked unverified: M2.1, T7, A2, V8-V11
    void unverified_rows_are_marked_unverified() {
      assertThat(marks(WHO, Key.ART_RAPID_START_DAYS, Key.EAC_SESSIONS, Key.ADHERENCE_GOOD_FROM, Key.ADHERENCE_FAIR_FROM))
          .containsOnly(UNVERIFIED);
      assertThat(ruleMarks(WHO, "VL_ANC1", "VL_ART_3M", "VL_LATE_PREGNANCY", "VL_BREASTFEEDING")).containsOnly(UNVERIFIED);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class WHO_2025_rows {
    final ImmutableSet<Key<?>> overridden = ImmutableSet.of(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS,
        Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS, Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION, Key.PROPHYLAXIS_HIGH_THREE_DRUG,
        Key.PROPHYLAXIS_END_AFTER_CESSATION);

    @Test // README.md: WHO_2025 inherits WHO_2021; only the postnatal-prophylaxis change is captured
    void inherits_every_WHO_2021_value_it_does_not_override_with_its_source() {
      for (Key<?> key : Key.all()) {
        if (!overridden.contains(key)) {
          assertThat(WHO_2025.get(key)).as(key.name()).isEqualTo(WHO.get(key));
          assertThat(WHO_2025.source(key)).as(key.name()).isEqualTo(WHO.source(key));
        }
      }
      for (Key<?> key : overridden) {
        assertThat(WHO_2025.source(key).citation()).as(key.name()).contains("P5 (WHO_2025)");
      }
    }

    @Test // README.md: every WHO_2021 milestone rule is inherited unchanged; P6 adds one
    void inherits_every_WHO_2021_milestone_and_adds_the_P6_NAT() {
      assertThat(WHO_2025.milestones()).containsAll(WHO.milestones());
      assertThat(WHO_2025.milestones()).extracting(MilestoneRule::id).containsOnlyOnceElementsOf(
          WHO.milestones().stream().map(MilestoneRule::id).distinct().toList());
      assertThat(WHO_2025.milestones()).hasSize(WHO.milestones().size() + 1);
    }

    @Test // infant.md I1: the 2025 record restates the WHO risk criteria verbatim (verified)
    void I1_risk_criteria_unchanged() {
      assertThat(WHO_2025.get(Key.RISK_MIN_ART_DAYS)).isEqualTo(28);
      assertThat(WHO_2025.get(Key.RISK_VL_WINDOW_DAYS)).isEqualTo(28);
      assertThat(WHO_2025.get(Key.RISK_VL_THRESHOLD)).isEqualTo(1000);
      assertThat(WHO_2025.get(Key.RISK_VL_THRESHOLD_INCLUSIVE)).isFalse();
      assertThat(mark(WHO_2025, Key.RISK_MIN_ART_DAYS)).isEqualTo(VERIFIED);
    }

    @Test // infant.md P5: high-risk breastfed, three-drug for 6 weeks, then single drug until maternal suppression ("6 weeks + variable"); verified
    void P5_three_drug_for_6_weeks_then_until_maternal_suppression() {
      assertThat(WHO_2025.get(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS)).isEqualTo(42);
      assertThat(WHO_2025.get(Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS)).isEqualTo(42);
      assertThat(WHO_2025.get(Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).isTrue();
      assertThat(marks(WHO_2025, Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS, Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS,
          Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).containsOnly(VERIFIED);
      // P4 (replacement fed) and P1/P2 are not changed by the 2025 record.
      assertThat(WHO_2025.get(Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS)).isEqualTo(42);
      assertThat(WHO_2025.get(Key.PROPHYLAXIS_LOW_BREASTFED_DAYS)).isEqualTo(42);
    }

    @Test // infant.md P6: NAT sample when the high-risk infant is identified; verified
    void P6_NAT_when_identified_high_risk() {
      MilestoneRule r = rule(WHO_2025, "NAT_AT_HIGH_RISK_IDENTIFICATION");
      assertThat(r.subject()).isEqualTo(Subject.INFANT);
      assertThat(r.anchor()).isEqualTo(Anchor.INFANT_REGISTRATION);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.appliesWhen().highRisk()).contains(true);
      assertThat(r.satisfiedBy().testType()).contains("NAT");
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    final CaseBuilder s3 = aCase("s3").protocol("WHO_2025", "1").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400));

    @Test // scenarios.md S3 WHO_2025 variant: started 2025-11-22, no fixed stop: single drug until maternal suppression
    void S3_prophylaxis_waits_for_maternal_suppression() {
      ProphylaxisPlan plan = s3.file().evaluate(WHO_2025, of(2025, 12, 1)).infant(s3.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.startedOn()).contains(of(2025, 11, 22));
      assertThat(plan.plannedDays()).isEqualTo(42);
      assertThat(plan.plannedStopOn()).isEmpty();
    }

    @Test // scenarios.md S3 WHO_2025 variant: NAT sample when identified high risk (2025-11-22)
    void S3_NAT_due_when_identified_high_risk() {
      Milestone m = Schedule.of(WHO_2025, s3.file().facts(), of(2025, 11, 22))
          .find("NAT_AT_HIGH_RISK_IDENTIFICATION", s3.infantA()).orElseThrow();
      assertThat(m.windowStart()).isEqualTo(of(2025, 11, 22));
      assertThat(m.due()).isEqualTo(of(2025, 11, 22));
    }

    @Test // scenarios.md S3 WHO_2025 variant: three-drug 2025-11-22 -> 2026-01-03, then single-drug prophylaxis
    void S3_three_drug_phase_ends_2026_01_03_then_single_drug() {
      ProphylaxisPlan plan = s3.file().evaluate(WHO_2025, of(2025, 12, 1)).infant(s3.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.THREE_DRUG);
      assertThat(plan.firstPhaseEndsOn()).contains(of(2026, 1, 3));
      assertThat(plan.laterRegimen()).contains(ProphylaxisRegimen.NVP);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class ZA_2023_rows {
    @Test // maternal.md M1.7: test 3-monthly throughout breastfeeding, from delivery then each test; secondary
    void M1_7_three_monthly_retest_while_breastfeeding() {
      MilestoneRule r = rule(ZA, "HIV_RETEST_BREASTFEEDING");
      assertThat(r.anchor()).isEqualTo(Anchor.EACH_HIV_TEST_FROM_DELIVERY);
      assertThat(due(r)).isEqualTo(Period.ofMonths(3));
      assertThat(r.closes()).isEqualTo(new Closing.AtNextAnchor());
      assertThat(r.appliesWhen().maternalStatusPositive()).contains(false);
      assertThat(r.appliesWhen().breastfeeding()).contains(true);
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
      assertThat(rules(ZA, "HIV_RETEST_POSTPARTUM")).isEmpty();
    }

    @Test // maternal.md M1.7: 'every antenatal visit' has no anchor; nearest: one third-trimester retest (project convention)
    void M1_7_antenatal_retest_approximated_by_one_third_trimester_retest() {
      MilestoneRule r = rule(ZA, "HIV_RETEST_LATE_PREGNANCY");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(196));
      assertThat(r.due().terms()).containsExactly(term(Anchor.LMP, Period.ofDays(258)), term(Anchor.DELIVERY, Period.ZERO));
      assertThat(r.source().confidence()).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // maternal.md M2.3 (all, 7 days, project convention) chosen over M2.4 (ZA same-day, secondary)
    void M2_3_rapid_start_7_days() {
      assertThat(ZA.get(Key.ART_RAPID_START_DAYS)).isEqualTo(7);
      assertThat(mark(ZA, Key.ART_RAPID_START_DAYS)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // maternal.md V12: ART started in pregnancy, VL 3 months after ART start; unverified
    void V12_VL_three_months_after_ART() {
      MilestoneRule r = rule(ZA, "VL_ART_3M");
      assertThat(r.anchor()).isEqualTo(Anchor.ART_START);
      assertThat(due(r)).isEqualTo(Period.ofMonths(3));
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V13: on ART at first ANC, VL at the first ANC visit; unverified
    void V13_VL_at_first_ANC() {
      MilestoneRule r = rule(ZA, "VL_ANC1");
      assertThat(r.anchor()).isEqualTo(Anchor.FIRST_ANC);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md V14: VL at delivery for all women; secondary
    void V14_VL_at_delivery_for_all_women() {
      MilestoneRule r = rule(ZA, "VL_AT_DELIVERY");
      assertThat(r.anchor()).isEqualTo(Anchor.DELIVERY);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.appliesWhen().pregnancyViralLoadSuperseded()).isEmpty();
      assertThat(r.appliesWhen().maternalStatusPositive()).contains(true);
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
      assertThat(rules(ZA, "VL_LATE_PREGNANCY")).isEmpty();
    }

    @Test // maternal.md V15: VL at 6 months postpartum for all women, then every 6 months while breastfeeding; secondary
    void V15_postpartum_and_breastfeeding_VL() {
      MilestoneRule six = rule(ZA, "VL_POSTPARTUM_6M");
      assertThat(six.anchor()).isEqualTo(Anchor.DELIVERY);
      assertThat(due(six)).isEqualTo(Period.ofMonths(6));
      assertThat(six.appliesWhen().breastfeeding()).isEmpty();
      MilestoneRule bf = rule(ZA, "VL_BREASTFEEDING");
      assertThat(bf.anchor()).isEqualTo(Anchor.EACH_VL_SAMPLE_FROM_DELIVERY);
      assertThat(due(bf)).isEqualTo(Period.ofMonths(6));
      assertThat(bf.appliesWhen().breastfeeding()).contains(true);
      assertThat(bf.appliesWhen().laterThanMilestone()).contains("VL_POSTPARTUM_6M");
      assertThat(ruleMarks(ZA, "VL_POSTPARTUM_6M", "VL_BREASTFEEDING")).containsOnly(SECONDARY);
    }

    @Test // maternal.md T5: bands < 50, 50-999, >= 1000 (secondary); repeat interval unverified
    void T5_viral_load_bands() {
      assertThat(ZA.get(Key.VL_SUPPRESSED_BELOW)).isEqualTo(50);
      assertThat(ZA.get(Key.VL_UNSUPPRESSED_ABOVE)).isEqualTo(999);
      assertThat(marks(ZA, Key.VL_SUPPRESSED_BELOW, Key.VL_UNSUPPRESSED_ABOVE)).containsOnly(SECONDARY);
      assertThat(ZA.get(Key.VL_REPEAT_AFTER_ELEVATED)).isEqualTo(Period.ofMonths(3));
      assertThat(mark(ZA, Key.VL_REPEAT_AFTER_ELEVATED)).isEqualTo(UNVERIFIED);
      assertThat(rule(ZA, "VL_FOLLOW_UP").source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // maternal.md T5: 999 is low-level viraemia, 1000 unsuppressed under ZA (WHO T4: 1000 is not unsuppressed)
    void T5_exactly_1000_is_unsuppressed() {
      assertThat(vlStatus(ZA, ViralLoad.copies(999))).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
      assertThat(vlStatus(ZA, ViralLoad.copies(1000))).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
      assertThat(vlStatus(WHO, ViralLoad.copies(1000))).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
    }

    @Test // maternal.md T7 (three EAC sessions, unverified) and A1/A2 (no ZA row)
    void T7_A1_A2() {
      assertThat(ZA.get(Key.EAC_SESSIONS)).isEqualTo(3);
      assertThat(ZA.get(Key.ADHERENCE_GOOD_FROM)).isEqualTo(95);
      assertThat(ZA.get(Key.ADHERENCE_FAIR_FROM)).isEqualTo(85);
      assertThat(marks(ZA, Key.EAC_SESSIONS, Key.ADHERENCE_GOOD_FROM, Key.ADHERENCE_FAIR_FROM)).containsOnly(UNVERIFIED);
      assertThat(ZA.get(Key.ADHERENCE_CHECK_ABOVE)).isEqualTo(105);
      assertThat(mark(ZA, Key.ADHERENCE_CHECK_ABOVE)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // maternal.md R2 (MER: more than 28 days, secondary) chosen over R9 (TIER.Net 90 days, unverified); R6 7 days
    void R2_R9_interruption_defaults_to_the_MER_definition() {
      assertThat(ZA.get(Key.IIT_THRESHOLD_DAYS)).isEqualTo(28);
      assertThat(ZA.get(Key.IIT_INCLUSIVE)).isFalse();
      assertThat(marks(ZA, Key.IIT_THRESHOLD_DAYS, Key.IIT_INCLUSIVE)).containsOnly(SECONDARY);
      assertThat(ZA.source(Key.IIT_THRESHOLD_DAYS).citation()).contains("R2").contains("R9");
      assertThat(ZA.get(Key.TRACING_DUE_DAYS)).isEqualTo(7);
      assertThat(mark(ZA, Key.TRACING_DUE_DAYS)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // infant.md I3a: not on ART at delivery (0 days); secondary
    void I3a_not_on_ART_at_delivery() {
      assertThat(ZA.get(Key.RISK_MIN_ART_DAYS)).isEqualTo(0);
      assertThat(mark(ZA, Key.RISK_MIN_ART_DAYS)).isEqualTo(SECONDARY);
    }

    @Test // infant.md I3b: VL >= 1000 at delivery or in the 12 weeks before; secondary
    void I3b_VL_at_least_1000_in_12_weeks() {
      assertThat(ZA.get(Key.RISK_VL_WINDOW_DAYS)).isEqualTo(84);
      assertThat(ZA.get(Key.RISK_VL_THRESHOLD)).isEqualTo(1000);
      assertThat(ZA.get(Key.RISK_VL_THRESHOLD_INCLUSIVE)).isTrue();
      assertThat(marks(ZA, Key.RISK_VL_WINDOW_DAYS, Key.RISK_VL_THRESHOLD, Key.RISK_VL_THRESHOLD_INCLUSIVE)).containsOnly(SECONDARY);
    }

    @Test // infant.md I3c: no VL result available at delivery or in the 12 weeks before; secondary
    void I3c_no_result_known_at_birth() {
      assertThat(ZA.get(Key.RISK_MISSING_VL_IS_HIGH)).isTrue();
      assertThat(ZA.get(Key.RISK_RESULT_KNOWN_AT_BIRTH)).isTrue();
      assertThat(marks(ZA, Key.RISK_MISSING_VL_IS_HIGH, Key.RISK_RESULT_KNOWN_AT_BIRTH)).containsOnly(SECONDARY);
    }

    @Test // infant.md I3 'high risk during breastfeeding': new diagnosis or VL >= 1000 while breastfeeding; no incident-in-pregnancy criterion; secondary
    void I3_high_risk_during_breastfeeding() {
      assertThat(ZA.get(Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH)).isTrue();
      assertThat(ZA.get(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)).isTrue();
      assertThat(ZA.get(Key.RISK_INCIDENT_IS_HIGH)).isFalse();
      assertThat(marks(ZA, Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH, Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH,
          Key.RISK_INCIDENT_IS_HIGH)).containsOnly(SECONDARY);
    }

    @Test // infant.md P7: low risk, breastfed or formula, NVP 6 weeks; secondary
    void P7_low_risk_NVP_6_weeks() {
      assertThat(ZA.get(Key.PROPHYLAXIS_LOW_BREASTFED_DAYS)).isEqualTo(42);
      assertThat(ZA.get(Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS)).isEqualTo(42);
      assertThat(marks(ZA, Key.PROPHYLAXIS_LOW_BREASTFED_DAYS, Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS)).containsOnly(SECONDARY);
    }

    @Test // infant.md P8: high risk breastfed, NVP at least 12 weeks and until maternal VL < 1000, AZT 6 weeks; secondary
    void P8_high_risk_breastfed() {
      assertThat(ZA.get(Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS)).isEqualTo(84);
      assertThat(ZA.get(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS)).isEqualTo(42);
      assertThat(ZA.get(Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).isTrue();
      assertThat(marks(ZA, Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS, Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS,
          Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).containsOnly(SECONDARY);
    }

    @Test // infant.md P9: high risk exclusively formula fed, NVP + AZT 6 weeks; secondary
    void P9_high_risk_formula_fed_6_weeks() {
      assertThat(ZA.get(Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS)).isEqualTo(42);
      assertThat(mark(ZA, Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS)).isEqualTo(SECONDARY);
    }

    @Test // infant.md §3b BIRTH_PCR: window = due = day 0, no overdue, closes day 14; verified (schedule)
    void BIRTH_PCR() {
      MilestoneRule r = rule(ZA, "BIRTH_PCR");
      assertThat(r.anchor()).isEqualTo(Anchor.BIRTH);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.windowOpens()).isEmpty();
      assertThat(r.windowLead()).isEqualTo(Period.ZERO);
      assertThat(r.overdueAfterDue()).isEmpty();
      assertThat(r.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofDays(14))));
      assertThat(r.satisfiedBy().testType()).contains("NAT");
      assertThat(r.catchUpOnLateRegistration()).isFalse();
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3b PCR_10W: window day 63, due day 70, overdue day 98, closes at PCR_6M's window; verified (age)
    void PCR_10W() {
      MilestoneRule r = rule(ZA, "PCR_10W");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(63));
      assertThat(due(r)).isEqualTo(Period.ofDays(70));
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.closes()).isEqualTo(new Closing.WhenWindowOpens("PCR_6M"));
      assertThat(r.satisfiedBy().testType()).contains("NAT");
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3b PCR_6M: window 6 months - 14 days, due 6 months, overdue + 28 days, closes at RDT_18M's window; verified
    void PCR_6M() {
      MilestoneRule r = rule(ZA, "PCR_6M");
      assertThat(due(r)).isEqualTo(Period.ofMonths(6));
      assertThat(r.windowLead()).isEqualTo(Period.ofDays(14));
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.closes()).isEqualTo(new Closing.WhenWindowOpens("RDT_18M"));
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3b RDT_18M: antibody at 18 months, universal (no condition); verified
    void RDT_18M_universal() {
      MilestoneRule r = rule(ZA, "RDT_18M");
      assertThat(due(r)).isEqualTo(Period.ofMonths(18));
      assertThat(r.windowLead()).isEqualTo(Period.ZERO);
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.appliesWhen()).isEqualTo(Condition.ALWAYS);
      assertThat(r.satisfiedBy().testType()).contains("ANTIBODY");
      assertThat(r.source().confidence()).isEqualTo(VERIFIED);
    }

    @Test // infant.md §3b POST_BF: cessation + 6 weeks, NAT if < 18 months on the due date, else antibody; unverified
    void POST_BF_six_weeks_after_cessation() {
      MilestoneRule r = rule(ZA, "POST_BF");
      assertThat(r.anchor()).isEqualTo(Anchor.BREASTFEEDING_END);
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.satisfiedBy().testType()).contains("AGE_APPROPRIATE");
      assertThat(r.appliesWhen().laterThanMilestone()).isEmpty();
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // infant.md §3b PCR_18W: removed in 2019, not scheduled in ZA_2023; the WHO EID milestones do not apply
    void no_18_week_PCR_and_no_WHO_EID_milestones() {
      assertThat(ZA.milestones()).extracting(MilestoneRule::id)
          .doesNotContain("PCR_18W", "NAT_6W", "NAT_9M", "AB_18M", "BIRTH_NAT");
    }

    @Test // infant.md C3: whether CTX is still given to all HEI is not confirmed; WHO C1 timing kept; unverified
    void C3_cotrimoxazole() {
      MilestoneRule r = rule(ZA, "CTX_START");
      assertThat(windowOpens(r)).isEqualTo(Period.ofDays(28));
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // infant.md F1 ZA: later of 18 months (verified, 2023 foreword) and 6 weeks after cessation (unverified)
    void F1_final_status_timing() {
      assertThat(ZA.get(Key.FINAL_TEST_AGE)).isEqualTo(Period.ofMonths(18));
      assertThat(mark(ZA, Key.FINAL_TEST_AGE)).isEqualTo(VERIFIED);
      assertThat(ZA.get(Key.FINAL_TEST_AFTER_CESSATION)).isEqualTo(Period.ofDays(42));
      assertThat(mark(ZA, Key.FINAL_TEST_AFTER_CESSATION)).isEqualTo(UNVERIFIED);
    }

    @Test // rows marked unverified for ZA: V12, V13, T5 interval, T7, A2, R9 (not used), §3b POST_BF, C3; adopted WHO E rows
    void unverified_rows_are_marked_unverified() {
      assertThat(marks(ZA, Key.VL_REPEAT_AFTER_ELEVATED, Key.EAC_SESSIONS, Key.ADHERENCE_GOOD_FROM,
          Key.ADHERENCE_FAIR_FROM, Key.FINAL_TEST_AFTER_CESSATION)).containsOnly(UNVERIFIED);
      assertThat(ruleMarks(ZA, "VL_ANC1", "VL_ART_3M", "VL_FOLLOW_UP", "VL_ROUTINE", "POST_BF", "CTX_START",
          "CONFIRMATORY_NAT", "INFANT_ART_START", "REPEAT_SAMPLE")).containsOnly(UNVERIFIED);
    }
  }

  // ---------------------------------------------------------------------------------------------
  @Nested
  class KE_2022_rows {
    @Test // maternal.md M1.9: retest in the third trimester / at delivery, then postnatally every 6 months; unverified
    void M1_9_retests() {
      MilestoneRule late = rule(KE, "HIV_RETEST_LATE_PREGNANCY");
      assertThat(windowOpens(late)).isEqualTo(Period.ofDays(196));
      assertThat(late.due().terms()).containsExactly(term(Anchor.LMP, Period.ofDays(258)), term(Anchor.DELIVERY, Period.ZERO));
      MilestoneRule bf = rule(KE, "HIV_RETEST_BREASTFEEDING");
      assertThat(bf.anchor()).isEqualTo(Anchor.EACH_HIV_TEST_FROM_DELIVERY);
      assertThat(due(bf)).isEqualTo(Period.ofMonths(6));
      assertThat(ruleMarks(KE, "HIV_RETEST_LATE_PREGNANCY", "HIV_RETEST_BREASTFEEDING")).containsOnly(UNVERIFIED);
    }

    @Test // maternal.md V16: baseline VL at diagnosis; VL at ANC1 if on ART; 3 months after ART start; every 6 months while pregnant or breastfeeding; secondary
    void V16_pregnancy_and_breastfeeding_VL() {
      MilestoneRule baseline = rule(KE, "VL_BASELINE");
      assertThat(baseline.anchor()).isEqualTo(Anchor.DIAGNOSIS);
      assertThat(due(baseline)).isEqualTo(Period.ZERO);
      assertThat(baseline.closes()).isEqualTo(new Closing.At(term(Anchor.ART_START, Period.ofDays(1))));
      assertThat(due(rule(KE, "VL_ANC1"))).isEqualTo(Period.ZERO);
      assertThat(due(rule(KE, "VL_ART_3M"))).isEqualTo(Period.ofMonths(3));
      List<MilestoneRule> six = rules(KE, "VL_PREGNANCY_BREASTFEEDING");
      assertThat(six).hasSize(2).allSatisfy(r -> assertThat(due(r)).isEqualTo(Period.ofMonths(6)));
      assertThat(six).extracting(MilestoneRule::anchor)
          .containsExactly(Anchor.EACH_VL_SAMPLE, Anchor.EACH_VL_SAMPLE_FROM_DELIVERY);
      assertThat(six.get(0).appliesWhen().delivered()).contains(false);
      assertThat(six.get(1).appliesWhen().breastfeeding()).contains(true);
      assertThat(ruleMarks(KE, "VL_BASELINE", "VL_ANC1", "VL_ART_3M", "VL_PREGNANCY_BREASTFEEDING", "VL_FOLLOW_UP"))
          .containsOnly(SECONDARY);
      assertThat(rules(KE, "VL_AT_DELIVERY")).isEmpty();
    }

    @Test // maternal.md T6: suppressed < 200 (LDL and 50-199), 200-999 high-risk LLV, >= 1000 treatment failure; repeat 3 months; secondary
    void T6_viral_load_bands() {
      assertThat(KE.get(Key.VL_SUPPRESSED_BELOW)).isEqualTo(200);
      assertThat(KE.get(Key.VL_UNSUPPRESSED_ABOVE)).isEqualTo(999);
      assertThat(KE.get(Key.VL_REPEAT_AFTER_ELEVATED)).isEqualTo(Period.ofMonths(3));
      assertThat(marks(KE, Key.VL_SUPPRESSED_BELOW, Key.VL_UNSUPPRESSED_ABOVE, Key.VL_REPEAT_AFTER_ELEVATED))
          .containsOnly(SECONDARY);
    }

    @Test // maternal.md T6: 199 suppressed, 200 and 999 unsuppressed low-level (repeat), 1000 treatment failure band
    void T6_band_boundaries() {
      assertThat(vlStatus(KE, ViralLoad.copies(199))).isEqualTo(ViralLoadStatus.SUPPRESSED);
      assertThat(vlStatus(KE, ViralLoad.copies(200))).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
      assertThat(vlStatus(KE, ViralLoad.copies(999))).isEqualTo(ViralLoadStatus.LOW_LEVEL_VIRAEMIA);
      assertThat(vlStatus(KE, ViralLoad.copies(1000))).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
    }

    @Test // maternal.md T7 (unverified), A1/A2
    void T7_A1_A2() {
      assertThat(KE.get(Key.EAC_SESSIONS)).isEqualTo(3);
      assertThat(KE.get(Key.ADHERENCE_GOOD_FROM)).isEqualTo(95);
      assertThat(KE.get(Key.ADHERENCE_FAIR_FROM)).isEqualTo(85);
      assertThat(marks(KE, Key.EAC_SESSIONS, Key.ADHERENCE_GOOD_FROM, Key.ADHERENCE_FAIR_FROM)).containsOnly(UNVERIFIED);
      assertThat(KE.get(Key.ADHERENCE_CHECK_ABOVE)).isEqualTo(105);
    }

    @Test // maternal.md R10: IIT when more than 30 days have passed since the missed appointment; secondary
    void R10_interruption_after_more_than_30_days() {
      assertThat(KE.get(Key.IIT_THRESHOLD_DAYS)).isEqualTo(30);
      assertThat(KE.get(Key.IIT_INCLUSIVE)).isFalse();
      assertThat(marks(KE, Key.IIT_THRESHOLD_DAYS, Key.IIT_INCLUSIVE)).containsOnly(SECONDARY);
    }

    @Test // maternal.md R10 applied to scenarios.md S6's appointment 2025-09-08: IIT on appointment + 31 days = 2025-10-09
    void R10_on_S6_interruption_starts_2025_10_09() {
      CaseBuilder s6 = aCase("s6").protocol("KE_2022", "1").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
          .delivered(of(2025, 5, 20)).breastfed().prophylaxisStarted(of(2025, 5, 20))
          .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));
      assertThat(s6.file().evaluate(KE, of(2025, 10, 8)).mother().retentionStatus()).isEqualTo(Retention.APPOINTMENT_MISSED);
      CaseState state = s6.file().evaluate(KE, of(2025, 10, 9));
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(state.mother().retention().since()).isEqualTo(of(2025, 10, 9));
    }

    @Test // infant.md I4: believed to follow WHO I1 (28 days, 28-day window, > 1000, missing VL not high); unverified
    void I4_risk_follows_WHO_I1() {
      assertThat(KE.get(Key.RISK_MIN_ART_DAYS)).isEqualTo(28);
      assertThat(KE.get(Key.RISK_VL_WINDOW_DAYS)).isEqualTo(28);
      assertThat(KE.get(Key.RISK_VL_THRESHOLD)).isEqualTo(1000);
      assertThat(KE.get(Key.RISK_VL_THRESHOLD_INCLUSIVE)).isFalse();
      assertThat(KE.get(Key.RISK_MISSING_VL_IS_HIGH)).isFalse();
      assertThat(KE.get(Key.RISK_INCIDENT_IS_HIGH)).isTrue();
      assertThat(KE.get(Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH)).isTrue();
      assertThat(KE.get(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)).isFalse();
      assertThat(marks(KE, Key.RISK_MIN_ART_DAYS, Key.RISK_VL_WINDOW_DAYS, Key.RISK_VL_THRESHOLD,
          Key.RISK_VL_THRESHOLD_INCLUSIVE, Key.RISK_MISSING_VL_IS_HIGH, Key.RISK_INCIDENT_IS_HIGH,
          Key.RISK_POSTPARTUM_DIAGNOSIS_IS_HIGH, Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)).containsOnly(UNVERIFIED);
      assertThat(mark(KE, Key.RISK_RESULT_KNOWN_AT_BIRTH)).isEqualTo(PROJECT_CONVENTION);
    }

    @Test // infant.md P10: all HEI, AZT + NVP 6 weeks (secondary) then NVP 6 more weeks, 12 weeks, extended if not suppressed (unverified)
    void P10_prophylaxis_for_all_HEI() {
      assertThat(KE.get(Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS)).isEqualTo(42);
      assertThat(mark(KE, Key.PROPHYLAXIS_HIGH_FIRST_PHASE_DAYS)).isEqualTo(SECONDARY);
      assertThat(KE.get(Key.PROPHYLAXIS_LOW_BREASTFED_DAYS)).isEqualTo(84);
      assertThat(KE.get(Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS)).isEqualTo(84);
      assertThat(KE.get(Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS)).isEqualTo(84);
      assertThat(KE.get(Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS)).isEqualTo(84);
      assertThat(KE.get(Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).isTrue();
      assertThat(marks(KE, Key.PROPHYLAXIS_LOW_BREASTFED_DAYS, Key.PROPHYLAXIS_LOW_REPLACEMENT_DAYS,
          Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS, Key.PROPHYLAXIS_HIGH_REPLACEMENT_DAYS,
          Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION)).containsOnly(UNVERIFIED);
    }

    @Test // infant.md P10 on scenarios.md S1 facts (low risk, breastfed): AZT + NVP 2025-10-10 -> 2025-11-21, then NVP to 2026-01-02
    void P10_two_phases_for_a_low_risk_infant() {
      CaseBuilder s1 = aCase("s1").protocol("KE_2022", "1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
          .startedArt(of(2025, 4, 28)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
          .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10));
      ProphylaxisPlan plan = s1.file().evaluate(KE, of(2025, 10, 11)).infant(s1.infantA()).orElseThrow().prophylaxis();
      assertThat(plan.regimen()).isEqualTo(ProphylaxisRegimen.AZT_NVP);
      assertThat(plan.firstPhaseEndsOn()).contains(of(2025, 11, 21));
      assertThat(plan.laterRegimen()).contains(ProphylaxisRegimen.NVP);
      assertThat(plan.plannedStopOn()).contains(of(2026, 1, 2));
    }

    @Test // infant.md §3c PCR_6W: window = due = day 42 (or first contact), overdue day 70, closes 6 months; secondary
    void PCR_6W() {
      MilestoneRule r = rule(KE, "PCR_6W");
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.windowOpens()).isEmpty();
      assertThat(r.windowLead()).isEqualTo(Period.ZERO);
      assertThat(r.overdueAfterDue()).contains(Period.ofDays(28));
      assertThat(r.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofMonths(6))));
      assertThat(r.catchUpOnLateRegistration()).isTrue();
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
    }

    @Test // infant.md §3c PCR_6M (closes 12 months) and PCR_12M (closes 18 months): window = due; secondary
    void PCR_6M_and_PCR_12M() {
      MilestoneRule six = rule(KE, "PCR_6M");
      assertThat(due(six)).isEqualTo(Period.ofMonths(6));
      assertThat(six.windowLead()).isEqualTo(Period.ZERO);
      assertThat(six.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofMonths(12))));
      MilestoneRule twelve = rule(KE, "PCR_12M");
      assertThat(due(twelve)).isEqualTo(Period.ofMonths(12));
      assertThat(twelve.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofMonths(18))));
      assertThat(ruleMarks(KE, "PCR_6M", "PCR_12M")).containsOnly(SECONDARY);
      assertThat(Stream.of(six, twelve).map(r -> r.satisfiedBy().testType())).containsOnly(Optional.of("NAT"));
    }

    @Test // infant.md §3c AB_18M: antibody at 18 months, closes 24 months; secondary
    void AB_18M() {
      MilestoneRule r = rule(KE, "AB_18M");
      assertThat(due(r)).isEqualTo(Period.ofMonths(18));
      assertThat(r.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofMonths(24))));
      assertThat(r.satisfiedBy().testType()).contains("ANTIBODY");
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
    }

    @Test // infant.md §3c AB_POST_BF: antibody at cessation + 6 weeks when age >= 18 months, closes 24 months; secondary
    void AB_POST_BF() {
      MilestoneRule r = rule(KE, "AB_POST_BF");
      assertThat(r.anchor()).isEqualTo(Anchor.BREASTFEEDING_END);
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.closes()).isEqualTo(new Closing.At(term(Anchor.BIRTH, Period.ofMonths(24))));
      assertThat(r.appliesWhen().laterThanMilestone()).contains("AB_18M");
      assertThat(r.satisfiedBy().testType()).contains("ANTIBODY");
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
    }

    @Test // infant.md E8: confirmatory PCR after a positive PCR; secondary
    void E8_confirmatory_PCR() {
      MilestoneRule r = rule(KE, "CONFIRMATORY_NAT");
      assertThat(r.anchor()).isEqualTo(Anchor.POSITIVE_RESULT);
      assertThat(due(r)).isEqualTo(Period.ZERO);
      assertThat(r.source().confidence()).isEqualTo(SECONDARY);
    }

    @Test // infant.md C4: CTX from 6 weeks for all HEI; unverified
    void C4_cotrimoxazole_from_6_weeks() {
      MilestoneRule r = rule(KE, "CTX_START");
      assertThat(due(r)).isEqualTo(Period.ofDays(42));
      assertThat(r.windowOpens()).isEmpty();
      assertThat(r.source().confidence()).isEqualTo(UNVERIFIED);
    }

    @Test // infant.md F1 KE: 18 months and 6 weeks after cessation; secondary (§3c, KenyaEMR)
    void F1_final_status_timing() {
      assertThat(KE.get(Key.FINAL_TEST_AGE)).isEqualTo(Period.ofMonths(18));
      assertThat(KE.get(Key.FINAL_TEST_AFTER_CESSATION)).isEqualTo(Period.ofDays(42));
      assertThat(marks(KE, Key.FINAL_TEST_AGE, Key.FINAL_TEST_AFTER_CESSATION)).containsOnly(SECONDARY);
    }

    @Test // rows marked unverified for KE: M1.9, T7, A2, I4, P10 durations, C4; adopted WHO rows
    void unverified_rows_are_marked_unverified() {
      assertThat(marks(KE, Key.EAC_SESSIONS, Key.ADHERENCE_GOOD_FROM, Key.ADHERENCE_FAIR_FROM, Key.RISK_MIN_ART_DAYS,
          Key.RISK_VL_THRESHOLD, Key.PROPHYLAXIS_HIGH_BREASTFED_DAYS, Key.PROPHYLAXIS_UNTIL_MATERNAL_SUPPRESSION))
          .containsOnly(UNVERIFIED);
      assertThat(ruleMarks(KE, "HIV_RETEST_LATE_PREGNANCY", "HIV_RETEST_BREASTFEEDING", "CTX_START", "VL_ROUTINE",
          "INFANT_ART_START", "REPEAT_SAMPLE", "PROPHYLAXIS_STOP")).containsOnly(UNVERIFIED);
    }
  }

  /** The mother's viral-load status the day a single result (sampled and returned that day) is known. */
  static ViralLoadStatus vlStatus(Protocol protocol, ViralLoad result) {
    CaseBuilder b = aCase("vl").protocol(protocol.ref().id(), protocol.ref().version())
        .enrolledAtAnc(of(2025, 1, 6)).startedArt(of(2025, 1, 6)).viralLoad(of(2025, 4, 7), result);
    return b.file().evaluate(protocol, of(2025, 4, 7)).mother().viralLoadStatus();
  }
}
