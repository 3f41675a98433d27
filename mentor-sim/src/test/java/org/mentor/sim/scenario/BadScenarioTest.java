package org.mentor.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.run.Simulation;

/** Every scenario rule refuses bad input before anything runs, naming the field, the value and the rule. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadScenarioTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(Supplier<?> build, String field, Object value,
      SimRule rule) {
    return assertThatThrownBy(build::get).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
      if (value != null) {
        assertThat(e.rejectedValue()).contains(value);
      }
    }).hasMessageContaining(field).hasMessageContaining("[" + rule.id() + ": ");
  }

  @Test
  void a_probability_above_one_is_refused_SIM_002() {
    refused(() -> Scenario.builder().set("pregnancy.twinProbability", 1.4).build(), "pregnancy.twinProbability", 1.4,
        SimRule.PROBABILITY_RANGE).hasMessage("pregnancy.twinProbability 1.4 breaks a rule [SIM-002: a probability or"
            + " share lies between 0 and 1]");
  }

  @Test
  void a_negative_probability_is_refused_SIM_002() {
    refused(() -> Scenario.builder().set("transmission.peripartum.noArt", -0.1).build(), "transmission.peripartum.noArt",
        -0.1, SimRule.PROBABILITY_RANGE);
  }

  @Test
  void a_probability_that_is_not_a_number_is_refused_SIM_002() {
    refused(() -> Scenario.builder().set("attendance.onTime", Double.NaN).build(), "attendance.onTime", Double.NaN,
        SimRule.PROBABILITY_RANGE);
  }

  @Test
  void a_negative_or_zero_cohort_size_is_refused_SIM_001() {
    refused(() -> Scenario.builder().pairs(-5).build(), "pairs", -5, SimRule.COHORT_SIZE_POSITIVE);
    refused(() -> Scenario.builder().pairs(0).build(), "pairs", 0, SimRule.COHORT_SIZE_POSITIVE);
  }

  @Test
  void impossible_distribution_parameters_are_refused_SIM_003() {
    refused(() -> Scenario.builder().set("booking.gestationalAgeWeeks.sd", 0.0).build(), "booking.gestationalAgeWeeks.sd",
        0.0, SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("feeding.durationMonths.min", 20.0).set("feeding.durationMonths.max", 10.0).build(),
        "feeding.durationMonths.max", 10.0, SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("booking.gestationalAgeWeeks.mean", 40.0).build(),
        "booking.gestationalAgeWeeks.mean", 40.0, SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("pregnancy.gestationalAgeAtDeliveryWeeks.max", 50.0).build(),
        "pregnancy.gestationalAgeAtDeliveryWeeks.max", 50.0, SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("feeding.durationMonths.min", 0.0).build(), "feeding.durationMonths.min", 0.0,
        SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("adherence.monthly.beta", 0.0).build(), "adherence.monthly.beta", 0.0,
        SimRule.DISTRIBUTION_POSSIBLE);
    refused(() -> Scenario.builder().set("feeding.durationMonths.mean", Double.POSITIVE_INFINITY).build(),
        "feeding.durationMonths.mean", Double.POSITIVE_INFINITY, SimRule.DISTRIBUTION_POSSIBLE);
  }

  @Test
  void status_shares_that_do_not_sum_to_one_are_refused_SIM_004() {
    refused(() -> Scenario.builder().set("booking.negativeShare", 0.2).build(),
        "booking.onArtShare + booking.diagnosedShare + booking.negativeShare", "1.200000", SimRule.SHARES_SUM_TO_ONE);
  }

  @Test
  void an_unknown_protocol_is_refused_SIM_005() {
    refused(() -> Scenario.builder().protocol("XX_2030").build(), "protocol", "XX_2030", SimRule.PROTOCOL_UNKNOWN);
  }

  @Test
  void a_negative_hazard_or_a_zero_hazard_ratio_is_refused_SIM_006() {
    refused(() -> Scenario.builder().set("retention.returnHazard", -0.01).build(), "retention.returnHazard", -0.01,
        SimRule.RATE_NON_NEGATIVE);
    refused(() -> Scenario.builder().set("mentor.ltfuHazardRatio", 0.0).build(), "mentor.ltfuHazardRatio", 0.0,
        SimRule.RATE_NON_NEGATIVE);
  }

  @Test
  void a_negative_or_infinite_period_hazard_and_a_peripartum_window_below_one_week_are_refused() {
    refused(() -> Scenario.builder().set("retention.periodHazard.peripartum", -0.2).build(),
        "retention.periodHazard.peripartum", -0.2, SimRule.RATE_NON_NEGATIVE);
    refused(() -> Scenario.builder().set("retention.periodHazard.afterWeaning", Double.POSITIVE_INFINITY).build(),
        "retention.periodHazard.afterWeaning", Double.POSITIVE_INFINITY, SimRule.RATE_NON_NEGATIVE);
    refused(() -> Scenario.builder().set("retention.periodHazard.pregnancy", Double.NaN).build(),
        "retention.periodHazard.pregnancy", Double.NaN, SimRule.RATE_NON_NEGATIVE);
    refused(() -> Scenario.builder().set("retention.peripartumWeeks", 0).build(), "retention.peripartumWeeks", 0,
        SimRule.DURATION_POSITIVE);
    refused(() -> ScenarioJson.read("{\"retention\": {\"periodHazard\": {\"breastfeeding\": \"high\"}}}"),
        "retention.periodHazard.breastfeeding", null, SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"retention\": {\"periodHazard\": {\"delivery\": 0.1}}}"),
        "retention.periodHazard.delivery", null, SimRule.UNKNOWN_FIELD);
  }

  @Test
  void a_duration_below_one_is_refused_SIM_007() {
    refused(() -> Scenario.builder().set("services.natTurnaroundDays", 0).build(), "services.natTurnaroundDays", 0,
        SimRule.DURATION_POSITIVE);
    refused(() -> Scenario.builder().enrolmentDays(-1).build(), "enrolmentDays", -1, SimRule.DURATION_POSITIVE);
  }

  @Test
  void an_unknown_parameter_is_refused_SIM_008() {
    refused(() -> Scenario.builder().set("booking.onARTShare", 0.5), "booking.onARTShare", null, SimRule.UNKNOWN_FIELD);
    refused(() -> ScenarioJson.read("{\"booking\": {\"onArtShare\": 0.5, \"colour\": 1}}"), "booking.colour", null,
        SimRule.UNKNOWN_FIELD);
    refused(() -> ScenarioJson.read("{\"transmission\": {\"peripartum\": 0.1}}"), "transmission.peripartum", null,
        SimRule.UNKNOWN_FIELD);
  }

  @Test
  void a_value_of_the_wrong_type_is_refused_SIM_009() {
    refused(() -> Scenario.builder().set("pairs", 2.5), "pairs", 2.5, SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"pairs\": \"many\"}"), "pairs", "\"many\"", SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"mentorSupport\": 1}"), "mentorSupport", "1", SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"cohortStart\": \"2025-13-01\"}"), "cohortStart", "\"2025-13-01\"",
        SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"pairs\": 10, \"pairs\": 20}"), "scenario (line 1, column 22)", null,
        SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("{\"pairs\": 10,"), "scenario (line 1, column 14)", null, SimRule.WRONG_TYPE);
    refused(() -> ScenarioJson.read("[1, 2]"), "scenario", "ARRAY", SimRule.WRONG_TYPE);
  }

  @Test
  void an_unknown_transmission_model_is_refused_SIM_011() {
    refused(() -> ScenarioJson.read("{\"transmission\": {\"model\": \"SPECTRUM_6\"}}"), "transmission.model", "SPECTRUM_6",
        SimRule.VALUE_UNKNOWN);
  }

  @Test
  void adherence_thresholds_out_of_order_are_refused_SIM_012() {
    refused(() -> Scenario.builder().set("adherence.lowLevelFrom", 0.97).build(), "adherence.lowLevelFrom", 0.97,
        SimRule.THRESHOLDS_ORDERED);
  }

  @Test
  void arms_that_do_not_share_size_seed_or_dates_are_refused_SIM_010() {
    Scenario a = Scenario.builder().name("a").pairs(100).build();
    refused(() -> Simulation.compare(a, a.toBuilder().name("b").pairs(101).build()), "pairs", "100 vs 101",
        SimRule.ARMS_NOT_COMPARABLE);
    refused(() -> Simulation.compare(a, a.toBuilder().name("b").seed(2).build()), "seed", "1 vs 2",
        SimRule.ARMS_NOT_COMPARABLE);
    refused(() -> Simulation.compare(a, a.toBuilder().name("b").cohortStart(LocalDate.of(2026, 1, 1)).build()),
        "cohortStart", "2025-01-06 vs 2026-01-01", SimRule.ARMS_NOT_COMPARABLE);
    refused(() -> Simulation.compare(a, a.toBuilder().mentorSupport(false).build()), "name", "a",
        SimRule.ARMS_NOT_COMPARABLE);
  }

  @Test
  void the_first_bad_value_in_a_file_is_named_and_nothing_is_built() {
    refused(() -> ScenarioJson.read("{\"pairs\": 100, \"booking\": {\"onArtShare\": 0.7, \"diagnosedShare\": 0.5}}"),
        "booking.onArtShare + booking.diagnosedShare + booking.negativeShare", "1.200000", SimRule.SHARES_SUM_TO_ONE);
  }

  @Test
  void every_rule_id_is_distinct_and_numbered() {
    assertThat(java.util.Arrays.stream(SimRule.values()).map(SimRule::id).distinct().count())
        .isEqualTo(SimRule.values().length);
    assertThat(SimRule.values()).allSatisfy(r -> assertThat(r.id()).matches("SIM-0\\d\\d"));
  }
}
