package org.mentor.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Phase;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.examples.docs.DocSamples;

/** The demo's clinic and its snapshot. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SyntheticClinicTest {
  private static final LocalDate FEB_16_2026 = LocalDate.of(2026, 2, 16);
  private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private static CaseRegistry build(SyntheticClinic clinic) {
    CaseRegistry registry = CaseRegistry.builder()
        .clock(Clock.fixed(FEB_16_2026.atTime(12, 0).atZone(NAIROBI).toInstant(), NAIROBI)).build();
    clinic.recordInto(registry, SyntheticClinic.Progress.NONE);
    return registry;
  }

  @Test
  void sixty_pairs_cut_at_today_hold_cases_at_every_stage_and_nothing_recorded_after_today() {
    SyntheticClinic clinic = new SyntheticClinic(60, 3, 1, FEB_16_2026, NAIROBI);
    CaseRegistry registry = build(clinic);
    assertThat(registry.caseIds()).hasSize(60).contains(CaseId.of("case-0001"), CaseId.of("case-0060"));
    Instant endOfToday = Instant.parse("2026-02-16T21:00:00Z"); // midnight in Nairobi, UTC+3
    for (CaseId id : registry.caseIds()) {
      for (PathwayEvent event : registry.file(id).history()) {
        assertThat(event.recordedAt()).as(id + " " + event.kind()).isBefore(endOfToday);
      }
    }
    assertThat(ClinicSnapshot.of(registry, FEB_16_2026).phases()).containsKeys(Phase.ANTENATAL, Phase.INFANT_FOLLOW_UP,
        Phase.CLOSED);
    // the simulator's one mentor becomes the clinic's: case n goes to mentor (n - 1) mod 3 + 1
    assertThat(mentorOf(registry, "case-0001")).isEqualTo(MentorId.of("mm-01"));
    assertThat(mentorOf(registry, "case-0005")).isEqualTo(MentorId.of("mm-02"));
    assertThat(mentorOf(registry, "case-0060")).isEqualTo(MentorId.of("mm-03"));
  }

  @Test
  void the_same_seed_gives_the_same_clinic_and_another_seed_another() {
    List<PathwayEvent> a = build(new SyntheticClinic(5, 2, 1, FEB_16_2026, NAIROBI)).file(CaseId.of("case-0003")).history();
    List<PathwayEvent> b = build(new SyntheticClinic(5, 2, 1, FEB_16_2026, NAIROBI)).file(CaseId.of("case-0003")).history();
    List<PathwayEvent> c = build(new SyntheticClinic(5, 2, 2, FEB_16_2026, NAIROBI)).file(CaseId.of("case-0003")).history();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void bookings_span_the_30_months_before_today() {
    SyntheticClinic clinic = new SyntheticClinic(10, 1, 1, FEB_16_2026, NAIROBI);
    assertThat(clinic.scenario().cohortStart()).isEqualTo(LocalDate.of(2023, 8, 16));
    assertThat(clinic.scenario().enrolmentDays()).isEqualTo(915); // 2023-08-16 to 2026-02-16
  }

  @Test // the CLI's sample clinic (six cases, comments in CliFixture) on 2026-02-16
  void the_cascade_counts_the_engines_states() {
    ClinicSnapshot snapshot = ClinicSnapshot.of(DocSamples.clinic(), FEB_16_2026);
    assertThat(snapshot.cascade()).extracting(ClinicSnapshot.Step::name, ClinicSnapshot.Step::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("pregnancies enrolled", 6),
        org.assertj.core.groups.Tuple.tuple("mothers living with HIV", 5),          // case-105 tested negative
        org.assertj.core.groups.Tuple.tuple("on ART", 5),
        org.assertj.core.groups.Tuple.tuple("on ART with a viral-load result", 3),  // 101, 102, 103
        org.assertj.core.groups.Tuple.tuple("latest viral load suppressed", 2),     // 45 and 30; 103's 2 400 is not
        org.assertj.core.groups.Tuple.tuple("mothers in interruption of treatment", 1), // case-102, since 2025-11-17
        org.assertj.core.groups.Tuple.tuple("HIV-exposed infants born", 1),         // case-101's, 2025-10-10
        org.assertj.core.groups.Tuple.tuple("exposed infants 2 months or older", 1),
        org.assertj.core.groups.Tuple.tuple("tested by NAT by 2 months of age", 0), // its 6-week NAT never done
        org.assertj.core.groups.Tuple.tuple("exposed infants with a final outcome", 0),
        org.assertj.core.groups.Tuple.tuple("final outcome HIV-positive", 0));
    assertThat(snapshot.phases().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    assertThat(snapshot.workload()).hasSize(14);
    assertThat(snapshot.workload().firstKey()).hasToString("2025-03"); // 11 months back
    assertThat(snapshot.workload().lastKey()).hasToString("2026-04"); // 2 ahead
    assertThat(DemoReport.share(snapshot.cascade().get(2))).isEqualTo("100% of mothers living with HIV");
  }

  private static MentorId mentorOf(CaseRegistry registry, String caseId) {
    return registry.file(CaseId.of(caseId)).history().stream().filter(MentorAssigned.class::isInstance)
        .map(e -> ((MentorAssigned) e).mentor()).findFirst().orElseThrow();
  }
}
