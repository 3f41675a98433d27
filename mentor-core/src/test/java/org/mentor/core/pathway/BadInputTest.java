package org.mentor.core.pathway;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mentor.core.testing.CaseBuilder.CLINIC;
import static org.mentor.core.testing.CaseBuilder.aCase;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.testing.CaseBuilder;

/**
 * Every hard rule the pathway raises, submitted to a valid case: the exception type, the rule and
 * its literal id, the field, a message naming both, a sensitive value (a date, an id) kept out of
 * the message unless redaction is off while an impossible value (a negative count) is shown, and a
 * case file exactly as it was (STYLE.md §5, DESIGN.md §2). Then every soft rule: the event is
 * accepted and the issue appears on the evaluated case. Then "closed is not absorbing".
 *
 * <p>Dates follow scenarios.md S1 (LMP 2025-01-06, first ANC 2025-04-28, birth 2025-10-10).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {
  private static final Protocol WHO = Protocol.who2021();
  private static final LocalDate LMP_2025_01_06 = of(2025, 1, 6);
  private static final LocalDate ANC1_2025_04_28 = of(2025, 4, 28);
  private static final LocalDate JUN_02_2025 = of(2025, 6, 2);
  private static final LocalDate JUL_28_2025 = of(2025, 7, 28);
  private static final LocalDate JUL_27_2025 = of(2025, 7, 27);
  private static final LocalDate BIRTH_2025_10_10 = of(2025, 10, 10);
  private static final LocalDate DAY_BEFORE_BIRTH_2025_10_09 = of(2025, 10, 9);
  private static final LocalDate OCT_12_2025 = of(2025, 10, 12);
  private static final LocalDate NOV_21_2025 = of(2025, 11, 21);
  private static final LocalDate NOV_20_2025 = of(2025, 11, 20);
  private static final InfantId NEVER_BORN = new InfantId(UUID.fromString("00000000-0000-4000-8000-00000000beef"));
  private static final EventId BAD = EventId.of("bad-event-77");

  /** Hard rules with a test in this class (the meta-test below keeps the list honest against {@link Rule}). */
  private static final Set<String> TESTED_HERE = Set.of("EVT-001", "EVT-002", "EVT-003", "EVT-004", "EVT-005", "EVT-006", "CASE-002",
      "CASE-003", "ENR-001", "ENR-002", "INF-001", "INF-002", "INF-003", "EID-001", "LAB-001", "VL-001", "ADH-001", "ADH-002",
      "ADH-003", "ADH-004", "ARV-001", "DEL-001", "DEL-002", "DEL-003", "DEL-004");

  /** Hard rules the facade raises (tested in {@code MentorTest}); PRO-* and JSON-* are matched by prefix below. */
  private static final Set<String> TESTED_WITH_THE_FACADE = Set.of("CASE-001", "CASE-004", "CASE-005", "CASE-006");

  /** Enrolled HIV-positive at the first ANC visit with ART started that day: ids case-e1, case-e2. */
  private static CaseBuilder antenatal() {
    return aCase("case").lmp(LMP_2025_01_06).enrolledAtAnc(ANC1_2025_04_28).startedArt(ANC1_2025_04_28);
  }

  /** {@link #antenatal()}, delivered on 2025-10-10 (case-e3), breastfed (e4), NVP from birth (e5). */
  private static CaseBuilder delivered() {
    return antenatal().delivered(BIRTH_2025_10_10).breastfed().prophylaxisStarted(BIRTH_2025_10_10);
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  /**
   * Submits a bad event, asserts it was refused by the rule, with the field, and that the file is
   * exactly as it was.
   */
  private static InvalidEventException refused(CaseFile file, ThrowingCallable submit, String ruleId, Rule rule, String field) {
    long version = file.version();
    List<PathwayEvent> history = List.copyOf(file.history());
    Facts facts = file.facts();
    CaseFile rebuilt = CaseFile.replay(file.caseId(), history);

    InvalidEventException refusal = catchThrowableOfType(InvalidEventException.class, submit);

    assertThat(refusal).as("refused with InvalidEventException").isNotNull();
    assertThat(refusal.rule()).isEqualTo(rule);
    assertThat(refusal.rule().id()).isEqualTo(ruleId);
    assertThat(refusal.rule().severity()).isEqualTo(Rule.Severity.HARD);
    assertThat(refusal.field()).isEqualTo(field);
    assertThat(refusal.getMessage()).contains(field).contains("[" + ruleId + ":");
    assertThat(refusal.redacted()).as("redaction is on by default").isTrue();
    assertThat(file.version()).isEqualTo(version);
    assertThat(file.history()).isEqualTo(history);
    assertThat(file.facts()).isSameAs(facts).isEqualTo(rebuilt.facts());
    assertThat(file).isEqualTo(rebuilt);
    return refusal;
  }

  /** A sensitive value is carried for the caller's code but left out of the message unless redaction is off. */
  private static void assertRedacted(InvalidEventException refusal, Object sensitive) {
    assertThat(refusal.rejectedValue()).contains(sensitive);
    assertThat(refusal.getMessage()).doesNotContain(sensitive.toString()).contains("(value redacted)");
    assertThat(refusal.withRedaction(false).getMessage()).contains(refusal.field() + " " + sensitive);
  }

  /** An impossible value may be echoed even with redaction on. */
  private static void assertEchoed(InvalidEventException refusal, Object impossible) {
    assertThat(refusal.rejectedValue()).contains(impossible);
    assertThat(refusal.getMessage()).contains(refusal.field() + " " + impossible + " ").doesNotContain("(value redacted)");
  }

  /** Nothing of the submitted event's identity or dates reaches the message. */
  private static void assertNotInMessage(InvalidEventException refusal, Object... sensitive) {
    for (Object value : sensitive) {
      assertThat(refusal.getMessage()).doesNotContain(value.toString());
    }
  }

  @Nested
  class Infant_events {
    @Test // EID-001
    void given_a_birth_on_2025_10_10_when_a_NAT_sampled_on_2025_10_09_is_recorded_then_EID_001_refuses_it() {
      CaseBuilder built = delivered();
      CaseFile file = built.file();
      InfantHivTested early = new InfantHivTested(BAD, DAY_BEFORE_BIRTH_2025_10_09, noon(DAY_BEFORE_BIRTH_2025_10_09), CLINIC,
          built.infantA(), InfantTestType.NAT, InfantTestResult.NEGATIVE, Optional.of(DAY_BEFORE_BIRTH_2025_10_09));

      InvalidEventException refusal = refused(file, () -> file.record(early), "EID-001", Rule.TEST_BEFORE_BIRTH,
          "infantTest.sampleDate");

      assertRedacted(refusal, DAY_BEFORE_BIRTH_2025_10_09);
      assertNotInMessage(refusal, BAD, built.infantA());
    }

    @Test // INF-002
    void given_a_birth_on_2025_10_10_when_prophylaxis_is_recorded_as_started_on_2025_10_09_then_INF_002_refuses_it() {
      CaseBuilder built = delivered();
      CaseFile file = built.file();
      InfantProphylaxisStarted early = new InfantProphylaxisStarted(BAD, DAY_BEFORE_BIRTH_2025_10_09,
          noon(DAY_BEFORE_BIRTH_2025_10_09), CLINIC, built.infantA(), ProphylaxisRegimen.NVP);

      InvalidEventException refusal = refused(file, () -> file.record(early), "INF-002", Rule.INFANT_EVENT_BEFORE_BIRTH,
          "infantProphylaxisStarted.occurredOn");

      assertRedacted(refusal, DAY_BEFORE_BIRTH_2025_10_09);
      assertNotInMessage(refusal, BAD, built.infantA());
    }

    @Test // INF-001
    void given_a_delivered_case_when_a_test_names_an_infant_not_born_in_it_then_INF_001_refuses_it() {
      CaseFile file = delivered().file();
      InfantHivTested stranger = new InfantHivTested(BAD, NOV_21_2025, noon(NOV_21_2025), CLINIC, NEVER_BORN,
          InfantTestType.NAT, InfantTestResult.PENDING, Optional.empty());

      InvalidEventException refusal = refused(file, () -> file.record(stranger), "INF-001", Rule.INFANT_UNKNOWN,
          "infantHivTested.infantId");

      assertRedacted(refusal, NEVER_BORN);
      assertNotInMessage(refusal, BAD, "2025-11-21");
    }

    @Test // INF-001 before any delivery
    void given_a_case_not_yet_delivered_when_an_infant_event_arrives_then_INF_001_refuses_it() {
      CaseFile file = antenatal().file();
      FeedingRecorded feeding = new FeedingRecorded(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, NEVER_BORN,
          FeedingMode.EXCLUSIVE_BREASTFEEDING);

      InvalidEventException refusal = refused(file, () -> file.record(feeding), "INF-001", Rule.INFANT_UNKNOWN,
          "feedingRecorded.infantId");

      assertRedacted(refusal, NEVER_BORN);
    }

    @Test // INF-003
    void given_a_stillbirth_when_an_infant_care_event_names_the_stillborn_infant_then_INF_003_refuses_it() {
      CaseBuilder built = antenatal().stillbirth(BIRTH_2025_10_10);
      CaseFile file = built.file();
      InfantProphylaxisStarted prophylaxis = new InfantProphylaxisStarted(BAD, BIRTH_2025_10_10, noon(BIRTH_2025_10_10), CLINIC,
          built.infantA(), ProphylaxisRegimen.NVP);

      InvalidEventException refusal = refused(file, () -> file.record(prophylaxis), "INF-003", Rule.STILLBORN_INFANT,
          "infantProphylaxisStarted.infantId");

      assertRedacted(refusal, built.infantA());
      assertNotInMessage(refusal, BAD, "2025-10-10");
    }

    @Test // EID-001 on re-fold: a corrected delivery date after a recorded birth NAT
    void given_a_birth_NAT_on_2025_10_10_when_the_delivery_is_corrected_to_2025_10_12_then_EID_001_refuses_the_correction() {
      CaseBuilder built = antenatal().delivered(BIRTH_2025_10_10).nat(BIRTH_2025_10_10, InfantTestResult.NEGATIVE);
      CaseFile file = built.file();
      Delivered recorded = file.facts().delivery().orElseThrow();
      Corrected later = new Corrected(recorded.id(), new Delivered(BAD, OCT_12_2025, noon(OCT_12_2025), CLINIC, recorded.births()));

      InvalidEventException refusal = refused(file, () -> file.record(later), "EID-001", Rule.TEST_BEFORE_BIRTH,
          "infantTest.sampleDate");

      assertRedacted(refusal, BIRTH_2025_10_10);
      assertNotInMessage(refusal, BAD, "2025-10-12", recorded.id());
    }

    @Test // INF-002 on re-fold: a corrected delivery date after a recorded prophylaxis start
    void given_prophylaxis_from_2025_10_10_when_the_delivery_is_corrected_to_2025_10_12_then_INF_002_refuses_the_correction() {
      CaseFile file = delivered().file();
      Delivered recorded = file.facts().delivery().orElseThrow();
      Corrected later = new Corrected(recorded.id(), new Delivered(BAD, OCT_12_2025, noon(OCT_12_2025), CLINIC, recorded.births()));

      InvalidEventException refusal = refused(file, () -> file.record(later), "INF-002", Rule.INFANT_EVENT_BEFORE_BIRTH,
          "delivered.occurredOn");

      assertRedacted(refusal, OCT_12_2025);
    }
  }

  @Nested
  class Counts_and_results {
    @Test // ADH-001
    void given_a_case_on_ART_when_a_pill_count_has_minus_3_remaining_then_ADH_001_refuses_it_and_echoes_minus_3() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, -3, 28, 1)),
          "ADH-001", Rule.NEGATIVE_PILL_COUNT, "pillCount.pillsRemaining");

      assertEchoed(refusal, -3);
      assertThat(refusal.getMessage()).contains("pillCount.pillsRemaining -3 ");
      assertNotInMessage(refusal, BAD, "2025-06-02");
    }

    @Test // ADH-001, dispensed
    void given_a_case_on_ART_when_a_pill_count_has_minus_30_dispensed_then_ADH_001_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, -30, 0, 28, 1)),
          "ADH-001", Rule.NEGATIVE_PILL_COUNT, "pillCount.pillsDispensed");

      assertEchoed(refusal, -30);
    }

    @Test // ADH-002
    void given_30_pills_dispensed_when_31_are_counted_remaining_then_ADH_002_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, 31, 28, 1)),
          "ADH-002", Rule.MORE_REMAINING_THAN_DISPENSED, "pillCount.pillsRemaining");

      assertEchoed(refusal, 31);
      assertNotInMessage(refusal, BAD, "2025-06-02");
    }

    @Test // ADH-003
    void given_a_case_on_ART_when_a_pill_count_is_minus_1_day_after_dispensing_then_ADH_003_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, 2, -1, 1)),
          "ADH-003", Rule.NEGATIVE_DAYS_SINCE_DISPENSING, "pillCount.daysSinceDispensing");

      assertEchoed(refusal, -1);
    }

    @Test // ADH-004
    void given_a_case_on_ART_when_a_pill_count_has_0_daily_doses_then_ADH_004_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, 2, 28, 0)),
          "ADH-004", Rule.DAILY_DOSES_POSITIVE, "pillCount.dailyDoses");

      assertEchoed(refusal, 0);
    }

    @Test // ARV-001
    void given_a_case_on_ART_when_0_pills_or_0_days_are_dispensed_then_ARV_001_refuses_it() {
      CaseFile file = antenatal().file();

      assertEchoed(refused(file, () -> file.record(new ArvsDispensed(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 0, 30)),
          "ARV-001", Rule.DISPENSED_QUANTITY_POSITIVE, "arvsDispensed.quantity"), 0);
      assertEchoed(refused(file, () -> file.record(new ArvsDispensed(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, 0)),
          "ARV-001", Rule.DISPENSED_QUANTITY_POSITIVE, "arvsDispensed.daysSupply"), 0);
    }

    @Test // VL-001
    void given_a_case_on_ART_when_a_viral_load_of_minus_5_copies_is_recorded_then_VL_001_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file, () -> file.record(new ViralLoadResulted(BAD, JUL_28_2025, noon(JUL_28_2025),
          CLINIC, JUL_28_2025, ViralLoad.copies(-5))), "VL-001", Rule.NEGATIVE_VIRAL_LOAD, "viralLoad.copiesPerMl");

      assertEchoed(refusal, -5);
      assertNotInMessage(refusal, BAD, "2025-07-28");
    }

    @Test // LAB-001, maternal viral load
    void given_a_VL_sampled_on_2025_07_28_when_its_result_is_dated_2025_07_27_then_LAB_001_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file, () -> file.record(new ViralLoadResulted(BAD, JUL_28_2025, noon(JUL_28_2025),
          CLINIC, JUL_27_2025, ViralLoad.copies(45))), "LAB-001", Rule.RESULT_BEFORE_SAMPLE, "viralLoad.resultDate");

      assertRedacted(refusal, JUL_27_2025);
      assertNotInMessage(refusal, BAD, "2025-07-28", "45");
    }

    @Test // LAB-001, infant test
    void given_a_NAT_sampled_on_2025_11_21_when_its_result_is_dated_2025_11_20_then_LAB_001_refuses_it() {
      CaseBuilder built = delivered();
      CaseFile file = built.file();

      InvalidEventException refusal = refused(file, () -> file.record(new InfantHivTested(BAD, NOV_21_2025, noon(NOV_21_2025),
          CLINIC, built.infantA(), InfantTestType.NAT, InfantTestResult.NEGATIVE, Optional.of(NOV_20_2025))),
          "LAB-001", Rule.RESULT_BEFORE_SAMPLE, "infantTest.resultDate");

      assertRedacted(refusal, NOV_20_2025);
      assertNotInMessage(refusal, BAD, "2025-11-21", built.infantA());
    }
  }

  @Nested
  class Deliveries {
    @Test // DEL-001
    void given_LMP_2025_01_06_when_a_delivery_on_2025_01_05_is_recorded_then_DEL_001_refuses_it() {
      CaseBuilder built = antenatal();
      CaseFile file = built.file();
      LocalDate dayBeforeLmp = of(2025, 1, 5);
      Delivered early = new Delivered(BAD, dayBeforeLmp, noon(dayBeforeLmp), CLINIC,
          ImmutableList.of(Birth.live(built.infantA(), Birth.Sex.FEMALE, 3100)));

      InvalidEventException refusal = refused(file, () -> file.record(early), "DEL-001", Rule.DELIVERY_BEFORE_PREGNANCY,
          "delivered.occurredOn");

      assertRedacted(refusal, dayBeforeLmp);
      assertNotInMessage(refusal, BAD, built.infantA());
    }

    @Test // DEL-001, the boundary: the check refuses a delivery on the LMP day itself
    void given_LMP_2025_01_06_when_a_delivery_on_2025_01_06_is_recorded_then_DEL_001_refuses_it() {
      CaseBuilder built = antenatal();
      CaseFile file = built.file();
      Delivered onLmp = new Delivered(BAD, LMP_2025_01_06, noon(LMP_2025_01_06), CLINIC,
          ImmutableList.of(Birth.live(built.infantA(), Birth.Sex.FEMALE, 3100)));

      assertRedacted(refused(file, () -> file.record(onLmp), "DEL-001", Rule.DELIVERY_BEFORE_PREGNANCY, "delivered.occurredOn"),
          LMP_2025_01_06);
    }

    @Test // DEL-001 on re-fold: a corrected LMP after the recorded delivery
    void given_a_delivery_on_2025_10_10_when_the_LMP_is_corrected_to_2025_10_11_then_DEL_001_refuses_the_correction() {
      CaseFile file = delivered().file();
      Enrolled enrolled = file.facts().enrolment().orElseThrow();
      Corrected lmpAfterBirth = new Corrected(enrolled.id(), new Enrolled(BAD, enrolled.occurredOn(), noon(OCT_12_2025), CLINIC,
          enrolled.motherId(), enrolled.protocol(), enrolled.hivStatus(), Optional.of(of(2025, 10, 11)), Optional.empty(),
          Optional.empty()));

      InvalidEventException refusal = refused(file, () -> file.record(lmpAfterBirth), "DEL-001", Rule.DELIVERY_BEFORE_PREGNANCY,
          "delivered.occurredOn");

      assertRedacted(refusal, BIRTH_2025_10_10);
    }

    @Test // DEL-002
    void given_a_case_when_a_delivery_without_births_is_recorded_then_DEL_002_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file, () -> file.record(new Delivered(BAD, BIRTH_2025_10_10, noon(BIRTH_2025_10_10),
          CLINIC, ImmutableList.of())), "DEL-002", Rule.DELIVERY_WITHOUT_BIRTHS, "delivered.births");

      assertEchoed(refusal, 0);
      assertNotInMessage(refusal, BAD, "2025-10-10");
    }

    @Test // DEL-002, twins with one id
    void given_a_case_when_twins_are_recorded_with_one_infant_id_then_DEL_002_refuses_it() {
      CaseBuilder built = antenatal();
      CaseFile file = built.file();
      Birth twin = Birth.live(built.infantA(), Birth.Sex.FEMALE, 2400);

      InvalidEventException refusal = refused(file, () -> file.record(new Delivered(BAD, BIRTH_2025_10_10, noon(BIRTH_2025_10_10),
          CLINIC, ImmutableList.of(twin, twin))), "DEL-002", Rule.DELIVERY_WITHOUT_BIRTHS, "delivered.births");

      assertEchoed(refusal, 2);
      assertNotInMessage(refusal, built.infantA());
    }

    @Test // DEL-003
    void given_a_delivery_on_2025_10_10_when_a_second_delivery_on_2025_10_12_is_recorded_then_DEL_003_refuses_it() {
      CaseFile file = delivered().file();
      Delivered second = new Delivered(BAD, OCT_12_2025, noon(OCT_12_2025), CLINIC,
          ImmutableList.of(Birth.live(NEVER_BORN, Birth.Sex.MALE, 2900)));

      InvalidEventException refusal = refused(file, () -> file.record(second), "DEL-003", Rule.DELIVERED_TWICE, "delivered.id");

      assertRedacted(refusal, BAD);
      assertNotInMessage(refusal, "2025-10-12", NEVER_BORN);
    }

    @Test // DEL-004, and its inclusive bounds 200 g and 7000 g
    void given_a_case_when_a_birth_weighs_150_g_or_7001_g_then_DEL_004_refuses_it_and_200_g_and_7000_g_are_accepted() {
      CaseBuilder built = antenatal();
      CaseFile file = built.file();

      assertEchoed(refused(file, () -> file.record(new Delivered(BAD, BIRTH_2025_10_10, noon(BIRTH_2025_10_10), CLINIC,
          ImmutableList.of(Birth.live(built.infantA(), Birth.Sex.FEMALE, 150)))), "DEL-004", Rule.BIRTH_WEIGHT_RANGE,
          "birth.birthWeightGrams"), 150);
      assertEchoed(refused(file, () -> file.record(new Delivered(BAD, BIRTH_2025_10_10, noon(BIRTH_2025_10_10), CLINIC,
          ImmutableList.of(Birth.live(built.infantA(), Birth.Sex.FEMALE, 7001)))), "DEL-004", Rule.BIRTH_WEIGHT_RANGE,
          "birth.birthWeightGrams"), 7001);
      assertThat(Birth.live(built.infantA(), Birth.Sex.FEMALE, 200).birthWeightGrams()).contains(200);
      assertThat(Birth.live(built.infantA(), Birth.Sex.FEMALE, 7000).birthWeightGrams()).contains(7000);
    }
  }

  @Nested
  class Identity_corrections_and_voids {
    @Test // EVT-001
    void given_ART_started_as_case_e2_when_a_mentor_visit_reuses_id_case_e2_then_EVT_001_refuses_it() {
      CaseFile file = antenatal().file();
      EventId art = EventId.of("case-e2");

      InvalidEventException refusal = refused(file,
          () -> file.record(new MentorVisited(art, JUN_02_2025, noon(JUN_02_2025), CLINIC, ContactMode.HOME)),
          "EVT-001", Rule.EVENT_ID_REUSED, "mentorVisited.id");

      assertRedacted(refusal, art);
      assertNotInMessage(refusal, "2025-06-02");
    }

    @Test // EVT-001, same kind, other date
    void given_ART_started_on_2025_04_28_as_case_e2_when_case_e2_arrives_dated_2025_06_02_then_EVT_001_refuses_it() {
      CaseFile file = antenatal().file();
      EventId art = EventId.of("case-e2");

      assertRedacted(refused(file, () -> file.record(new ArtStarted(art, JUN_02_2025, noon(JUN_02_2025), CLINIC, Regimen.TLD)),
          "EVT-001", Rule.EVENT_ID_REUSED, "artStarted.id"), art);
    }

    @Test // EVT-002, correction
    void given_a_case_when_a_correction_names_an_event_never_recorded_then_EVT_002_refuses_it() {
      CaseFile file = antenatal().file();
      EventId unknown = EventId.of("never-recorded-1");

      InvalidEventException refusal = refused(file, () -> file.record(new Corrected(unknown,
          new MentorVisited(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, ContactMode.HOME))),
          "EVT-002", Rule.TARGET_UNKNOWN, "corrected.corrects");

      assertRedacted(refusal, unknown);
      assertNotInMessage(refusal, BAD, "2025-06-02");
    }

    @Test // EVT-002, void
    void given_a_case_when_a_void_names_an_event_never_recorded_then_EVT_002_refuses_it() {
      CaseFile file = antenatal().file();
      EventId unknown = EventId.of("never-recorded-2");

      assertRedacted(refused(file, () -> file.record(new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, unknown, "error")),
          "EVT-002", Rule.TARGET_UNKNOWN, "voided.voids"), unknown);
    }

    @Test // EVT-003
    void given_ART_started_as_case_e2_when_a_correction_replaces_it_with_a_mentor_visit_then_EVT_003_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file, () -> file.record(new Corrected(EventId.of("case-e2"),
          new MentorVisited(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, ContactMode.HOME))),
          "EVT-003", Rule.CORRECTION_CHANGES_KIND, "corrected.replacement.kind");

      assertEchoed(refusal, EventKind.MENTOR_VISITED);
      assertNotInMessage(refusal, "case-e2", BAD, "2025-06-02");
    }

    @Test // EVT-003, a correction of a void
    void given_a_void_when_a_correction_names_the_void_then_EVT_003_refuses_it() {
      CaseFile file = antenatal().mentorVisit(JUN_02_2025).file()
          .record(new Voided(EventId.of("void-1"), JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("case-e3"), "error"));

      InvalidEventException refusal = refused(file, () -> file.record(new Corrected(EventId.of("void-1"),
          new MentorVisited(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, ContactMode.HOME))),
          "EVT-003", Rule.CORRECTION_CHANGES_KIND, "corrected.replacement.kind");

      assertNotInMessage(refusal, "void-1", BAD);
    }

    @Test // EVT-003, a correction whose replacement is itself a void
    void given_a_case_when_a_correction_carries_a_void_as_its_replacement_then_EVT_003_refuses_it() {
      CaseFile file = antenatal().file();

      assertEchoed(refused(file, () -> file.record(new Corrected(EventId.of("case-e2"),
          new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("case-e2"), "error"))),
          "EVT-003", Rule.CORRECTION_CHANGES_KIND, "corrected.replacement.kind"), EventKind.VOIDED);
    }

    @Test // EVT-004: the rule, the field and an unchanged file
    void given_a_void_when_a_second_void_names_the_first_then_EVT_004_refuses_it() {
      CaseFile file = antenatal().mentorVisit(JUN_02_2025).file()
          .record(new Voided(EventId.of("void-1"), JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("case-e3"), "error"));

      InvalidEventException refusal = refused(file,
          () -> file.record(new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("void-1"), "error")),
          "EVT-004", Rule.VOID_OF_VOID, "voided.voids");

      assertThat(refusal.rejectedValue()).contains(EventId.of("void-1"));
      assertNotInMessage(refusal, BAD, "2025-06-02");
    }

    @Test // EVT-004: the event id is an identifier and stays out of the message
    void given_a_void_when_a_second_void_names_the_first_then_the_EVT_004_message_leaves_out_the_id() {
      CaseFile file = antenatal().mentorVisit(JUN_02_2025).file()
          .record(new Voided(EventId.of("void-1"), JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("case-e3"), "error"));

      InvalidEventException refusal = refused(file,
          () -> file.record(new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("void-1"), "error")),
          "EVT-004", Rule.VOID_OF_VOID, "voided.voids");

      assertRedacted(refusal, EventId.of("void-1"));
    }

    @Test // EVT-006: voiding the enrolment would leave a case that can neither be evaluated nor re-enrolled
    void given_a_case_when_its_enrolment_is_voided_then_EVT_006_refuses_it() {
      CaseFile file = antenatal().file();

      assertEchoed(refused(file,
          () -> file.record(new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("case-e1"), "error")),
          "EVT-006", Rule.ENROLMENT_VOIDED, "voided.voids"), EventKind.ENROLLED);
    }

    @Test // EVT-006 also holds for a corrected enrolment: the chain's content is an enrolment
    void given_a_corrected_enrolment_when_the_correction_is_voided_then_EVT_006_refuses_it() {
      CaseBuilder b = antenatal();
      Enrolled original = (Enrolled) b.events().get(0);
      CaseFile file = b.file().record(new Corrected(original.id(), new Enrolled(EventId.of("fix-enrol"), original.occurredOn(),
          noon(JUN_02_2025), CLINIC, original.motherId(), original.protocol(), original.hivStatus(), original.lmp(),
          original.edd(), original.gestationalAgeDays())));

      refused(file, () -> file.record(new Voided(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, EventId.of("fix-enrol"), "error")),
          "EVT-006", Rule.ENROLMENT_VOIDED, "voided.voids");
    }

    @Test // EVT-005
    void given_a_case_when_a_correction_reuses_the_corrected_id_for_its_replacement_then_EVT_005_refuses_it() {
      CaseFile file = antenatal().file();
      EventId art = EventId.of("case-e2");

      InvalidEventException refusal = refused(file, () -> file.record(new Corrected(art,
          new ArtStarted(art, JUN_02_2025, noon(JUN_02_2025), CLINIC, Regimen.TLD))),
          "EVT-005", Rule.CORRECTION_ID_MISMATCH, "corrected.replacement.id");

      assertRedacted(refusal, art);
      assertNotInMessage(refusal, "2025-06-02");
    }
  }

  @Nested
  class Enrolment {
    private final CaseId caseId = CaseId.of("case");
    private final MotherId mother = MotherId.of("mother-of-case");
    private final ProtocolRef who = new ProtocolRef("WHO_2021", "1");

    private Enrolled enrolment(EventId id, Optional<LocalDate> lmp, Optional<LocalDate> edd, Optional<Integer> gestationalAgeDays) {
      return new Enrolled(id, ANC1_2025_04_28, noon(ANC1_2025_04_28), CLINIC, mother, who, HivStatus.POSITIVE, lmp, edd,
          gestationalAgeDays);
    }

    @Test // CASE-002
    void given_an_empty_file_when_its_first_event_is_an_ART_start_then_CASE_002_refuses_it() {
      CaseFile empty = CaseFile.empty(caseId);

      InvalidEventException refusal = refused(empty,
          () -> empty.record(new ArtStarted(BAD, ANC1_2025_04_28, noon(ANC1_2025_04_28), CLINIC, Regimen.TLD)),
          "CASE-002", Rule.NOT_ENROLLED, "artStarted.kind");

      assertEchoed(refusal, EventKind.ART_STARTED);
      assertNotInMessage(refusal, BAD, "2025-04-28");
      assertThat(empty.version()).isZero();
      assertThat(empty).isEqualTo(CaseFile.empty(caseId));
    }

    @Test // CASE-003
    void given_an_enrolled_case_when_a_second_enrolment_arrives_then_CASE_003_refuses_it() {
      CaseFile file = antenatal().file();

      InvalidEventException refusal = refused(file,
          () -> file.record(enrolment(BAD, Optional.of(LMP_2025_01_06), Optional.empty(), Optional.empty())),
          "CASE-003", Rule.ENROLLED_TWICE, "enrolled.id");

      assertRedacted(refusal, BAD);
      assertNotInMessage(refusal, "2025-04-28", "2025-01-06", mother);
    }

    @Test // ENR-001, and its inclusive bounds 0 and 45 weeks (315 days)
    void given_an_empty_file_when_the_gestational_age_is_316_days_or_minus_1_then_ENR_001_refuses_it() {
      CaseFile empty = CaseFile.empty(caseId);

      assertEchoed(refused(empty, () -> empty.record(enrolment(BAD, Optional.empty(), Optional.empty(), Optional.of(316))),
          "ENR-001", Rule.GESTATIONAL_AGE_RANGE, "enrolled.gestationalAgeDays"), 316);
      assertEchoed(refused(empty, () -> empty.record(enrolment(BAD, Optional.empty(), Optional.empty(), Optional.of(-1))),
          "ENR-001", Rule.GESTATIONAL_AGE_RANGE, "enrolled.gestationalAgeDays"), -1);
      assertThat(CaseFile.enrol(caseId, enrolment(BAD, Optional.empty(), Optional.empty(), Optional.of(315))).version()).isEqualTo(1);
      assertThat(CaseFile.enrol(caseId, enrolment(BAD, Optional.empty(), Optional.empty(), Optional.of(0))).version()).isEqualTo(1);
    }

    @Test // ENR-002: EDD = LMP + 280 days = 2025-10-13; 14 days apart agree, 15 do not
    void given_LMP_2025_01_06_when_the_EDD_is_2025_10_28_then_ENR_002_refuses_it_and_2025_10_27_is_accepted() {
      CaseFile empty = CaseFile.empty(caseId);
      LocalDate fifteenDaysOff = of(2025, 10, 28);

      InvalidEventException refusal = refused(empty,
          () -> empty.record(enrolment(BAD, Optional.of(LMP_2025_01_06), Optional.of(fifteenDaysOff), Optional.empty())),
          "ENR-002", Rule.DATING_CONFLICT, "enrolled.edd");

      assertRedacted(refusal, fifteenDaysOff);
      assertNotInMessage(refusal, "2025-01-06", BAD);
      assertThat(CaseFile.enrol(caseId, enrolment(BAD, Optional.of(LMP_2025_01_06), Optional.of(of(2025, 10, 27)), Optional.empty()))
          .facts().enrolment().orElseThrow().datedLmp()).contains(of(2025, 1, 20));
      assertThat(refused(empty, () -> empty.record(enrolment(BAD, Optional.of(LMP_2025_01_06), Optional.of(of(2025, 9, 28)),
          Optional.empty())), "ENR-002", Rule.DATING_CONFLICT, "enrolled.edd").rejectedValue()).contains(of(2025, 9, 28));
    }
  }

  @Test
  void every_hard_rule_has_a_test_here_or_is_tested_where_it_is_raised() {
    List<String> untested = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      String id = rule.id();
      boolean elsewhere = TESTED_WITH_THE_FACADE.contains(id)
          || id.startsWith("PRO-") // ProtocolLoader: refused protocol files, tested with the protocols
          || id.startsWith("JSON-"); // the JSON form of events: not checked in mentor-core yet (docs/rules.md)
      if (rule.severity() == Rule.Severity.HARD && !TESTED_HERE.contains(id) && !elsewhere) {
        untested.add(id);
      }
    }
    assertThat(untested).as("hard rules with no test").isEmpty();
    assertThat(TESTED_HERE).allMatch(id -> Arrays.stream(Rule.values())
        .anyMatch(r -> r.id().equals(id) && r.severity() == Rule.Severity.HARD));
  }

  /** Soft rules: the event is accepted (the version moves on) and the issue is on the evaluated case. */
  @Nested
  class Soft_rules {
    private CaseState acceptedWithIssue(CaseBuilder built, PathwayEvent event, LocalDate asOf, DataQualityIssue issue) {
      CaseFile before = built.file();
      CaseFile after = before.record(event);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.history()).endsWith(event);
      CaseState state = after.evaluate(WHO, asOf);
      assertThat(state.issues()).contains(issue);
      assertThat(issue.rule().severity()).isEqualTo(Rule.Severity.SOFT);
      return state;
    }

    @Test // DQ-001
    void given_a_transfer_out_on_2025_06_02_when_an_appointment_is_kept_on_2025_06_16_then_DQ_001_flags_an_implicit_return() {
      CaseBuilder built = antenatal().transferredOut(JUN_02_2025);
      LocalDate visit = of(2025, 6, 16);
      AppointmentKept kept = new AppointmentKept(BAD, visit, noon(visit), CLINIC, visit);

      CaseState state = acceptedWithIssue(built, kept, visit, new DataQualityIssue(Rule.VISIT_AFTER_TRANSFER_OUT, BAD, visit));

      assertThat(state.issues()).extracting(i -> i.rule().id()).contains("DQ-001");
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.IN_CARE);
    }

    @Test // DQ-002
    void given_the_mother_died_on_2025_06_02_when_a_VL_sampled_on_2025_06_10_arrives_then_DQ_002_flags_it() {
      CaseBuilder built = antenatal().died(JUN_02_2025);
      LocalDate sample = of(2025, 6, 10);
      ViralLoadResulted vl = new ViralLoadResulted(BAD, sample, noon(sample), CLINIC, sample, ViralLoad.copies(45));

      CaseState state = acceptedWithIssue(built, vl, sample, new DataQualityIssue(Rule.VIRAL_LOAD_AFTER_DEATH, BAD, sample));

      assertThat(state.issues()).filteredOn(i -> i.eventId().equals(BAD)).extracting(i -> i.rule().id()).containsExactly("DQ-002");
    }

    @Test // DQ-003
    void given_an_HIV_negative_enrolment_and_a_positive_test_on_2025_06_05_when_ART_is_dated_2025_06_02_then_DQ_003_flags_it() {
      LocalDate test = of(2025, 6, 5);
      CaseBuilder built = aCase("case").lmp(LMP_2025_01_06).enrolledAtAnc(ANC1_2025_04_28, HivStatus.NEGATIVE)
          .hivTest(test, HivTestResult.POSITIVE);

      CaseState state = acceptedWithIssue(built, new ArtStarted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, Regimen.TLD), test,
          new DataQualityIssue(Rule.ART_BEFORE_DIAGNOSIS, BAD, JUN_02_2025));

      assertThat(state.issues()).extracting(i -> i.rule().id()).contains("DQ-003");
      assertThat(state.mother().artStatus()).isEqualTo(ArtStatus.ON_ART);
    }

    @Test // DQ-004
    void given_an_infant_with_no_positive_result_when_infant_ART_starts_on_2025_11_01_then_DQ_004_flags_the_transition() {
      CaseBuilder built = delivered();
      LocalDate start = of(2025, 11, 1);

      CaseState state = acceptedWithIssue(built, new InfantArtStarted(BAD, start, noon(start), CLINIC, built.infantA()), start,
          new DataQualityIssue(Rule.UNEXPECTED_TRANSITION, BAD, start));

      assertThat(state.infant(built.infantA()).orElseThrow().hivStatus()).isEqualTo(InfantStatus.EXPOSED);
    }

    @Test // DQ-005
    void given_infant_events_after_a_delivery_when_the_delivery_is_voided_then_each_is_kept_as_an_orphan_with_DQ_005() {
      CaseBuilder built = delivered().nat(NOV_21_2025, InfantTestResult.NEGATIVE);
      LocalDate voidedOn = of(2025, 12, 1);
      Voided voided = new Voided(BAD, voidedOn, noon(voidedOn), CLINIC, EventId.of("case-e3"), "wrong patient");

      CaseState state = acceptedWithIssue(built, voided, voidedOn,
          new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e6"), NOV_21_2025));

      assertThat(state.issues()).filteredOn(i -> i.rule() == Rule.ORPHANED_INFANT_EVENT).containsExactly(
          new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e4"), BIRTH_2025_10_10),
          new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e5"), BIRTH_2025_10_10),
          new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e6"), NOV_21_2025));
      assertThat(state.infants()).isEmpty();
      assertThat(state.phaseStatus()).isEqualTo(Phase.ANTENATAL);
    }

    @Test // DQ-005 after a correction: infant ids are UUIDs, so the remaining twin keeps its identity
    void given_twins_when_the_delivery_is_corrected_to_one_live_birth_then_the_second_twins_events_are_orphans_with_DQ_005() {
      CaseBuilder built = antenatal().deliveredTwins(BIRTH_2025_10_10).breastfed();
      Delivered twins = built.file().facts().delivery().orElseThrow();
      LocalDate correctedOn = of(2025, 10, 12);
      Corrected single = new Corrected(twins.id(), new Delivered(BAD, BIRTH_2025_10_10, noon(correctedOn), CLINIC,
          ImmutableList.of(twins.births().get(0))));

      CaseState state = acceptedWithIssue(built, single, correctedOn,
          new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e5"), BIRTH_2025_10_10));

      assertThat(state.infants()).extracting(InfantState::infantId).containsExactly(built.infantA());
      assertThat(state.issues()).filteredOn(i -> i.rule() == Rule.ORPHANED_INFANT_EVENT).hasSize(1);
    }

    @Test // DQ-006, the mother
    void given_the_mother_died_on_2025_06_02_when_a_pill_count_on_2025_06_05_arrives_then_DQ_006_flags_it() {
      CaseBuilder built = antenatal().died(JUN_02_2025);
      LocalDate count = of(2025, 6, 5);

      acceptedWithIssue(built, new PillCounted(BAD, count, noon(count), CLINIC, 30, 2, 28, 1), count,
          new DataQualityIssue(Rule.EVENT_AFTER_DEATH, BAD, count));
    }

    @Test // DQ-006, an infant
    void given_an_infant_died_on_2025_10_30_when_a_NAT_sampled_on_2025_11_21_arrives_then_DQ_006_flags_it() {
      CaseBuilder built = delivered();
      built.infantDied(built.infantA(), of(2025, 10, 30));

      acceptedWithIssue(built, new InfantHivTested(BAD, NOV_21_2025, noon(NOV_21_2025), CLINIC, built.infantA(), InfantTestType.NAT,
          InfantTestResult.NEGATIVE, Optional.of(NOV_21_2025)), NOV_21_2025,
          new DataQualityIssue(Rule.EVENT_AFTER_DEATH, BAD, NOV_21_2025));
    }

    @Test // DQ-007: maternal.md A1, above 105 % is flagged: 30 pills in 28 days = 107 %; 21 in 20 days = 105 % is not
    void given_30_pills_taken_in_28_days_when_counted_then_DQ_007_flags_107_percent_and_105_percent_is_not_flagged() {
      CaseBuilder built = antenatal();
      CaseState state = acceptedWithIssue(built, new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 30, 0, 28, 1),
          JUN_02_2025, new DataQualityIssue(Rule.PILL_COUNT_IMPLAUSIBLE, BAD, JUN_02_2025));
      assertThat(state.mother().adherenceBand()).isEqualTo(AdherenceBand.CHECK_COUNT);

      CaseState exact = antenatal().file()
          .record(new PillCounted(BAD, JUN_02_2025, noon(JUN_02_2025), CLINIC, 21, 0, 20, 1)).evaluate(WHO, JUN_02_2025);
      assertThat(exact.issues()).noneMatch(i -> i.rule() == Rule.PILL_COUNT_IMPLAUSIBLE);
    }

    @Test // DQ-008: infant.md §2, a start more than 72 hours after birth is flagged
    void given_a_birth_on_2025_10_10_when_prophylaxis_starts_on_2025_10_14_then_DQ_008_flags_it_and_2025_10_13_is_not_flagged() {
      CaseBuilder built = antenatal().delivered(BIRTH_2025_10_10).breastfed();
      LocalDate fourDays = of(2025, 10, 14);
      acceptedWithIssue(built, new InfantProphylaxisStarted(BAD, fourDays, noon(fourDays), CLINIC, built.infantA(),
          ProphylaxisRegimen.NVP), of(2025, 10, 20), new DataQualityIssue(Rule.PROPHYLAXIS_LATE_START, BAD, fourDays));

      LocalDate threeDays = of(2025, 10, 13);
      CaseState inTime = built.file().record(new InfantProphylaxisStarted(BAD, threeDays, noon(threeDays), CLINIC, built.infantA(),
          ProphylaxisRegimen.NVP)).evaluate(WHO, of(2025, 10, 20));
      assertThat(inTime.issues()).noneMatch(i -> i.rule() == Rule.PROPHYLAXIS_LATE_START);
    }
  }

  /** DESIGN.md §2: closed is not absorbing. */
  @Nested
  class Closed_is_not_absorbing {
    @Test
    void given_the_only_infant_died_on_2025_10_30_when_the_death_is_voided_then_the_case_reopens_in_the_postnatal_phase() {
      CaseBuilder built = delivered();
      built.infantDied(built.infantA(), of(2025, 10, 30));
      CaseFile closed = built.file();
      LocalDate asOf = of(2025, 11, 5);
      CaseState before = closed.evaluate(WHO, asOf);
      assertThat(before.phaseStatus()).isEqualTo(Phase.CLOSED);
      assertThat(before.phase().since()).isEqualTo(of(2025, 10, 30));

      CaseFile reopened = closed.record(new Voided(BAD, asOf, noon(asOf), CLINIC, EventId.of("case-e6"), "wrong infant"));

      CaseState after = reopened.evaluate(WHO, asOf);
      assertThat(after.phaseStatus()).isEqualTo(Phase.POSTNATAL);
      assertThat(after.phase().since()).isEqualTo(BIRTH_2025_10_10);
      assertThat(after.infant(built.infantA()).orElseThrow().hivStatus()).isEqualTo(InfantStatus.EXPOSED);
      assertThat(after.infant(built.infantA()).orElseThrow().outcome()).isEmpty();
    }

    @Test
    void given_a_transfer_out_before_delivery_closed_the_case_when_she_returns_on_2025_06_20_then_it_is_antenatal_again() {
      CaseBuilder built = antenatal().transferredOut(JUN_02_2025);
      assertThat(built.file().evaluate(WHO, of(2025, 6, 10)).phaseStatus()).isEqualTo(Phase.CLOSED);

      LocalDate back = of(2025, 6, 20);
      CaseState state = built.file().record(new ReturnedToCare(BAD, back, noon(back), CLINIC)).evaluate(WHO, back);

      assertThat(state.phaseStatus()).isEqualTo(Phase.ANTENATAL);
      assertThat(state.phase().since()).isEqualTo(back);
      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.IN_CARE);
    }

    @Test // Rule DQ-005: an orphaned infant event is kept but ignored
    void given_a_case_closed_by_a_transfer_out_when_a_voided_delivery_leaves_an_infant_transfer_in_orphaned_then_it_stays_closed() {
      CaseBuilder built = antenatal().transferredOut(JUN_02_2025).delivered(BIRTH_2025_10_10);
      LocalDate infantBack = of(2025, 10, 20);
      built.add(new TransferredIn(EventId.of("case-e5"), infantBack, noon(infantBack), CLINIC, Subject.infant(built.infantA())));
      LocalDate voidedOn = of(2025, 11, 1);
      CaseFile file = built.file().record(new Voided(BAD, voidedOn, noon(voidedOn), CLINIC, EventId.of("case-e4"), "wrong patient"));

      CaseState state = file.evaluate(WHO, voidedOn);

      assertThat(state.issues()).contains(new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, EventId.of("case-e5"), infantBack));
      assertThat(state.phaseStatus()).isEqualTo(Phase.CLOSED);
      assertThat(state.phase().since()).isEqualTo(JUN_02_2025);
    }

    @Test // maternal.md R1, R4: appointment 2025-09-08 missed, interruption from 2025-10-06, return on 2025-10-20
    void given_an_interruption_since_2025_10_06_when_she_returns_on_2025_10_20_then_retention_is_RETURNED() {
      CaseBuilder built = antenatal().kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));
      CaseState interrupted = built.file().evaluate(WHO, of(2025, 10, 19));
      assertThat(interrupted.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
      assertThat(interrupted.mother().retention().since()).isEqualTo(of(2025, 10, 6));

      LocalDate back = of(2025, 10, 20);
      CaseState state = built.file().record(new ReturnedToCare(BAD, back, noon(back), CLINIC)).evaluate(WHO, back);

      assertThat(state.mother().retentionStatus()).isEqualTo(Retention.RETURNED);
      assertThat(state.mother().retention().since()).isEqualTo(back);
      assertThat(state.mother().retention().triggeredBy()).contains(BAD);
    }
  }
}
