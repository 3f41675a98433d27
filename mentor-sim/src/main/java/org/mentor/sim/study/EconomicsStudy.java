package org.mentor.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.mentor.sim.calibration.Calibration;
import org.mentor.sim.calibration.CalibrationScenario;
import org.mentor.sim.economics.CostBenefit;
import org.mentor.sim.economics.CostTable;
import org.mentor.sim.psa.Output;
import org.mentor.sim.psa.Psa;
import org.mentor.sim.psa.PsaCharts;
import org.mentor.sim.psa.PsaResult;
import org.mentor.sim.psa.Tornado;
import org.mentor.sim.scenario.Scenario;

/**
 * Mentor-mother support's economics in one calibration setting: the two arms on common random numbers,
 * priced ({@link CostBenefit}), a probabilistic sensitivity analysis ({@link PsaResult}) and the
 * one-way tornadoes of both benefit-cost ratios. The same sizes and seeds give the same figures on any
 * machine and thread count.
 *
 * <pre>{@code
 * EconomicsStudy.Result r = new EconomicsStudy("uganda-2011-2014", 2_000, 50, 2025).threads(2).run();
 * System.out.println(r.base().table());
 * r.write(Path.of("out"), PsaCharts.Format.PNG);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EconomicsStudy {
  private final CalibrationScenario setting;
  private final int pairs;
  private final int draws;
  private final long seed;
  private CostTable costs = CostTable.defaults();
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * A study.
   *
   * @param setting a setting of {@link Calibration#defaults()}, such as {@code uganda-2011-2014}
   * @param pairs pairs per arm
   * @param draws draws of the probabilistic sensitivity analysis
   * @param seed the arms' seed, and the analysis seed
   * @throws IllegalArgumentException for an unknown setting or a size below 1
   */
  public EconomicsStudy(String setting, int pairs, int draws, long seed) {
    requireNonNull(setting, "setting");
    CalibrationScenario s = Calibration.defaults().scenarios().get(setting);
    checkArgument(s != null, "unknown setting %s (known: %s)", setting, Calibration.defaults().scenarios().keySet());
    checkArgument(pairs > 0 && draws > 0, "pairs and draws must be positive");
    this.setting = s;
    this.pairs = pairs;
    this.draws = draws;
    this.seed = seed;
  }

  /** The unit costs (default: {@link CostTable#defaults()}). */
  public EconomicsStudy costs(CostTable table) {
    this.costs = requireNonNull(table, "table");
    return this;
  }

  /** Worker threads per simulation; results do not depend on it. */
  public EconomicsStudy threads(int n) {
    checkArgument(n > 0, "threads must be positive");
    this.threads = n;
    return this;
  }

  /** The arm with mentor-mother support. */
  public Scenario mentorArm() {
    return setting.arm(pairs, seed, true);
  }

  /** The arm without. */
  public Scenario comparatorArm() {
    return setting.arm(pairs, seed, false);
  }

  /**
   * Runs the two arms only and prices them (no sensitivity analysis).
   *
   * @return the cost-benefit at the inputs' points
   */
  public CostBenefit base() {
    return Psa.of(mentorArm(), comparatorArm(), costs).threads(threads).base();
  }

  /**
   * Runs the arms, the analysis and the tornadoes.
   *
   * @return the results
   */
  public Result run() {
    Psa psa = Psa.of(mentorArm(), comparatorArm(), costs).threads(threads);
    CostBenefit base = psa.base();
    ImmutableList<Tornado> tornadoes = psa.tornadoes(List.of(Output.BENEFIT_COST_RATIO, Output.FULL_SYSTEM_BENEFIT_COST_RATIO));
    PsaResult spread = psa.run(draws, seed);
    return new Result(setting, base, spread, tornadoes);
  }

  /**
   * Settings' cost-benefits side by side, one row each (the basis beside a sensitivity reading, say):
   * transmission at final status in each arm, infections averted with their Monte Carlo interval, the
   * programme's cost per pair, the cost per infection averted, and both ratios.
   *
   * @param bySetting each setting's cost-benefit at the inputs' points, in row order, not null
   * @return a Markdown table
   */
  public static String compare(Map<String, CostBenefit> bySetting) {
    requireNonNull(bySetting, "bySetting");
    StringBuilder out = new StringBuilder("| Setting | Transmission, mentor arm | Transmission, comparator | Infections averted "
        + "per 1 000 pairs (Monte Carlo 95 %) | Programme cost per pair | Cost per infection averted (programme only) | "
        + "Benefit-cost ratio (C26) (Monte Carlo 95 %) | Full-system ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    bySetting.forEach((setting, cb) -> {
      double perThousand = 1000.0 / cb.pairs();
      String averted = String.format(Locale.ROOT, "%.1f", cb.infectionsAverted() * perThousand)
          + cb.avertedInterval().map(i -> String.format(Locale.ROOT, " (%.1f–%.1f)", i[0] * perThousand, i[1] * perThousand))
              .orElse("");
      String bcr = String.format(Locale.ROOT, "%.2f", cb.benefitCostRatio())
          + cb.benefitCostRatioInterval().map(i -> String.format(Locale.ROOT, " (%.2f–%.2f)", i[0], i[1])).orElse("");
      out.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %s | %.2f | %s (%s) | %s | %.2f |%n", setting,
          100.0 * cb.mentor().infectedInfants() / Math.max(1, cb.mentor().exposedInfants()),
          100.0 * cb.comparator().infectedInfants() / Math.max(1, cb.comparator().exposedInfants()), averted,
          cb.programmeCost() / cb.pairs(), money(cb.costPerInfectionAverted()), money(cb.programmeCostPerInfectionAverted()),
          bcr, cb.fullSystemBenefitCostRatio()));
    });
    return out.toString();
  }

  private static String money(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%,.0f", v.getAsDouble()) : "—";
  }

  /**
   * A study's results.
   *
   * @param setting the calibration setting
   * @param base the arms at the inputs' points
   * @param psa the probabilistic sensitivity analysis
   * @param tornadoes the tornadoes of the benefit-cost ratio (C26) and of the full-system ratio
   */
  public record Result(CalibrationScenario setting, CostBenefit base, PsaResult psa, ImmutableList<Tornado> tornadoes) {
    public Result {
      requireNonNull(setting, "setting");
      requireNonNull(base, "base");
      requireNonNull(psa, "psa");
      tornadoes = ImmutableList.copyOf(tornadoes);
    }

    /**
     * Writes the CSV tables ({@code economics.csv}, {@code economics-summary.csv}, {@code psa-draws.csv},
     * {@code psa-summary.csv}) and the charts: {@code economics-tornado}, {@code economics-tornado-full-system},
     * {@code economics-bcr-distribution}.
     *
     * @param dir the directory, created if missing
     * @param format PNG or SVG
     * @return the chart files written
     */
    public ImmutableList<Path> write(Path dir, PsaCharts.Format format) {
      requireNonNull(dir, "dir");
      base.writeCsv(dir);
      psa.writeCsv(dir);
      List<Path> charts = new ArrayList<>();
      charts.add(PsaCharts.write(tornadoes.get(0), dir.resolve("economics-tornado"), format));
      charts.add(PsaCharts.write(tornadoes.get(1), dir.resolve("economics-tornado-full-system"), format));
      charts.add(PsaCharts.write(psa, Output.BENEFIT_COST_RATIO, dir.resolve("economics-bcr-distribution"), format));
      return ImmutableList.copyOf(charts);
    }
  }
}
