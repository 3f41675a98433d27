package org.mentor.core.registry;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.UnknownCaseException;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.ArtStatus;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.ViralLoadStatus;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.testing.CaseBuilder;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CaseRegistryTest {
  private static final LocalDate TODAY = of(2025, 11, 20);
  private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));

  private final CaseRegistry mentor = CaseRegistry.builder().clock(CLOCK).build();

  private void load(CaseBuilder builder) {
    var events = builder.events();
    mentor.enrol(builder.caseId(), (Enrolled) events.get(0));
    events.subList(1, events.size()).forEach(e -> mentor.record(builder.caseId(), e));
  }

  @Test
  void given_a_recorded_case_when_asked_for_today_then_the_state_is_evaluated_on_the_clock_date() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45));
    load(built);
    CaseState state = mentor.state(built.caseId());
    assertThat(state.asOf()).isEqualTo(of(2025, 11, 20));
    assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.SUPPRESSED);
    assertThat(mentor.file(built.caseId()).version()).isEqualTo(3);
  }

  @Test
  void given_a_second_pregnancy_when_evaluated_then_it_sees_the_mothers_ART_and_viral_loads_from_her_first_case() {
    CaseBuilder first = aCase("first").enrolledAtAnc(of(2023, 2, 1)).startedArt(of(2023, 2, 1))
        .viralLoad(of(2025, 6, 1), ViralLoad.copies(3_000));
    load(first);
    Enrolled second = new Enrolled(EventId.of("second-e1"), of(2025, 9, 1), Instant.parse("2025-09-01T10:00:00Z"),
        CaseBuilder.CLINIC, first.motherId(), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
        Optional.of(of(2025, 7, 1)), Optional.empty(), Optional.empty());
    mentor.enrol(CaseId.of("second"), second);

    CaseState state = mentor.state(CaseId.of("second"), of(2025, 9, 2));
    assertThat(mentor.casesOf(first.motherId())).containsExactly(CaseId.of("first"), CaseId.of("second"));
    assertThat(state.mother().artStatus()).isEqualTo(ArtStatus.ON_ART);
    assertThat(state.mother().artStartedOn()).contains(of(2023, 2, 1));
    // 3 000 sampled 2025-06-01: repeat window opens at sample + 3 months - 14 days (maternal.md V7, §3 rule)
    assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.REPEAT_DUE);
    assertThat(state.mother().viralLoad().since()).isEqualTo(of(2025, 8, 18));
    assertThat(mentor.file(CaseId.of("second")).version()).isEqualTo(1);
  }

  @Test
  void given_a_maternal_event_recorded_in_her_first_case_when_corrected_through_the_second_then_the_first_holds_the_correction() {
    CaseBuilder first = aCase("first").enrolledAtAnc(of(2025, 1, 6)).startedArt(of(2025, 1, 6));
    EventId vl = first.nextId();
    first.viralLoad(of(2025, 6, 1), ViralLoad.copies(3_000));
    load(first);
    mentor.enrol(CaseId.of("second"), new Enrolled(EventId.of("second-e1"), of(2025, 9, 1), Instant.parse("2025-09-01T10:00:00Z"),
        CaseBuilder.CLINIC, first.motherId(), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
        Optional.empty(), Optional.empty(), Optional.empty()));

    mentor.record(CaseId.of("second"), new Corrected(vl, new ViralLoadResulted(EventId.of("fix-1"), of(2025, 6, 1),
        Instant.parse("2025-09-02T10:00:00Z"), CaseBuilder.CLINIC, of(2025, 6, 1), ViralLoad.belowLimit(50))));

    assertThat(mentor.file(CaseId.of("first")).version()).isEqualTo(4);
    assertThat(mentor.file(CaseId.of("second")).version()).isEqualTo(1);
    assertThat(mentor.state(CaseId.of("second"), of(2025, 9, 2)).mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.SUPPRESSED);
  }

  @Test
  void given_a_stale_expected_version_when_recording_then_it_is_refused_naming_both_versions_and_nothing_changes() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28));
    load(built);
    PathwayEvent count = new PillCounted(EventId.of("pc-1"), of(2025, 5, 28), Instant.parse("2025-05-28T10:00:00Z"),
        CaseBuilder.CLINIC, 30, 2, 28, 1);

    assertThatThrownBy(() -> mentor.record(built.caseId(), count, 1))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
          assertThat(e.rule().id()).isEqualTo("CASE-005");
          assertThat(e.caseId()).isEqualTo(built.caseId());
          assertThat(e.getMessage()).contains("expected version 1").contains("at 2").doesNotContain("c1");
        });
    assertThat(mentor.file(built.caseId()).version()).isEqualTo(2);
    assertThat(mentor.record(built.caseId(), count, 2)).isEqualTo(3);
  }

  @Test
  void given_an_unknown_case_when_recording_then_CASE_001_is_raised() {
    PathwayEvent count = new PillCounted(EventId.of("pc-1"), of(2025, 5, 28), Instant.parse("2025-05-28T10:00:00Z"),
        CaseBuilder.CLINIC, 30, 2, 28, 1);
    assertThatThrownBy(() -> mentor.record(CaseId.of("nobody"), count))
        .isInstanceOfSatisfying(UnknownCaseException.class, e -> {
          assertThat(e.rule().id()).isEqualTo("CASE-001");
          assertThat(e.field()).isEqualTo("case.id");
          assertThat(e.getMessage()).doesNotContain("nobody");
        });
    assertThat(mentor.caseIds()).isEmpty();
  }

  @Test
  void given_redaction_turned_off_when_an_event_is_refused_then_the_message_shows_the_sensitive_value() {
    CaseRegistry open = CaseRegistry.builder().clock(CLOCK).redactSensitiveValues(false).build();
    CaseBuilder built = aCase("c1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).delivered(of(2025, 10, 10));
    var events = built.events();
    open.enrol(built.caseId(), (Enrolled) events.get(0));
    open.record(built.caseId(), events.get(1));
    built.nat(of(2025, 10, 9), org.mentor.core.pathway.Codes.InfantTestResult.NEGATIVE);
    PathwayEvent early = built.events().get(2);

    assertThatThrownBy(() -> open.record(built.caseId(), early))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.rule().id()).isEqualTo("EID-001");
          assertThat(e.getMessage()).contains("infantTest.sampleDate 2025-10-09").contains("[EID-001:");
        });
    assertThatThrownBy(() -> mentor.state(CaseId.of("c1")))
        .isInstanceOf(UnknownCaseException.class);
  }

  @Test
  void given_redaction_on_when_an_event_is_refused_then_the_message_names_field_and_rule_but_not_the_date() {
    CaseBuilder built = aCase("c1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).delivered(of(2025, 10, 10))
        .nat(of(2025, 10, 9), org.mentor.core.pathway.Codes.InfantTestResult.NEGATIVE);
    var events = built.events();
    mentor.enrol(built.caseId(), (Enrolled) events.get(0));
    mentor.record(built.caseId(), events.get(1));

    assertThatThrownBy(() -> mentor.record(built.caseId(), events.get(2)))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(
              "infantTest.sampleDate (value redacted) breaks a rule [EID-001: a sample cannot precede birth]");
          assertThat(e.rejectedValue()).contains(of(2025, 10, 9));
        });
    assertThat(mentor.file(built.caseId()).version()).isEqualTo(2);
  }

  @Test
  void given_a_result_recorded_after_a_report_when_evaluated_as_known_at_the_report_then_the_report_is_reproduced() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28))
        .appointment(of(2025, 4, 28), of(2025, 5, 26))
        .viralLoad(of(2025, 5, 26), of(2025, 7, 2), ViralLoad.copies(12_000));
    load(built);
    Instant reportSubmitted = Instant.parse("2025-07-01T17:00:00Z");

    CaseState asSubmitted = mentor.state(built.caseId(), of(2025, 6, 30), reportSubmitted);
    CaseState asKnownNow = mentor.state(built.caseId(), of(2025, 6, 30));

    assertThat(asSubmitted.mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);
    assertThat(asKnownNow.mother().retentionStatus()).isEqualTo(Retention.IN_CARE);
  }

  @Test
  void given_an_enrolment_under_an_unconfigured_protocol_when_enrolled_then_CASE_006_is_raised() {
    Enrolled enrolled = new Enrolled(EventId.of("e1"), of(2025, 1, 1), Instant.parse("2025-01-01T10:00:00Z"),
        CaseBuilder.CLINIC, MotherId.of("m1"), new ProtocolRef("XX_2030", "1"), HivStatus.POSITIVE,
        Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> mentor.enrol(CaseId.of("c1"), enrolled))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule().id()).isEqualTo("CASE-006"));
    assertThat(mentor.caseIds()).isEmpty();
  }

  @Test
  void given_a_case_id_already_enrolled_when_enrolled_again_then_CASE_004_is_raised() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28));
    load(built);
    Enrolled again = new Enrolled(EventId.of("other"), of(2025, 4, 29), Instant.parse("2025-04-29T10:00:00Z"),
        CaseBuilder.CLINIC, MotherId.of("m2"), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
        Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> mentor.enrol(built.caseId(), again))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule().id()).isEqualTo("CASE-004"));
    assertThat(mentor.casesOf(MotherId.of("m2"))).isEmpty();
  }

  @Test
  void given_a_case_migrated_to_another_protocol_version_when_scheduled_then_the_new_rules_apply_from_then_on() {
    org.mentor.core.protocol.Protocol variant = org.mentor.core.pathway.ScenarioStateTestSupport.variant("retention.iitThresholdDays", "60");
    CaseRegistry withVariant = CaseRegistry.builder().clock(CLOCK).protocols(variant).build();
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 1, 6)).startedArt(of(2025, 1, 6))
        .appointment(of(2025, 1, 6), of(2025, 2, 3));
    var events = built.events();
    withVariant.enrol(built.caseId(), (Enrolled) events.get(0));
    events.subList(1, events.size()).forEach(e -> withVariant.record(built.caseId(), e));
    assertThat(withVariant.state(built.caseId(), of(2025, 3, 3)).mother().retentionStatus()).isEqualTo(Retention.INTERRUPTED);

    withVariant.record(built.caseId(), new org.mentor.core.pathway.ProtocolChanged(EventId.of("migrate"), of(2025, 2, 10),
        Instant.parse("2025-02-10T10:00:00Z"), CaseBuilder.CLINIC, variant.ref()));

    assertThat(withVariant.state(built.caseId(), of(2025, 3, 3)).protocol()).isEqualTo(variant.ref());
    // appointment 2025-02-03 + 60 days (the variant's threshold) = 2025-04-04
    assertThat(withVariant.state(built.caseId(), of(2025, 3, 3)).mother().retentionStatus()).isEqualTo(Retention.APPOINTMENT_MISSED);
    assertThatThrownBy(() -> withVariant.record(built.caseId(), new org.mentor.core.pathway.ProtocolChanged(EventId.of("bad"),
        of(2025, 2, 11), Instant.parse("2025-02-11T10:00:00Z"), CaseBuilder.CLINIC, new ProtocolRef("XX_2030", "9"))))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule().id()).isEqualTo("CASE-006"));
  }

  @Test
  void given_a_builder_when_a_setting_is_made_twice_then_it_throws() {
    CaseRegistry.Builder builder = CaseRegistry.builder().clock(CLOCK);
    assertThatThrownBy(() -> builder.clock(CLOCK)).isInstanceOf(IllegalStateException.class).hasMessageContaining("clock");
  }
}
