package org.mentor.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The default parameter set against the literal numbers of ../shared/clinical/transmission.md. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DefaultParametersTest {
  private final Scenario defaults = Scenario.builder().build();

  @Test // transmission.md §1, Rollins 2012 Table 1, rows T1, T3, T11, T12
  void peripartum_defaults_are_the_Rollins_table_rows() {
    Scenario.Transmission t = defaults.transmission();
    assertThat(t.model()).isEqualTo(TransmissionModel.ROLLINS_2012);
    assertThat(t.periIncident()).isEqualTo(0.30);
    assertThat(t.periNoArt()).isEqualTo(0.22);
    assertThat(t.periArtInPregnancy()).isEqualTo(0.02);
    assertThat(t.periArtBeforePregnancy()).isEqualTo(0.005);
  }

  @Test // transmission.md §1, rows T2, T4/T5, T6, T11, T12 (per month of breastfeeding)
  void breastfeeding_defaults_are_the_Rollins_table_rows() {
    Scenario.Transmission t = defaults.transmission();
    assertThat(t.bfArtBeforePregnancy()).isEqualTo(0.0016);
    assertThat(t.bfArtInPregnancy()).isEqualTo(0.002);
    assertThat(t.bfNoArtCd4Below350()).isEqualTo(0.0157);
    assertThat(t.bfNoArtCd4Above350()).isEqualTo(0.0051);
    assertThat(t.bfIncident()).isEqualTo(0.28);
  }

  @Test // transmission.md §2, rows S4 and S5
  void viral_load_banded_defaults_are_S4_and_S5() {
    Scenario.Transmission t = defaults.transmission();
    assertThat(t.vlPeriBelow50()).isEqualTo(0.002);
    assertThat(t.vlPeri50To1000()).isEqualTo(0.01);
    assertThat(t.vlPeriAbove1000OnArt()).isEqualTo(0.05);
    assertThat(t.vlBfBelow50()).isEqualTo(0.0005);
    assertThat(t.vlBf50To1000()).isEqualTo(0.002);
  }

  @Test // transmission.md §5 MM2 (EID at 6-8 weeks 71.5% vs 45.8%) and the derived HR (MM1 0.21, MM6 0.22; "use 0.2")
  void mentor_effects_are_MM2_and_the_derived_hazard_ratio() {
    assertThat(defaults.mentor().onTime()).isEqualTo(0.715);
    assertThat(defaults.attendance().onTime()).isEqualTo(0.458);
    assertThat(defaults.mentor().ltfuHazardRatio()).isEqualTo(0.2);
  }

  @Test // transmission.md L1: 17% lost 6 months after ART start; L6: 2/3 of the losses in months 0-3
  void the_front_loaded_hazards_give_L1s_17_percent_lost_at_6_months_two_thirds_of_them_by_3_months() {
    Scenario.Retention r = defaults.retention();
    assertThat(r.earlyMonths()).isEqualTo(3);
    double atThree = 1 - Math.exp(-r.ltfuHazardEarly() * 3);
    double atSix = 1 - Math.exp(-r.ltfuHazardEarly() * 3 - r.ltfuHazardLater() * 3);
    assertThat(atSix).isCloseTo(0.17, within(0.001));
    assertThat(atThree / atSix).isCloseTo(2.0 / 3, within(0.005));
  }

  @Test // no table gives period hazards for the default profile: off, so L1/L6's front-loaded process is the whole default
  void period_hazards_are_off_by_default_and_the_peripartum_window_is_MM4s_6_weeks() {
    assertThat(defaults.retention().periods()).isEqualTo(new Scenario.PeriodHazards(0, 0, 0, 0));
    assertThat(defaults.retention().peripartumWeeks()).isEqualTo(6);
  }

  @Test // transmission.md B3: never breastfed 5%; duration Normal(15, 6) truncated to [1, 30] months
  void breastfeeding_is_B3() {
    assertThat(defaults.feeding().neverBreastfedShare()).isEqualTo(0.05);
    assertThat(defaults.feeding().durationMonths()).isEqualTo(new TruncatedNormal(15, 6, 1, 30));
  }

  @Test // transmission.md D4: Beta(alpha = 8, beta = 0.8), mean about 91%
  void monthly_adherence_is_D4() {
    assertThat(defaults.adherence().monthly()).isEqualTo(new BetaShape(8, 0.8));
    assertThat(defaults.adherence().monthly().mean()).isCloseTo(0.91, within(0.005));
  }

  @Test
  void every_parameter_has_a_source_and_the_printed_table_lists_them_all() {
    String table = Parameters.table();
    for (Parameter p : Parameters.all()) {
      assertThat(p.source()).as(p.path()).isNotBlank();
      assertThat(table).contains("`" + p.path() + "`");
    }
    assertThat(table).contains("| `transmission.peripartum.artBeforePregnancy` | 0.005 |  | peripartum, ART started before pregnancy"
        + " | transmission.md T12, verified |");
  }

  @Test
  void a_scenario_prints_its_values_and_marks_those_it_changed() {
    String table = Scenario.builder().name("ZA").protocol("ZA_2023").set("feeding.neverBreastfedShare", 0.2).build().table();
    assertThat(table).contains("| `feeding.neverBreastfedShare` | 0.2 * |  | set by the scenario |");
    assertThat(table).contains("| `protocol` | ZA_2023 * |");
    assertThat(table).contains("| `transmission.peripartum.noArt` | 0.22 |  | transmission.md T3, verified |");
  }
}
