package org.mentor.core.registry;

import static org.assertj.core.api.Assertions.entry;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentor.core.MentorId;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import java.util.List;
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

/**
 * The registry's behaviour, whatever its store: each store module runs this suite by subclassing
 * it ({@link InMemoryRegistryTest} here; the JDBC store on H2 and PostgreSQL). Published in
 * mentor-core's test-jar.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class RegistryContract {
  private static final LocalDate TODAY = of(2025, 11, 20);
  private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));

  /** A new, empty store for one test. */
  protected abstract CaseStore newStore();

  /** How many events the concurrency test records (10^5 by the issue; a slow store may lower it). */
  protected int concurrencyEvents() {
    return 100_000;
  }

  protected CaseStore store;
  protected CaseRegistry mentor;

  @BeforeEach
  void newRegistry() {
    store = newStore();
    mentor = CaseRegistry.builder().clock(CLOCK).store(store).build();
  }

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
    CaseRegistry open = CaseRegistry.builder().clock(CLOCK).store(newStore()).redactSensitiveValues(false).build();
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
    CaseRegistry withVariant = CaseRegistry.builder().clock(CLOCK).store(newStore()).protocols(variant).build();
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

  // --- the store: nothing held that cannot be rebuilt, nothing half-written --------------------

  private static final LocalDate ANC = of(2025, 4, 28);

  private CaseBuilder visitedCase(String id) {
    return aCase(id).enrolledAtAnc(ANC).startedArt(ANC).mentor(ANC, "mm-1").viralLoad(of(2025, 7, 28), ViralLoad.copies(45));
  }

  private MentorVisited visit(String id, LocalDate on) {
    return new MentorVisited(EventId.of(id), on, on.atTime(12, 0).toInstant(ZoneOffset.UTC), CaseBuilder.CLINIC, ContactMode.HOME);
  }

  @Test
  void given_recorded_cases_when_a_registry_is_rebuilt_from_the_store_then_it_holds_the_same_files() {
    load(visitedCase("c1"));
    load(visitedCase("c2"));
    mentor.record(CaseId.of("c1"), visit("v-1", of(2025, 5, 2)));

    CaseRegistry rebuilt = CaseRegistry.builder().clock(CLOCK).store(store).build();

    assertThat(rebuilt.size()).isEqualTo(2);
    for (String id : List.of("c1", "c2")) {
      assertThat(rebuilt.file(CaseId.of(id)).history()).isEqualTo(mentor.file(CaseId.of(id)).history());
      assertThat(rebuilt.file(CaseId.of(id)).version()).isEqualTo(mentor.file(CaseId.of(id)).version());
    }
    assertThat(rebuilt.file(CaseId.of("c1")).version()).isEqualTo(5);
    assertThat(store.load(CaseId.of("c1")).orElseThrow().version()).isEqualTo(5);
  }

  @Test
  void given_an_event_recorded_twice_when_recorded_again_then_nothing_is_stored_twice() {
    load(visitedCase("c1"));
    MentorVisited visit = visit("v-1", of(2025, 5, 2));
    assertThat(mentor.record(CaseId.of("c1"), visit)).isEqualTo(5);
    assertThat(mentor.record(CaseId.of("c1"), visit)).isEqualTo(5);
    assertThat(store.load(CaseId.of("c1")).orElseThrow().events()).hasSize(5);
  }

  @Test
  void given_an_impossible_event_when_recorded_then_neither_the_case_nor_the_store_changes() {
    CaseBuilder built = visitedCase("c1").delivered(of(2025, 10, 1)).breastfed();
    load(built);
    long before = mentor.file(built.caseId()).version();
    InfantHivTested beforeBirth = new InfantHivTested(EventId.of("t-1"), of(2025, 9, 1), Instant.parse("2025-09-01T12:00:00Z"),
        CaseBuilder.CLINIC, built.infantA(), InfantTestType.NAT, InfantTestResult.NEGATIVE, Optional.of(of(2025, 9, 8)));

    assertThatThrownBy(() -> mentor.record(built.caseId(), beforeBirth))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("infantTest.sampleDate"));
    assertThat(mentor.file(built.caseId()).version()).isEqualTo(before);
    assertThat(store.load(built.caseId()).orElseThrow().version()).isEqualTo(before);
  }

  @Test
  void given_a_batch_for_one_case_with_one_impossible_event_when_recorded_then_none_of_it_is_recorded() {
    load(visitedCase("c1"));
    MentorVisited reusedId = visit("c1-e1", of(2025, 6, 1)); // the enrolment's id with other content: EVT-001
    List<PathwayEvent> batch = List.of(visit("v-1", of(2025, 6, 1)), reusedId);

    assertThatThrownBy(() -> mentor.record(CaseId.of("c1"), batch, -1)).isInstanceOf(InvalidEventException.class);
    assertThat(mentor.file(CaseId.of("c1")).version()).isEqualTo(4);
    assertThat(store.load(CaseId.of("c1")).orElseThrow().version()).isEqualTo(4);
    assertThat(mentor.record(CaseId.of("c1"), List.of(visit("v-1", of(2025, 6, 1)), visit("v-2", of(2025, 6, 2))), 4)).isEqualTo(6);
  }

  @Test
  void given_a_batch_in_a_list_without_index_access_when_recorded_then_it_is_recorded_in_its_order_and_a_null_is_named() {
    load(visitedCase("c1"));
    List<PathwayEvent> linked = new java.util.LinkedList<>(List.of(visit("v-2", of(2025, 6, 2)), visit("v-1", of(2025, 6, 1))));

    assertThat(mentor.record(CaseId.of("c1"), linked, 4)).isEqualTo(6);
    assertThat(mentor.file(CaseId.of("c1")).historySince(4)).extracting(e -> e.id().value()).containsExactly("v-2", "v-1");
    List<PathwayEvent> withNull = new java.util.LinkedList<>();
    withNull.add(visit("v-3", of(2025, 6, 3)));
    withNull.add(null);
    assertThatThrownBy(() -> mentor.record(CaseId.of("c1"), withNull, -1)).isInstanceOf(NullPointerException.class)
        .hasMessage("event");
    assertThat(mentor.file(CaseId.of("c1")).version()).isEqualTo(6);
  }

  @Test
  void given_a_batch_over_many_cases_when_one_case_is_refused_then_the_other_cases_are_recorded() {
    load(visitedCase("c1"));
    load(visitedCase("c2"));
    BatchResult result = mentor.recordAll(List.of(
        new CaseEvent(CaseId.of("c1"), visit("v-1", of(2025, 6, 1))),
        new CaseEvent(CaseId.of("c2"), visit("v-2", of(2025, 6, 1))),
        new CaseEvent(CaseId.of("c2"), visit("c2-e1", of(2025, 6, 1))),
        new CaseEvent(CaseId.of("nobody"), visit("v-3", of(2025, 6, 1)))));

    assertThat(result.versions()).containsExactly(entry(CaseId.of("c1"), 5L));
    assertThat(result.refusals()).containsOnlyKeys(CaseId.of("c2"), CaseId.of("nobody"));
    assertThat(result.refusals().get(CaseId.of("nobody")).rule()).isEqualTo(Rule.CASE_UNKNOWN);
    assertThat(mentor.file(CaseId.of("c2")).version()).isEqualTo(4);
  }

  @Test
  void given_two_registries_on_one_store_when_one_writes_then_the_other_sees_it_after_refresh_and_retries_a_stale_write() {
    load(visitedCase("c1"));
    CaseRegistry other = CaseRegistry.builder().clock(CLOCK).store(store).build();
    other.record(CaseId.of("c1"), visit("v-other", of(2025, 6, 1)));
    load(visitedCase("c2"));

    assertThat(other.refresh()).isEqualTo(1);
    assertThat(other.file(CaseId.of("c2")).version()).isEqualTo(4);
    // this registry's copy of c1 is stale: a write reloads it from the store and tries again
    assertThat(mentor.record(CaseId.of("c1"), visit("v-mine", of(2025, 6, 2)))).isEqualTo(6);
    assertThat(mentor.file(CaseId.of("c1")).event(EventId.of("v-other"))).isPresent();
    assertThat(other.refresh()).isEqualTo(1);
    assertThat(other.file(CaseId.of("c1")).version()).isEqualTo(6);
    // a write pinned to a version that another registry moved on is refused, and nothing changes
    assertThatThrownBy(() -> other.record(CaseId.of("c1"), visit("v-x", of(2025, 6, 3)), 5))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(CaseId.of("c1")).orElseThrow().version()).isEqualTo(6);
  }

  @Test
  void given_a_case_enrolled_by_another_registry_when_enrolled_again_here_then_it_is_refused_and_loaded() {
    CaseRegistry other = CaseRegistry.builder().clock(CLOCK).store(store).build();
    CaseBuilder built = visitedCase("c1");
    other.enrol(built.caseId(), (Enrolled) built.events().get(0));

    assertThatThrownBy(() -> mentor.enrol(built.caseId(), (Enrolled) built.events().get(0)))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CASE_ALREADY_EXISTS));
    assertThat(mentor.file(built.caseId()).version()).isEqualTo(1);
  }

  @Test
  void given_a_listener_when_events_are_recorded_refused_and_conflicting_then_it_counts_each_by_kind_and_rule() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CaseRegistry counted = CaseRegistry.builder().clock(CLOCK).store(newStore()).listener(new RegistryListener() {
      @Override
      public void recorded(EventKind kind, boolean refolded) {
        seen.add(kind + (refolded ? " refold" : ""));
      }

      @Override
      public void refused(Rule rule) {
        seen.add("refused " + rule.id());
      }

      @Override
      public void dataQualityIssue(Rule rule) {
        seen.add("issue " + rule.id());
      }

      @Override
      public void versionConflict() {
        seen.add("conflict");
      }
    }).build();
    CaseBuilder built = aCase("c1").enrolledAtAnc(ANC).startedArt(ANC);
    counted.enrol(built.caseId(), (Enrolled) built.events().get(0));
    counted.record(built.caseId(), built.events().get(1));
    counted.record(built.caseId(), visit("v-1", of(2025, 4, 1))); // before the last event: a re-fold
    assertThatThrownBy(() -> counted.record(CaseId.of("nobody"), visit("v-2", ANC))).isInstanceOf(UnknownCaseException.class);
    assertThatThrownBy(() -> counted.record(built.caseId(), visit("v-3", ANC), 1)).isInstanceOf(VersionConflictException.class);

    assertThat(seen).containsExactly("ENROLLED", "ART_STARTED", "MENTOR_VISITED refold", "refused CASE-001", "conflict");
  }

  @Test
  void given_mentor_assignments_when_asked_who_was_responsible_then_the_history_answers_by_day() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(ANC).mentor(ANC, "mm-1").mentor(of(2025, 6, 1), "mm-2");
    load(built);

    assertThat(mentor.assignment(built.caseId(), of(2025, 4, 27)).mentor()).isEmpty();
    assertThat(mentor.assignment(built.caseId(), of(2025, 5, 31)).mentor()).contains(MentorId.of("mm-1"));
    assertThat(mentor.assignment(built.caseId(), of(2025, 6, 1)).mentor()).contains(MentorId.of("mm-2"));
    assertThat(mentor.assignment(built.caseId(), of(2025, 6, 1)).facility()).isEqualTo("facility-1");
    assertThat(mentor.mentorHistory(built.caseId()).asMapOfRanges()).containsExactly(
        entry(com.google.common.collect.Range.closedOpen(ANC, of(2025, 6, 1)), MentorId.of("mm-1")),
        entry(com.google.common.collect.Range.atLeast(of(2025, 6, 1)), MentorId.of("mm-2")));
  }

  @Test
  void given_two_threads_recording_into_one_registry_when_done_then_no_event_is_lost_and_every_case_matches_its_store()
      throws Exception {
    int cases = 1_000;
    int events = concurrencyEvents();
    for (int c = 0; c < cases; c++) {
      mentor.enrol(CaseId.of("k" + c), (Enrolled) aCase("k" + c).enrolledAtAnc(ANC).events().get(0));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        java.util.SplittableRandom random = new java.util.SplittableRandom(thread);
        for (int i = 0; i < events / 2; i++) {
          // thread 0 writes cases 0..599, thread 1 cases 400..999: 200 cases get both
          int c = thread == 0 ? random.nextInt(600) : 400 + random.nextInt(600);
          CaseId id = CaseId.of("k" + c);
          LocalDate on = ANC.plusDays(random.nextInt(300));
          if (i % 50 == 0) {
            long read = mentor.file(id).version();
            try {
              mentor.record(id, visit("t" + thread + "-" + i, on), read);
            } catch (VersionConflictException e) {
              conflicts.incrementAndGet();
              mentor.record(id, visit("t" + thread + "-" + i, on));
            }
          } else {
            mentor.record(id, visit("t" + thread + "-" + i, on));
          }
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    long total = 0;
    for (int c = 0; c < cases; c++) {
      CaseId id = CaseId.of("k" + c);
      CaseFile file = mentor.file(id);
      StoredCase stored = store.load(id).orElseThrow();
      assertThat(stored.version()).as("case %s", id).isEqualTo(file.version());
      assertThat(file.facts().events().size()).isEqualTo(file.version()); // every visit kept, none twice
      total += file.version();
    }
    assertThat(total).isEqualTo(cases + (long) (events / 2) * 2);
    CaseRegistry rebuilt = CaseRegistry.builder().clock(CLOCK).store(store).build();
    assertThat(rebuilt.size()).isEqualTo(cases);
    assertThat(rebuilt.file(CaseId.of("k500")).facts().events().toList()).isEqualTo(mentor.file(CaseId.of("k500")).facts().events().toList());
  }
}

