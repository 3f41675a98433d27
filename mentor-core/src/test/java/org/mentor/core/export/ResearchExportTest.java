package org.mentor.core.export;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.testing.CaseBuilder;

/**
 * The research export holds no original identifier, free text or date (checked against every value
 * of the synthetic fixture), keeps every interval of a mother's record (one shift for all her
 * dates, across her pregnancies), and suppresses small cells (DESIGN.md §7; docs/privacy.md).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResearchExportTest {
  private static final LocalDate AS_OF = of(2026, 3, 2);
  private static final byte[] SECRET = "a synthetic 32-byte programme key, test only".getBytes(StandardCharsets.UTF_8);
  private static final String WRONG_WOMAN = "entered for the wrong woman";

  private final CaseRegistry registry = CaseRegistry.builder()
      .clock(Clock.fixed(AS_OF.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"))).build();
  private final CaseBuilder one = first();
  private final CaseBuilder two = second(one);
  private final CaseBuilder three = third();

  ResearchExportTest() {
    for (CaseBuilder built : List.of(one, two, three)) {
      var events = built.events();
      registry.enrol(built.caseId(), (Enrolled) events.get(0));
      events.subList(1, events.size()).forEach(e -> registry.record(built.caseId(), e));
    }
  }

  /** A mother's first pregnancy: a mentor, consent, appointments, a corrected pill count, a voided test, a delivery. */
  private static CaseBuilder first() {
    CaseBuilder b = aCase("xcase-one").lmp(of(2024, 5, 6)).enrolledAtAnc(of(2024, 8, 12), HivStatus.POSITIVE)
        .startedArt(of(2024, 8, 12)).mentor(of(2024, 8, 12), "mentor-jane-doe").consent(of(2024, 8, 12), true, true, false)
        .appointment(of(2024, 8, 12), of(2024, 9, 9)).kept(of(2024, 9, 9), of(2024, 9, 9));
    EventId count = b.nextId();
    b.pillCount(of(2024, 10, 7), 30, 3, 28);
    b.add(new Corrected(count, new PillCounted(EventId.of("xcase-one-fix"), of(2024, 10, 7), Instant.parse("2024-10-08T08:30:00Z"),
        CaseBuilder.CLINIC, 30, 4, 28, 1)));
    EventId wrong = b.nextId();
    b.hivTest(of(2024, 10, 1), HivTestResult.POSITIVE);
    b.add(new Voided(EventId.of("xcase-one-void"), of(2024, 10, 2), Instant.parse("2024-10-02T07:15:00Z"), CaseBuilder.CLINIC,
        wrong, WRONG_WOMAN));
    return b.viralLoad(of(2024, 11, 11), of(2024, 11, 18), ViralLoad.copies(45)).delivered(of(2025, 2, 10)).breastfed()
        .prophylaxisStarted(of(2025, 2, 10)).nat(of(2025, 2, 10), InfantTestResult.NEGATIVE);
  }

  /** The same mother's second pregnancy, with a viral load. */
  private static CaseBuilder second(CaseBuilder first) {
    CaseBuilder b = aCase("xcase-two");
    b.add(new Enrolled(EventId.of("xcase-two-enrolment"), of(2026, 1, 12), b.at(of(2026, 1, 12)), CaseBuilder.CLINIC,
        first.motherId(), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE, Optional.of(of(2025, 10, 20)),
        Optional.empty(), Optional.empty()));
    return b.viralLoad(of(2026, 2, 2), of(2026, 2, 9), ViralLoad.belowLimit(50));
  }

  /** Another mother: negative at ANC1, positive on retest, twins. */
  private static CaseBuilder third() {
    CaseBuilder b = aCase("xcase-three").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 12, 2), HivStatus.NEGATIVE)
        .hivTest(of(2024, 12, 2), HivTestResult.NEGATIVE).hivTest(of(2025, 3, 10), HivTestResult.POSITIVE)
        .startedArt(of(2025, 3, 10)).deliveredTwins(of(2025, 6, 9)).replacementFed();
    return b.test(b.infantA(), InfantTestType.NAT, of(2025, 6, 9), of(2025, 6, 16), InfantTestResult.NEGATIVE)
        .test(b.infantB(), InfantTestType.NAT, of(2025, 6, 9), of(2025, 6, 16), InfantTestResult.NEGATIVE);
  }

  private static ResearchExport export(String study) {
    return ResearchExport.builder().secret(SECRET).study(study).build();
  }

  private String allText(ExportedCohort cohort) {
    return String.join("\n", cohort.files().values());
  }

  @Test
  void the_export_holds_no_identifier_free_text_or_recording_time_of_the_fixture() {
    String text = allText(export("pmtct-2026").export(registry, AS_OF, null));
    Set<String> originals = new HashSet<>();
    for (CaseBuilder built : List.of(one, two, three)) {
      originals.add(built.caseId().value());
      originals.add(built.motherId().value());
      originals.add(built.infantA().toString());
      originals.add(built.infantB().toString());
      for (PathwayEvent event : registry.file(built.caseId()).history()) {
        collect(event, originals);
      }
    }
    // Every id, user, facility, system, mentor, regimen code, void reason and recording instant.
    assertThat(originals).contains("xcase-one-e1", "xcase-one-fix", "xcase-one-void", "mentor-jane-doe", "user-1",
        "facility-1", "mentor-tests", "TDF+3TC+DTG", WRONG_WOMAN, "2024-10-08T08:30:00Z");
    assertThat(originals).allSatisfy(original -> assertThat(text).as("the export holds %s", original).doesNotContain(original));
    assertThat(text).doesNotContainIgnoringCase("xcase").doesNotContain("mother-of");
  }

  /** Every text an event holds, except coded values (enums) and the protocol, which are exported. */
  private static void collect(Object value, Set<String> out) {
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> collect(v, out));
    } else if (value instanceof Collection<?> many) {
      many.forEach(v -> collect(v, out));
    } else if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof UUID uuid) {
      out.add(uuid.toString());
    } else if (value instanceof Instant instant) {
      out.add(instant.toString());
    } else if (value instanceof EventId id) { // a class, not a record: its text is collected as it was
      out.add(id.value());
    } else if (value instanceof Record record && !(record instanceof ProtocolRef)) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          collect(component.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void every_date_of_a_mother_moves_by_one_non_zero_shift_so_intervals_are_kept() {
    ResearchExport export = export("pmtct-2026");
    Set<Long> shiftsOfMotherOne = new HashSet<>();
    List<Long> allShifts = new ArrayList<>();
    for (CaseBuilder built : List.of(one, two, three)) {
      ExportedCohort alone = export.export(registry, List.of(built.caseId()), AS_OF, null);
      List<PathwayEvent> originals = new ArrayList<>();
      registry.file(built.caseId()).facts().events().forEach(originals::add);
      // One row per effective event (the corrected count once, the voided test not at all), in order.
      assertThat(alone.events()).extracting(EventRow::kind).containsExactlyElementsOf(originals.stream().map(e -> e.kind().name()).toList());
      Set<Long> shifts = new HashSet<>();
      for (int i = 0; i < originals.size(); i++) {
        shifts.add(ChronoUnit.DAYS.between(originals.get(i).occurredOn(), alone.events().get(i).date()));
      }
      assertThat(shifts).as("one shift per case").hasSize(1);
      long shift = shifts.iterator().next();
      assertThat(Math.abs(shift)).as("shift of %s", built.caseId()).isBetween(30L, 180L);
      assertThat(ChronoUnit.DAYS.between(originals.get(0).occurredOn(), alone.cases().get(0).enrolledOn())).isEqualTo(shift);
      if (built != three) {
        shiftsOfMotherOne.add(shift);
      }
      allShifts.add(shift);
    }
    // Her two pregnancies share one shift, so the interval between them is kept too.
    assertThat(shiftsOfMotherOne).hasSize(1);
    assertThat(allShifts).hasSize(3);
  }

  @Test
  void the_dates_that_identify_a_pregnancy_appear_nowhere_in_the_export() {
    String text = allText(export("pmtct-2026").export(registry, AS_OF, null));
    // LMPs, ANC1 dates and dates of birth of the fixture.
    for (String date : List.of("2024-05-06", "2024-08-12", "2025-02-10", "2025-10-20", "2026-01-12", "2024-09-02",
        "2024-12-02", "2025-06-09")) {
      assertThat(text).doesNotContain(date);
    }
  }

  @Test
  void values_are_coded_and_ages_and_weights_coarsened() {
    ExportedCohort cohort = export("pmtct-2026").export(registry, List.of(CaseId.of("xcase-one")), AS_OF, null);
    // ART as the regimen's class, not the code typed; the viral load with its turnaround in days.
    assertThat(cohort.events()).filteredOn(e -> e.kind().equals("ART_STARTED")).singleElement()
        .satisfies(e -> assertThat(e.code()).contains("INSTI"));
    assertThat(cohort.events()).filteredOn(e -> e.kind().equals("VIRAL_LOAD_RESULTED")).singleElement()
        .satisfies(e -> {
          assertThat(e.code()).contains("EXACT");
          assertThat(e.value()).contains(45);
          assertThat(e.days()).contains(7);
        });
    // The corrected pill count: 30 dispensed, 4 left after 28 days = 26/28 = 93 %.
    assertThat(cohort.events()).filteredOn(e -> e.kind().equals("PILL_COUNTED")).singleElement()
        .satisfies(e -> assertThat(e.value()).contains(93));
    // Gestational age at ANC1: 2024-05-06 to 2024-08-12 = 98 days = 14 completed weeks.
    assertThat(cohort.cases().get(0).gestationalWeeksAtEnrolment()).contains(14);
    // Birth weight 3100 g in its 500 g band; the infant event carries its age in completed months.
    assertThat(cohort.infants()).singleElement().satisfies(i -> assertThat(i.birthWeightBand()).contains("3000-3499"));
    assertThat(cohort.events()).filteredOn(e -> e.kind().equals("INFANT_HIV_TESTED")).singleElement()
        .satisfies(e -> assertThat(e.infantAgeMonths()).contains(0));
  }

  @Test
  void pseudonyms_are_stable_within_a_study_and_differ_between_studies() {
    ExportedCohort a = export("pmtct-2026").export(registry, AS_OF, null);
    ExportedCohort again = export("pmtct-2026").export(registry, AS_OF, null);
    ExportedCohort other = export("another-study").export(registry, AS_OF, null);
    assertThat(again).isEqualTo(a);
    assertThat(a.cases()).extracting(CaseRow::caseKey).allMatch(k -> k.matches("c-[a-z2-7]{16}"));
    assertThat(a.cases()).extracting(CaseRow::caseKey).doesNotHaveDuplicates().hasSize(3);
    Set<String> keys = new HashSet<>();
    a.cases().forEach(c -> keys.add(c.caseKey()));
    assertThat(other.cases()).extracting(CaseRow::caseKey).noneMatch(keys::contains);
    // Her two pregnancies share the mother's pseudonym: three cases, two mothers.
    assertThat(a.cases().stream().map(CaseRow::motherKey).distinct().count()).isEqualTo(2);
  }

  @Test
  void aggregate_tables_suppress_small_cells() {
    ExportedCohort cohort = export("pmtct-2026").export(registry, AS_OF, null);
    SuppressedTable outcomes = cohort.table(ResearchExport.OUTCOMES_TABLE);
    // Three infants (xcase-one's and xcase-three's twins), none with a final outcome yet: 3 < 5.
    assertThat(outcomes.rows()).containsExactly("WHO_2021@1");
    assertThat(outcomes.cell("WHO_2021@1", "NONE_YET")).isEmpty();
    assertThat(outcomes.total()).isEmpty();
    assertThat(outcomes.cell("WHO_2021@1", "HIV_NEGATIVE")).contains(0);
    assertThat(cohort.files().get(ResearchExport.OUTCOMES_TABLE + ".csv")).contains("suppressed").doesNotContain(",3");
    SuppressedTable phases = cohort.table(ResearchExport.PHASES_TABLE);
    assertThat(phases.rows()).singleElement().asString().matches("f-[a-z2-7]{16}");
    assertThat(phases.total()).isEmpty();
  }

  @Test
  void an_export_known_at_an_instant_leaves_out_what_was_recorded_later() {
    ExportedCohort before = export("pmtct-2026").export(registry, AS_OF, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(before.cases()).hasSize(2);
  }

  @Test
  void a_short_secret_or_a_missing_study_is_refused() {
    assertThatThrownBy(() -> ResearchExport.builder().secret(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> ResearchExport.builder().secret(SECRET).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("study");
    assertThatThrownBy(() -> ResearchExport.builder().secret(SECRET).secret(SECRET))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void the_fixture_infants_are_the_builders() {
    // Guards the identifier check above: the infants it looks for are the ones recorded.
    assertThat(registry.file(CaseId.of("xcase-three")).facts().infants().keySet())
        .containsExactlyInAnyOrder(three.infantA(), three.infantB());
    assertThat(registry.file(CaseId.of("xcase-one")).facts().infants().keySet()).containsExactly(one.infantA());
  }
}
