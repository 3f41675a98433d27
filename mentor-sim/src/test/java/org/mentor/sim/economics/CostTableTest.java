package org.mentor.sim.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/** costs.json against transmission.md §9's literal numbers, and bad cost files refused whole. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CostTableTest {
  private static final CostTable COSTS = CostTable.defaults();

  @Test // transmission.md C9, C10, C11, C12, C14, C15, C19, C20
  void the_default_costs_are_transmission_md_s_numbers_with_their_marks() {
    assertCost(CostItem.MENTOR_CLIENT_MONTH, 30.0 / 20, 10.0 / 20, 140.0 / 20, 2015, "project convention"); // C9
    assertCost(CostItem.NAT, (23.85 + 44.55) / 2, 23.85, 44.55, 2019, "verified (abstract); midpoint derived"); // C10
    assertCost(CostItem.VIRAL_LOAD, 20.0, 9.40, 20.0, 2014, "verified"); // C11
    assertCost(CostItem.MATERNAL_ARV_MONTH, 75.0 / 12, 75.0 / 12, 100.0 / 12, 2017, "verified"); // C12
    assertCost(CostItem.NVP_WEEK, 3.0 / 6, 0.5 * 3 / 6, 2.0 * 3 / 6, 2015, "project convention"); // C14
    assertCost(CostItem.AZT_NVP_WEEK, 10.0 / 12, 0.5 * 10 / 12, 2.0 * 10 / 12, 2015, "project convention"); // C14
    assertCost(CostItem.INFANT_CTX_MONTH, 1.0, 0.5, 2.0, 2011, "project convention"); // C15
    assertCost(CostItem.CHILD_TREATMENT_YEAR, 500, 250, 900, 2015, "project convention"); // C19
    assertThat(COSTS.valuation()).isEqualTo(new Valuation(0.03, 10, 0.0)); // C20, C19, C25
    assertThat(COSTS.discountRates()).containsExactly(0.03, 0.0, 0.05); // C20
    assertThat(COSTS.treatmentYears()).containsExactly(10, 40); // C19
    for (UnitCost c : COSTS.costs()) {
      assertThat(c.source()).as(c.item().key()).isNotBlank();
      assertThat(c.confidence()).as(c.item().key()).matches("(verified|secondary|unverified|project convention).*");
    }
    assertThat(COSTS.costs()).hasSize(CostItem.values().length);
  }

  private static void assertCost(CostItem item, double value, double low, double high, int year, String confidence) {
    UnitCost c = COSTS.cost(item);
    assertThat(c.value()).as(item.key()).isCloseTo(value, within(0.00005));
    assertThat(c.low()).as(item.key() + " low").isCloseTo(low, within(0.00005));
    assertThat(c.high()).as(item.key() + " high").isCloseTo(high, within(0.00005));
    assertThat(c.priceYear()).as(item.key() + " year").isEqualTo(year);
    assertThat(c.confidence()).as(item.key() + " mark").isEqualTo(confidence);
  }

  @Test
  void a_cost_outside_its_range_is_refused_naming_it() {
    assertThatThrownBy(() -> COSTS.with(CostItem.NAT, 50.0)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
      assertThat(e.field()).isEqualTo("costs.test.nat.value");
      assertThat(e.rule()).isEqualTo(SimRule.COST_POSSIBLE);
      assertThat(e.getMessage()).isEqualTo("costs.test.nat.value 50.0 breaks a rule [SIM-014: a cost is a finite number of "
          + "zero or more with low <= value <= high, in a price year the deflator covers]");
    });
  }

  @Test
  void bad_cost_files_are_refused_whole() throws IOException {
    String json = defaultJson();
    assertRefused(json.replace("\"test.antibody\"", "\"test.antibodies\""), "costs.test.antibodies", SimRule.COST_FILE_WELL_FORMED);
    assertRefused(json.replace("\"value\": 2.0, \"low\": 1.0", "\"value\": -2.0, \"low\": 1.0"), "costs.test.antibody.value",
        SimRule.COST_POSSIBLE);
    assertRefused(json.replace("\"value\": 2.0, \"low\": 1.0, \"high\": 4.0, \"priceYear\": 2015",
        "\"value\": 2.0, \"low\": 1.0, \"high\": 4.0, \"priceYear\": 1990"), "costs.test.antibody.priceYear", SimRule.COST_POSSIBLE);
    assertRefused(json.replace("\"value\": 0.03,", "\"value\": 1.0,"), "valuation.discountRate", SimRule.VALUATION_POSSIBLE);
    assertRefused(json.replace("\"sensitivity\": [40]", "\"sensitivity\": [400]"), "valuation.treatmentYears",
        SimRule.VALUATION_POSSIBLE);
    assertRefused(json.replace("\"confidence\": \"project convention\"\n    }\n  }\n}", "\"confidence\": 3\n    }\n  }\n}"),
        "costs.child.treatmentPerYear.confidence", SimRule.COST_FILE_WELL_FORMED);
    assertRefused("{", "costs", SimRule.COST_FILE_WELL_FORMED);
    String withoutCtx = json.substring(0, json.indexOf("    \"ctx.infantPerMonth\"")) + json.substring(json.indexOf("    \"child.treatmentPerYear\""));
    assertRefused(withoutCtx, "costs.ctx.infantPerMonth", SimRule.COST_FILE_WELL_FORMED);
    assertThat(CostTable.read(json).table()).isEqualTo(COSTS.table()); // the untouched file reads back the same
  }

  private static void assertRefused(String json, String field, SimRule rule) {
    assertThatThrownBy(() -> CostTable.read(json)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }

  @Test
  void a_valuation_outside_its_rules_is_refused() {
    assertThatThrownBy(() -> new Valuation(-0.01, 10, 0)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("SIM-015");
    assertThatThrownBy(() -> new Valuation(0.03, 0, 0)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("valuation.treatmentYears 0");
    assertThatThrownBy(() -> new Valuation(0.03, 10, 1.0)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("valuation.annualMortality");
  }

  private static String defaultJson() throws IOException {
    try (InputStream in = CostTable.class.getResourceAsStream("/org/mentor/sim/economics/costs.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
