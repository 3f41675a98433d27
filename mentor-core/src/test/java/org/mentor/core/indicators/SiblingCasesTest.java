package org.mentor.core.indicators;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.testing.CaseBuilder;

/**
 * A mother's own events recorded in her first case count in her second (DESIGN.md §2), exactly as
 * the registry's evaluation sees them: the indicators read the same facts the due list does.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SiblingCasesTest {
  private static final ReportingPeriod Q1 = ReportingPeriod.fiscalQuarter(2026, 1);
  private static final LocalDate CUT_OFF = of(2026, 1, 30);

  // First pregnancy: ART from 2023-02-01, a viral load recorded in that case on 2025-12-10.
  private static final CaseBuilder FIRST = aCase("first").lmp(of(2022, 11, 1)).enrolledAtAnc(of(2023, 2, 1), HivStatus.POSITIVE)
      .startedArt(of(2023, 2, 1)).viralLoad(of(2025, 12, 10), ViralLoad.belowLimit(50));

  private final Cohort cohort = new Cohort().with(FIRST);

  private void secondPregnancy(Instant recordedAt) {
    // Second pregnancy: ANC1 2025-11-03 (LMP 2025-08-25), enrolled as known positive.
    cohort.registry.enrol(CaseId.of("second"), new Enrolled(EventId.of("second-e1"), of(2025, 11, 3), recordedAt,
        CaseBuilder.CLINIC, FIRST.motherId(), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
        Optional.of(of(2025, 8, 25)), Optional.empty(), Optional.empty()));
  }

  @Test
  void the_second_pregnancy_counts_as_already_on_ART_from_the_ART_start_in_her_first_case() {
    secondPregnancy(Instant.parse("2025-11-03T10:00:00Z"));
    IndicatorResult art = cohort.report(ReportRequest.current(Q1, CUT_OFF)).result(Indicator.PMTCT_ART);
    // PMTCT_STAT_POS: the second case (ANC1 in the quarter, known positive) = 1; ART 2023-02-01 is
    // before her LMP 2025-08-25 -> numerator 1, ALREADY_ON_ART (indicators.md §1 PMTCT_ART).
    assertThat(art.denominator()).contains(1);
    assertThat(art.numerator()).isEqualTo(1);
    assertThat(art.contribution(Unit.pregnancy(CaseId.of("second"))).orElseThrow().categories())
        .containsExactly(Category.ALREADY_ON_ART);
  }

  @Test
  void the_merged_facts_evaluate_to_the_registrys_own_state_for_every_instant() {
    secondPregnancy(Instant.parse("2025-11-03T10:00:00Z"));
    for (String instant : new String[] {"2025-11-03T12:00:00Z", "2025-12-10T11:00:00Z", "2025-12-10T13:00:00Z"}) {
      Instant knownAsOf = Instant.parse(instant);
      for (String id : new String[] {"first", "second"}) {
        CaseId caseId = CaseId.of(id);
        var facts = cohort.registry.facts(caseId, knownAsOf);
        var protocol = cohort.registry.protocol(facts.protocol().orElseThrow()).orElseThrow();
        assertThat(Pathway.evaluate(protocol, facts, CUT_OFF)).as("%s known at %s", id, instant)
            .isEqualTo(cohort.registry.state(caseId, CUT_OFF, knownAsOf));
      }
    }
    var facts = cohort.registry.facts(CaseId.of("second"), null);
    // The viral load of 2025-12-10 recorded in the first case is in the second case's facts.
    assertThat(facts.mother().viralLoads().size()).isEqualTo(1);
    assertThat(Pathway.evaluate(cohort.registry.protocol(facts.protocol().orElseThrow()).orElseThrow(), facts, CUT_OFF))
        .isEqualTo(cohort.registry.state(CaseId.of("second"), CUT_OFF, null));
  }
}
