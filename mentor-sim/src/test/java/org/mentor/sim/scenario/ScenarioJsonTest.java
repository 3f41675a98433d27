package org.mentor.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScenarioJsonTest {

  @Test
  void a_file_sets_what_it_names_and_keeps_every_other_default() {
    Scenario s = ScenarioJson.read("""
        { "name": "ZA, no mentor", "pairs": 1000, "seed": 7, "protocol": "ZA_2023", "mentorSupport": false,
          "cohortStart": "2026-01-05",
          "feeding": { "neverBreastfedShare": 0.20, "durationMonths": { "mean": 12 } },
          "transmission": { "model": "VIRAL_LOAD_BANDED" } }
        """);
    assertThat(s.name()).isEqualTo("ZA, no mentor");
    assertThat(s.pairs()).isEqualTo(1000);
    assertThat(s.seed()).isEqualTo(7L);
    assertThat(s.protocol().ref().id()).isEqualTo("ZA_2023");
    assertThat(s.mentorSupport()).isFalse();
    assertThat(s.cohortStart()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(s.feeding().neverBreastfedShare()).isEqualTo(0.20);
    assertThat(s.feeding().durationMonths()).isEqualTo(new TruncatedNormal(12, 6, 1, 30));
    assertThat(s.transmission().model()).isEqualTo(TransmissionModel.VIRAL_LOAD_BANDED);
    assertThat(s.transmission().periArtBeforePregnancy()).isEqualTo(0.005);
  }

  @Test
  void writing_then_reading_gives_the_same_scenario() {
    Scenario s = Scenario.builder().name("x").pairs(12).seed(-3).protocol("KE_2022").set("retention.returnHazard", 0.1)
        .build();
    assertThat(ScenarioJson.read(ScenarioJson.write(s))).isEqualTo(s);
  }

  @Test
  void an_empty_object_is_the_default_scenario() {
    assertThat(ScenarioJson.read("{}")).isEqualTo(Scenario.builder().build());
  }
}
