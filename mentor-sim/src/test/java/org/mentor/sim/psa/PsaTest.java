package org.mentor.sim.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.sim.economics.CostTable;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.Scenario;

/** The probabilistic sensitivity analysis: its ranges, its draws, its reproducibility and its tornado. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PsaTest {
  private static final CostTable COSTS = CostTable.defaults();

  @TempDir
  Path dir;

  private static Scenario mentors() {
    return Scenario.builder().name("mentor").pairs(32).seed(9).build();
  }

  private static Scenario none() {
    return mentors().toBuilder().name("none").mentorSupport(false).build();
  }

  private static Uncertain find(List<Uncertain> all, String name) {
    return all.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  @Test // transmission.md §5 (HR 0.05–0.5), T3 (15–25 %), T10 (0.9–2.9 %), C19 (250–900); else ± 25 %
  void the_default_ranges_are_transmission_md_s_where_it_gives_one_and_a_25_percent_spread_elsewhere() {
    List<Uncertain> all = UncertainInputs.defaults(mentors(), COSTS);
    assertRange(find(all, "mentor.ltfuHazardRatio"), 0.05, 0.2, 0.5);
    assertRange(find(all, "transmission.peripartum.noArt"), 0.15, 0.22, 0.25);
    assertRange(find(all, "transmission.peripartum.artInPregnancy"), 0.009, 0.02, 0.029);
    assertRange(find(all, "child.treatmentPerYear"), 250, 500, 900);
    assertRange(find(all, "mentor.perClientMonth"), 0.5, 1.5, 7.0);
    Uncertain hazards = find(all, "retention.ltfuHazards"); // L1/L6: 0.0401 early, 0.022 later, moved together
    assertRange(hazards, 0.0401 * 0.75, 0.0401, 0.0401 * 1.25);
    assertThat(hazards.paths()).containsExactly("retention.ltfuHazardEarly", "retention.ltfuHazardLater");
    assertRange(find(all, "mentor.onTime"), 0.715 * 0.75, 0.715, 0.715 * 1.25); // MM2
    // a cost without a range (none in costs.json) or a scenario value of 0 is not drawn
    assertThat(all).extracting(Uncertain::name).doesNotContain("booking.negativeShare");
  }

  @Test // losses by period: the hazards that are not 0 move together, the first takes the draw, the rest scale with it
  void loss_hazards_by_period_move_together() {
    Scenario periods = mentors().toBuilder().set("retention.ltfuHazardEarly", 0.0).set("retention.ltfuHazardLater", 0.0)
        .set("retention.periodHazard.pregnancy", 0.0746).set("retention.periodHazard.peripartum", 0.0746)
        .set("retention.periodHazard.afterWeaning", 0.21).build();
    Uncertain hazards = find(UncertainInputs.defaults(periods, COSTS), "retention.ltfuHazards");
    assertThat(hazards.paths()).containsExactly("retention.periodHazard.pregnancy", "retention.periodHazard.peripartum",
        "retention.periodHazard.afterWeaning");
    assertRange(hazards, 0.0746 * 0.75, 0.0746, 0.0746 * 1.25);
  }

  private static void assertRange(Uncertain u, double low, double point, double high) {
    assertThat(u.low()).as(u.name() + " low").isCloseTo(low, within(1e-9));
    assertThat(u.point()).as(u.name() + " point").isCloseTo(point, within(1e-9));
    assertThat(u.high()).as(u.name() + " high").isCloseTo(high, within(1e-9));
  }

  @Test
  void a_draw_follows_the_triangular_distribution() {
    Uncertain u = new Uncertain("x", Uncertain.Kind.COST, ImmutableList.of("x"), 1, 0, 2, "test");
    assertThat(u.quantile(0.0)).isEqualTo(0.0);
    assertThat(u.quantile(0.5)).isCloseTo(1.0, within(1e-12));
    assertThat(u.quantile(0.125)).isCloseTo(0.5, within(1e-12)); // F(0.5) = 0.5² / 2
    assertThat(u.quantile(0.875)).isCloseTo(1.5, within(1e-12));
    Uncertain leaning = new Uncertain("y", Uncertain.Kind.COST, ImmutableList.of("y"), 6.25, 6.25, 8.3333, "C12");
    assertThat(leaning.quantile(0.0)).isEqualTo(6.25);
    assertThat(leaning.quantile(0.75)).isCloseTo(8.3333 - Math.sqrt(0.25) * (8.3333 - 6.25), within(1e-12));
    assertThatThrownBy(() -> new Uncertain("z", Uncertain.Kind.COST, ImmutableList.of("z"), 3, 0, 2, "test"))
        .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("SIM-016");
  }

  @Test
  void the_same_seed_gives_the_same_draws_on_one_and_two_threads_and_another_seed_does_not() {
    List<Uncertain> all = UncertainInputs.defaults(mentors(), COSTS);
    List<Uncertain> few = List.of(find(all, "mentor.ltfuHazardRatio"), find(all, "transmission.peripartum.artInPregnancy"),
        find(all, "child.treatmentPerYear"), find(all, "mentor.perClientMonth"));
    PsaResult one = Psa.of(mentors(), none(), COSTS).inputs(few).threads(1).run(3, 7);
    PsaResult two = Psa.of(mentors(), none(), COSTS).inputs(few).threads(2).run(3, 7);
    PsaResult other = Psa.of(mentors(), none(), COSTS).inputs(few).threads(2).run(3, 8);
    assertThat(two).isEqualTo(one);
    assertThat(other.draws()).isNotEqualTo(one.draws());
    for (Draw d : one.draws()) {
      for (Uncertain u : few) {
        assertThat(d.inputs().get(u.name())).as(u.name()).isBetween(u.low(), u.high());
      }
    }
    // every draw sees the same pairs: the comparator's transmission moves only through the drawn inputs
    assertThat(one.draws().get(0).inputs()).isNotEqualTo(one.draws().get(1).inputs());
    one.writeCsv(dir);
    assertThat(dir.resolve("psa-draws.csv")).content().startsWith("draw,mentor.ltfuHazardRatio,");
    assertThat(one.table()).contains("3 draws, 32 pairs per arm, analysis seed 7");
  }

  @Test
  void a_cost_input_moves_the_ratio_by_its_own_factor_and_the_tornado_puts_the_widest_swing_first() {
    // cost inputs price the same simulation again: one comparison of 128 pairs
    Scenario mentors = mentors().toBuilder().pairs(128).build();
    List<Uncertain> all = UncertainInputs.defaults(mentors, COSTS);
    Psa psa = Psa.of(mentors, mentors.toBuilder().name("none").mentorSupport(false).build(), COSTS).threads(2)
        .inputs(List.of(find(all, "test.nat"), find(all, "child.treatmentPerYear"), find(all, "mentor.perClientMonth")));
    Tornado t = psa.tornado();
    assertThat(t.output()).isEqualTo(Output.BENEFIT_COST_RATIO);
    assertThat(t.base()).isPositive(); // this cohort averts infections
    // C26's ratio is linear in the child's yearly cost (900 / 500 = 1.8) and inverse in the programme's (1.5 / 0.5 = 3)
    Tornado.Bar child = bar(t, "child.treatmentPerYear");
    assertThat(child.atHigh() / t.base()).isCloseTo(1.8, within(1e-9));
    assertThat(child.atLow() / t.base()).isCloseTo(0.5, within(1e-9));
    Tornado.Bar programme = bar(t, "mentor.perClientMonth");
    assertThat(programme.atLow() / t.base()).isCloseTo(3.0, within(1e-9));
    assertThat(bar(t, "test.nat").swing()).isZero(); // tests are not in C26's denominator
    assertThat(t.bars().get(0).swing()).isGreaterThanOrEqualTo(t.bars().get(1).swing());
    assertThat(t.bars().get(1).swing()).isGreaterThanOrEqualTo(t.bars().get(2).swing());
    Path png = PsaCharts.write(t, dir.resolve("tornado"), PsaCharts.Format.PNG);
    assertThat(png).exists().isNotEmptyFile();
  }

  private static Tornado.Bar bar(Tornado t, String name) {
    return t.bars().stream().filter(b -> b.input().name().equals(name)).findFirst().orElseThrow();
  }

  @Test // percentiles by linear interpolation between order statistics: of 1 … 101, 3.5, 51 and 98.5
  void the_summary_is_the_median_and_the_central_95_percent_of_the_draws() {
    List<Draw> draws = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      Map<Output, Double> out = new java.util.EnumMap<>(Output.class);
      for (Output o : Output.values()) {
        out.put(o, o == Output.COST_PER_INFECTION_AVERTED && i == 0 ? Double.NaN : 101.0 - i);
      }
      draws.add(new Draw(i, ImmutableMap.of(), ImmutableMap.copyOf(out)));
    }
    PsaResult r = new PsaResult(1, 10, ImmutableList.of(), ImmutableList.copyOf(draws));
    Summary bcr = r.summary(Output.BENEFIT_COST_RATIO);
    assertThat(bcr.draws()).isEqualTo(101);
    assertThat(bcr.median()).isEqualTo(51.0);
    assertThat(bcr.lower()).isCloseTo(3.5, within(1e-9));
    assertThat(bcr.upper()).isCloseTo(98.5, within(1e-9));
    assertThat(r.summary(Output.COST_PER_INFECTION_AVERTED).draws()).isEqualTo(100); // a draw averting none has none
  }
}
