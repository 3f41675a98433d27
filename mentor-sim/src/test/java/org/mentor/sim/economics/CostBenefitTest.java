package org.mentor.sim.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.MonthlyLoad;
import org.mentor.sim.result.PairedDifference;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.result.Resource;
import org.mentor.sim.result.ResourceUse;
import org.mentor.sim.result.SimulationResult;

/**
 * The cost arithmetic against hand-worked examples: transmission.md C25 (present value), C26 (the
 * benefit-cost ratio's worked example), the deflator (§9: one price year) and a full-system ratio.
 * Expected values are literals worked by hand from the table's numbers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CostBenefitTest {
  private static final CostTable COSTS = CostTable.defaults();

  @TempDir
  Path dir;

  @Test // transmission.md C25: with S = 1 and r = 3 %, PV = 8.79 c for H = 10 and 23.8 c for H = 40
  void the_present_value_of_a_yearly_cost_is_C25s_8_79_and_23_8_times_it() {
    assertThat(new Valuation(0.03, 10, 0).presentValue(1)).isCloseTo(8.79, within(0.005));
    assertThat(new Valuation(0.03, 40, 0).presentValue(1)).isCloseTo(23.8, within(0.05));
  }

  @Test // transmission.md C19: US$ 500 a year is about US$ 4 400 over 10 years and US$ 11 900 over 40, at 3 %
  void C19s_500_a_year_is_worth_about_4_400_over_10_years_and_11_900_over_40() {
    assertThat(new Valuation(0.03, 10, 0).presentValue(500)).isCloseTo(4_400, within(10.0));
    assertThat(new Valuation(0.03, 40, 0).presentValue(500)).isCloseTo(11_900, within(10.0));
  }

  @Test // transmission.md C20: 0 % and 5 % as sensitivity analyses
  void discounting_at_0_and_5_percent_and_with_mortality() {
    assertThat(new Valuation(0.0, 10, 0).presentValue(500)).isEqualTo(5_000.0, within(1e-9));
    // 500 · (1 − 1.05^−10) / (1 − 1/1.05) = 500 · 8.10782
    assertThat(new Valuation(0.05, 10, 0).presentValue(500)).isCloseTo(4_053.91, within(0.01));
    // undiscounted, 10 % a year dying: c · (1 + 0.9)
    assertThat(new Valuation(0.0, 2, 0.1).presentValue(1)).isCloseTo(1.9, within(1e-12));
    // the first year is paid undiscounted (t = 0)
    assertThat(new Valuation(0.05, 1, 0).presentValue(500)).isEqualTo(500.0, within(1e-9));
  }

  @Test // transmission.md C26: Δp = 5 points, PV = US$ 4 400, C_mm = US$ 30 give BCR = 7.3
  void C26s_worked_example_gives_7_3() {
    CostBenefit cb = new CostBenefit(COSTS, new Valuation(0.03, 10, 0), mentorArm(20, 30_000), comparatorArm(70));
    assertThat(cb.infectionsAverted()).isEqualTo(50); // 5 percentage points of 1 000 pairs
    assertThat(cb.pvChild()).isCloseTo(4_400, within(10.0)); // C19's US$ 500 a year, 2015 US$
    assertThat(cb.benefitCostRatio()).isCloseTo(7.3, within(0.05));
    assertThat(cb.programmeCostPerInfectionAverted().getAsDouble()).isEqualTo(600.0, within(1e-9)); // 30 000 / 50
  }

  @Test // transmission.md C26: reaching 11.40 needs PV ≈ US$ 6 840 at the same Δp and C_mm
  void C26_reaches_the_published_11_40_with_a_present_value_of_6_840() {
    // 6 840 / 8.7861 = US$ 778.50 a year, within C19's range (250–900)
    CostTable dearer = COSTS.with(CostItem.CHILD_TREATMENT_YEAR, 778.50);
    CostBenefit cb = new CostBenefit(dearer, new Valuation(0.03, 10, 0), mentorArm(20, 30_000), comparatorArm(70));
    assertThat(cb.pvChild()).isCloseTo(6_840, within(1.0));
    assertThat(cb.benefitCostRatio()).isCloseTo(11.40, within(0.01));
    assertThat(CostBenefit.PUBLISHED_BCR).isEqualTo(11.40); // transmission.md C1, MM3
  }

  @Test // a paired difference of 50 fewer infected pairs in 1 000, 50 discordant: sd = √((50 − 2.5) / 999)
  void the_Monte_Carlo_interval_comes_from_the_paired_difference() {
    PairedDifference paired = PairedDifference.of(CostBenefit.PAIRED_INFECTIONS, 1_000, 20, 70, 50);
    CostBenefit cb = new CostBenefit(COSTS, new Valuation(0.03, 10, 0), mentorArm(20, 30_000), comparatorArm(70),
        Optional.of(paired));
    double[] averted = cb.avertedInterval().orElseThrow();
    assertThat(averted[0]).isCloseTo(36.49, within(0.01)); // 50 − 1.96 · 1 000 · √(0.047548 / 1 000)
    assertThat(averted[1]).isCloseTo(63.51, within(0.01));
    double[] bcr = cb.benefitCostRatioInterval().orElseThrow();
    assertThat(bcr[0]).isCloseTo(5.343, within(0.001));
    assertThat(bcr[1]).isCloseTo(9.301, within(0.001));
    assertThat(new CostBenefit(COSTS, COSTS.valuation(), mentorArm(20, 30_000), comparatorArm(70)).avertedInterval()).isEmpty();
  }

  @Test // the full-system ratio adds the mentor arm's extra service spending: 4 000 ART months at TLD's US$ 6.05
  void the_full_system_ratio_adds_the_extra_ART_that_retention_causes() {
    ArmCost mentor = arm("mentor", 20, Map.of(CostItem.MENTOR_CLIENT_MONTH, 30_000.0, CostItem.MATERNAL_ARV_MONTH,
        24_000 * 6.0548));
    ArmCost comparator = arm("none", 70, Map.of(CostItem.MATERNAL_ARV_MONTH, 20_000 * 6.0548));
    CostBenefit cb = new CostBenefit(COSTS, new Valuation(0.03, 10, 0), mentor, comparator);
    assertThat(cb.extraServiceCost()).isCloseTo(24_219.2, within(0.1));
    // 50 · 4 393.05 / (30 000 + 24 219.2)
    assertThat(cb.fullSystemBenefitCostRatio()).isCloseTo(4.0512, within(0.0005));
    assertThat(cb.benefitCostRatio()).isCloseTo(7.3218, within(0.0005));
    assertThat(cb.incrementalCost()).isCloseTo(54_219.2, within(0.1));
    assertThat(cb.costPerInfectionAverted().getAsDouble()).isCloseTo(1_084.38, within(0.01));
  }

  @Test // transmission.md §9: costs converted to one price year (2015) with the US GDP deflator
  void costs_of_other_years_are_converted_to_2015_dollars() {
    assertThat(COSTS.priceYear()).isEqualTo(2015);
    assertThat(COSTS.price(CostItem.MATERNAL_ARV_MONTH)).isCloseTo(6.0548, within(0.0001)); // 6.25 · 109.998 / 113.545 (2017)
    assertThat(COSTS.price(CostItem.NAT)).isCloseTo(31.789, within(0.001)); // 34.20 · 109.998 / 118.339 (2019)
    assertThat(COSTS.price(CostItem.VIRAL_LOAD)).isCloseTo(20.215, within(0.001)); // 20 · 109.998 / 108.828 (2014)
    assertThat(COSTS.price(CostItem.INFANT_CTX_MONTH)).isCloseTo(1.0647, within(0.0001)); // 1 · 109.998 / 103.311 (2011)
    assertThat(COSTS.price(CostItem.MENTOR_CLIENT_MONTH)).isEqualTo(1.5); // already 2015 US$
  }

  @Test
  void an_arm_is_priced_from_its_resource_use() {
    ResourceUse use = ResourceUse.of(1_000, Map.of(Resource.MENTOR_CLIENT_DAYS, 730_500L, // 24 000 months of 30.4375 days
        Resource.MATERNAL_ART_DAYS, 608_750L, Resource.NAT_TESTS, 1_000L, Resource.VIRAL_LOADS, 1_000L,
        Resource.PROPHYLAXIS_NVP_DAYS, 42_000L, Resource.INFANT_CTX_DAYS, 304_375L, Resource.CLINIC_VISITS, 10_000L));
    ArmCost arm = ArmCost.of(result("mentor", 1_000, 20, use), COSTS);
    assertThat(arm.quantity(CostItem.MENTOR_CLIENT_MONTH)).isEqualTo(24_000.0, within(1e-9));
    assertThat(arm.cost(CostItem.MENTOR_CLIENT_MONTH)).isEqualTo(36_000.0, within(1e-6));
    assertThat(arm.cost(CostItem.MATERNAL_ARV_MONTH)).isCloseTo(121_095, within(2.0)); // 20 000 · 6.0548
    assertThat(arm.cost(CostItem.NAT)).isCloseTo(31_789, within(1.0));
    assertThat(arm.cost(CostItem.VIRAL_LOAD)).isCloseTo(20_215, within(1.0));
    assertThat(arm.quantity(CostItem.NVP_WEEK)).isEqualTo(6_000.0, within(1e-9));
    assertThat(arm.cost(CostItem.NVP_WEEK)).isEqualTo(3_000.0, within(1e-6)); // C14: US$ 3 per 6 weeks
    assertThat(arm.cost(CostItem.INFANT_CTX_MONTH)).isCloseTo(10_647, within(1.0));
    assertThat(arm.cost(CostItem.CLINIC_VISIT)).isEqualTo(50_000.0, within(1e-6));
    assertThat(arm.total()).isCloseTo(36_000 + 121_095 + 31_789 + 20_215 + 3_000 + 10_647 + 50_000, within(5.0));
  }

  @Test
  void the_mentor_arm_comes_first_and_the_comparator_has_no_support() {
    ArmComparison swapped = new ArmComparison(result("none", 1_000, 70, ResourceUse.of(1_000, Map.of())),
        result("mentor", 1_000, 20, ResourceUse.of(1_000, Map.of(Resource.MENTOR_CLIENT_DAYS, 1L))), ImmutableList.of());
    assertThatThrownBy(() -> CostBenefit.of(swapped, COSTS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mentor-mother support");
  }

  @Test
  void the_sensitivity_grid_runs_every_rate_for_every_horizon_and_the_csv_is_written() {
    CostBenefit cb = new CostBenefit(COSTS, COSTS.valuation(), mentorArm(20, 30_000), comparatorArm(70));
    assertThat(cb.sensitivity()).extracting(r -> r.valuation().discountRate() + "/" + r.valuation().treatmentYears())
        .containsExactly("0.03/10", "0.0/10", "0.05/10", "0.03/40", "0.0/40", "0.05/40");
    // 50 · 500 · 40 / 30 000 undiscounted over 40 years
    assertThat(cb.sensitivity().get(4).benefitCostRatio()).isCloseTo(33.33, within(0.01));
    cb.writeCsv(dir);
    assertThat(dir.resolve("economics.csv")).exists();
    assertThat(dir.resolve("economics-summary.csv")).content().contains("11.4000");
    assertThat(cb.table()).contains("benefit-cost ratio (C26): 7.32").contains("[published: 11.40]");
    assertThat(cb.markdown()).contains("**7.32**");
  }

  // --- fixtures -----------------------------------------------------------------------------------

  private static ArmCost mentorArm(long infected, double programmeCost) {
    return arm("mentor", infected, Map.of(CostItem.MENTOR_CLIENT_MONTH, programmeCost));
  }

  private static ArmCost comparatorArm(long infected) {
    return arm("none", infected, Map.of());
  }

  private static ArmCost arm(String name, long infected, Map<CostItem, Double> costs) {
    return new ArmCost(name, 1_000, 1_000, infected, ImmutableMap.of(), ImmutableMap.copyOf(costs));
  }

  /** A result holding only what pricing reads: the arm, its size, its infections and its resource use. */
  static SimulationResult result(String arm, int pairs, long infected, ResourceUse use) {
    Proportion transmission = new Proportion("transmission at final status", infected, pairs);
    return new SimulationResult(arm, "WHO_2021 v1", 1, pairs, "sim-parameters-1", ImmutableList.of(), transmission,
        transmission, ImmutableList.of(), ImmutableList.of(),
        new MonthlyLoad(YearMonth.of(2025, 1), ImmutableMap.of(LoadKind.CLINIC_VISITS, ImmutableList.of(0L))),
        ImmutableMap.of(), ImmutableMap.of(), ImmutableList.of(), 0, 0, use);
  }
}
