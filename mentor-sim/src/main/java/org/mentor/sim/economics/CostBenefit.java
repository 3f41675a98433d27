package org.mentor.sim.economics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.PairedDifference;
import org.mentor.sim.result.Resource;

/**
 * The economics of mentor-mother support from two arms run on the same pairs (common random numbers):
 * each arm's cost, the infections averted, the cost per infection averted, and two benefit-cost
 * ratios.
 *
 * <ul>
 *   <li>{@link #benefitCostRatio()}, transmission.md C26: {@code (I_ctrl − I_mm) · PV_child / (N · C_mm)},
 *       I the infected infants at final status in each arm of N pairs, {@code PV_child} the present
 *       value of treating a child (C25, {@link Valuation}), and {@code N · C_mm} the programme's cost:
 *       the simulated client-months of support at the cost per client-month (C9). Reported beside the
 *       published {@value #PUBLISHED_BCR} (C1, MM3), whose inputs were not retrieved (C3): a figure of
 *       the same kind, not a replication.
 *   <li>{@link #fullSystemBenefitCostRatio()}: the same benefit over the programme's cost plus the
 *       extra spending better retention causes: maternal ARVs, clinic visits, viral loads, infant tests,
 *       prophylaxis and cotrimoxazole (mentor arm minus comparator; C11–C15).
 * </ul>
 *
 * <pre>{@code
 * ArmComparison c = Simulation.compare(mentors, none).runComparison();
 * CostBenefit cb = CostBenefit.of(c, CostTable.defaults());
 * System.out.println(cb.table());
 * CostBenefit atFivePercent = cb.at(cb.valuation().withDiscountRate(0.05));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param costs the unit costs
 * @param valuation how a prevented infection is valued
 * @param mentor the arm with mentor-mother support
 * @param comparator the arm without
 * @param pairedInfections the arms' paired difference in exposed pairs with an infected infant (mentor
 *     − comparator), for the Monte Carlo interval of the infections averted; empty when the arms were
 *     not simulated together
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CostBenefit(CostTable costs, Valuation valuation, ArmCost mentor, ArmCost comparator,
    Optional<PairedDifference> pairedInfections) {
  /** The paired outcome {@link #pairedInfections()} reads from an {@link ArmComparison}. */
  public static final String PAIRED_INFECTIONS = "exposed pair: an infant infected (final)";

  /** The published benefit-cost ratio of the Uganda m2m evaluation (transmission.md C1, MM3, H5). */
  public static final double PUBLISHED_BCR = 11.40;

  /** How the ratios are computed, for outputs. */
  public static final String METHOD = "C26: BCR = (I_ctrl − I_mm) · PV_child / (N · C_mm); I = infected infants at final "
      + "status (simulated truth) in each arm of N pairs on common random numbers; PV_child = C25 present value of treating "
      + "a child; N · C_mm = simulated client-months of support × cost per client-month (C9). Full-system ratio: the same "
      + "benefit over N · C_mm plus the mentor arm's extra maternal ARV, visit, viral-load, infant test, prophylaxis and "
      + "cotrimoxazole spending during follow-up. Published 11.40 (C1, MM3): Uganda 2014, inputs not retrieved (C3), "
      + "apparently programme cost only: compare with the C26 ratio, not a replication.";

  public CostBenefit {
    requireNonNull(costs, "costs");
    requireNonNull(valuation, "valuation");
    requireNonNull(mentor, "mentor");
    requireNonNull(comparator, "comparator");
    requireNonNull(pairedInfections, "pairedInfections");
    checkArgument(mentor.pairs() == comparator.pairs(), "the arms must have the same number of pairs");
  }

  /**
   * A comparison of two priced arms without their paired difference (no Monte Carlo interval).
   *
   * @param costs the unit costs
   * @param valuation how a prevented infection is valued
   * @param mentor the arm with mentor-mother support
   * @param comparator the arm without
   */
  public CostBenefit(CostTable costs, Valuation valuation, ArmCost mentor, ArmCost comparator) {
    this(costs, valuation, mentor, comparator, Optional.empty());
  }

  /**
   * Prices a comparison of an arm with mentor-mother support (a) against one without (b), at the
   * cost table's default valuation.
   *
   * @param comparison the two arms, mentor arm first, not null
   * @param table the unit costs, not null
   * @return the cost-benefit
   * @throws IllegalArgumentException if arm a had no mentor support or arm b had some
   */
  public static CostBenefit of(ArmComparison comparison, CostTable table) {
    requireNonNull(comparison, "comparison");
    requireNonNull(table, "table");
    checkArgument(comparison.a().resources().total(Resource.MENTOR_CLIENT_DAYS) > 0,
        "arm a (%s) must be the arm with mentor-mother support", comparison.a().arm());
    checkArgument(comparison.b().resources().total(Resource.MENTOR_CLIENT_DAYS) == 0,
        "arm b (%s) must be the arm without mentor-mother support", comparison.b().arm());
    Optional<PairedDifference> paired = comparison.differences().stream()
        .filter(d -> d.outcome().equals(PAIRED_INFECTIONS)).findFirst();
    return new CostBenefit(table, table.valuation(), ArmCost.of(comparison.a(), table), ArmCost.of(comparison.b(), table),
        paired);
  }

  /** The same comparison under another valuation (nothing is simulated again). */
  public CostBenefit at(Valuation other) {
    return new CostBenefit(costs, requireNonNull(other, "other"), mentor, comparator, pairedInfections);
  }

  /** The pairs in each arm. */
  public long pairs() {
    return mentor.pairs();
  }

  /** The present value of treating one infected child (C25) in the table's price year. */
  public double pvChild() {
    return valuation.presentValue(costs.price(CostItem.CHILD_TREATMENT_YEAR));
  }

  /** Infected infants in the comparator minus infected infants in the mentor arm. */
  public long infectionsAverted() {
    return comparator.infectedInfants() - mentor.infectedInfants();
  }

  /**
   * The Monte Carlo 95 % interval of the infections averted, from the arms' paired difference on
   * common random numbers (per exposed pair: twins count once): the simulation's own sampling error,
   * which a larger cohort narrows.
   *
   * @return {lower, upper}, empty without the paired difference
   */
  public Optional<double[]> avertedInterval() {
    return pairedInfections.map(d -> new double[] {-d.upper() * d.pairs(), -d.lower() * d.pairs()});
  }

  /**
   * C26's ratio over {@link #avertedInterval()}: how far the simulation's own sampling error moves it.
   *
   * @return {lower, upper}, empty without the paired difference
   */
  public Optional<double[]> benefitCostRatioInterval() {
    return avertedInterval().map(i -> new double[] {i[0] * pvChild() / programmeCost(), i[1] * pvChild() / programmeCost()});
  }

  /** The mentor-mother programme's cost: client-months × cost per client-month (C9). */
  public double programmeCost() {
    return mentor.cost(CostItem.MENTOR_CLIENT_MONTH);
  }

  /** The extra service spending better retention causes: every arm cost but the programme, mentor arm minus comparator. */
  public double extraServiceCost() {
    double extra = 0;
    for (CostItem item : CostItem.values()) {
      if (item != CostItem.MENTOR_CLIENT_MONTH) {
        extra += mentor.cost(item) - comparator.cost(item);
      }
    }
    return extra;
  }

  /** The mentor arm's total cost minus the comparator's. */
  public double incrementalCost() {
    return mentor.total() - comparator.total();
  }

  /** The incremental cost per infection averted; empty when none is averted. */
  public OptionalDouble costPerInfectionAverted() {
    long averted = infectionsAverted();
    return averted > 0 ? OptionalDouble.of(incrementalCost() / averted) : OptionalDouble.empty();
  }

  /** The programme's cost per infection averted; empty when none is averted. */
  public OptionalDouble programmeCostPerInfectionAverted() {
    long averted = infectionsAverted();
    return averted > 0 ? OptionalDouble.of(programmeCost() / averted) : OptionalDouble.empty();
  }

  /** The treatment costs averted: infections averted × {@link #pvChild()}. */
  public double benefit() {
    return infectionsAverted() * pvChild();
  }

  /** C26's ratio: the treatment costs averted per dollar of the programme. */
  public double benefitCostRatio() {
    return benefit() / programmeCost();
  }

  /** The treatment costs averted per dollar of the programme and the extra services it causes. */
  public double fullSystemBenefitCostRatio() {
    return benefit() / (programmeCost() + extraServiceCost());
  }

  /**
   * The ratios over the cost table's sensitivity grid: every discount rate (C20) for every treatment
   * horizon (C19), the defaults first.
   *
   * @return one row per valuation
   */
  public ImmutableList<CostBenefit> sensitivity() {
    ImmutableList.Builder<CostBenefit> rows = ImmutableList.builder();
    for (int years : costs.treatmentYears()) {
      for (double rate : costs.discountRates()) {
        rows.add(at(valuation.withTreatmentYears(years).withDiscountRate(rate)));
      }
    }
    return rows.build();
  }

  /** The comparison as plain text: both arms' quantities and costs, then the ratios and the method. */
  public String table() {
    StringBuilder out = new StringBuilder();
    int y = costs.priceYear();
    out.append(String.format(Locale.ROOT, "Cost-benefit of mentor-mother support (%d US$; costs %s)%n", y, costs.id()));
    out.append(String.format(Locale.ROOT, "  %-22s %16s %12s %16s %12s%n", "per arm of " + pairs() + " pairs",
        mentor.arm() + " (qty)", "US$", comparator.arm() + " (qty)", "US$"));
    for (CostItem item : CostItem.values()) {
      if (item.resource().isEmpty()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "  %-22s %16.1f %12.0f %16.1f %12.0f%n", item.units(), mentor.quantity(item),
          mentor.cost(item), comparator.quantity(item), comparator.cost(item)));
    }
    out.append(String.format(Locale.ROOT, "  %-22s %16s %12.0f %16s %12.0f%n", "total", "", mentor.total(), "",
        comparator.total()));
    out.append(String.format(Locale.ROOT, "  %-22s %16.2f %12s %16.2f%n", "total per pair", mentor.perPair(), "",
        comparator.perPair()));
    out.append(String.format(Locale.ROOT, "  infected infants at final status: %d of %d exposed vs %d of %d; averted %d%n",
        mentor.infectedInfants(), mentor.exposedInfants(), comparator.infectedInfants(), comparator.exposedInfants(),
        infectionsAverted()));
    out.append(String.format(Locale.ROOT, "  programme cost %.0f; extra services %.0f; incremental cost %.0f%n", programmeCost(),
        extraServiceCost(), incrementalCost()));
    out.append("  cost per infection averted: ").append(money(costPerInfectionAverted())).append(" (programme only: ")
        .append(money(programmeCostPerInfectionAverted())).append(")\n");
    out.append(String.format(Locale.ROOT, "  PV of treating a child: %.0f (%.0f a year, %d years, %.0f%% discount)%n", pvChild(),
        costs.price(CostItem.CHILD_TREATMENT_YEAR), valuation.treatmentYears(), 100 * valuation.discountRate()));
    out.append(String.format(Locale.ROOT, "  benefit-cost ratio (C26): %.2f   [published: %.2f]%n", benefitCostRatio(),
        PUBLISHED_BCR));
    benefitCostRatioInterval().ifPresent(i -> out.append(String.format(Locale.ROOT,
        "  Monte Carlo 95%% interval (paired): infections averted %.0f to %.0f, benefit-cost ratio %.2f to %.2f%n",
        avertedInterval().get()[0], avertedInterval().get()[1], i[0], i[1])));
    out.append(String.format(Locale.ROOT, "  full-system benefit-cost ratio: %.2f%n", fullSystemBenefitCostRatio()));
    out.append("  method: ").append(METHOD).append('\n');
    return out.toString();
  }

  /**
   * The comparison as Markdown: each item's quantity and cost per pair in both arms, then the results,
   * then the ratios over the sensitivity grid.
   */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    int y = costs.priceYear();
    out.append(String.format(Locale.ROOT, "Per pair, %,d pairs per arm on common random numbers, %d US$ (costs %s).%n%n",
        pairs(), y, costs.id()));
    out.append("| Item | Units | ").append(mentor.arm()).append(": quantity | US$ | ").append(comparator.arm())
        .append(": quantity | US$ |\n|---|---|---:|---:|---:|---:|\n");
    for (CostItem item : CostItem.values()) {
      if (item.resource().isEmpty()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "| `%s` | %s | %.2f | %.2f | %.2f | %.2f |%n", item.key(), item.units(),
          mentor.quantity(item) / pairs(), mentor.cost(item) / pairs(), comparator.quantity(item) / pairs(),
          comparator.cost(item) / pairs()));
    }
    out.append(String.format(Locale.ROOT, "| **total** | | | **%.2f** | | **%.2f** |%n%n", mentor.perPair(), comparator.perPair()));
    out.append("| Result | Value |\n|---|---:|\n");
    out.append(String.format(Locale.ROOT, "| infected infants at final status | %d of %d exposed (%.2f %%) vs %d of %d (%.2f %%) |%n",
        mentor.infectedInfants(), mentor.exposedInfants(), 100.0 * mentor.infectedInfants() / Math.max(1, mentor.exposedInfants()),
        comparator.infectedInfants(), comparator.exposedInfants(),
        100.0 * comparator.infectedInfants() / Math.max(1, comparator.exposedInfants())));
    out.append(String.format(Locale.ROOT, "| infections averted | %d (%.1f per 1 000 pairs) |%n", infectionsAverted(),
        1000.0 * infectionsAverted() / pairs()));
    avertedInterval().ifPresent(i -> out.append(String.format(Locale.ROOT,
        "| Monte Carlo 95 %% interval of the infections averted (paired, per exposed pair) | %.0f to %.0f |%n", i[0], i[1])));
    out.append(String.format(Locale.ROOT, "| programme cost (N · C_mm) | %,.0f (%.2f per pair) |%n", programmeCost(),
        programmeCost() / pairs()));
    out.append(String.format(Locale.ROOT, "| extra service spending in the mentor arm | %,.0f (%.2f per pair) |%n",
        extraServiceCost(), extraServiceCost() / pairs()));
    out.append(String.format(Locale.ROOT, "| incremental cost | %,.0f (%.2f per pair) |%n", incrementalCost(),
        incrementalCost() / pairs()));
    out.append("| cost per infection averted (programme only) | ").append(money(costPerInfectionAverted())).append(" (")
        .append(money(programmeCostPerInfectionAverted())).append(") |\n");
    out.append(String.format(Locale.ROOT, "| PV of treating a child (C25: %.0f a year, %d years, %.0f %%) | %,.0f |%n",
        costs.price(CostItem.CHILD_TREATMENT_YEAR), valuation.treatmentYears(), 100 * valuation.discountRate(), pvChild()));
    out.append(String.format(Locale.ROOT, "| **benefit-cost ratio (C26)** | **%.2f** (published: %.2f) |%n", benefitCostRatio(),
        PUBLISHED_BCR));
    benefitCostRatioInterval().ifPresent(i -> out.append(String.format(Locale.ROOT,
        "| benefit-cost ratio over the Monte Carlo interval | %.2f to %.2f |%n", i[0], i[1])));
    out.append(String.format(Locale.ROOT, "| full-system benefit-cost ratio | %.2f |%n%n", fullSystemBenefitCostRatio()));
    out.append("| Discount rate | Years of treatment | PV of a child | Benefit-cost ratio (C26) | Full-system ratio |\n");
    out.append("|---:|---:|---:|---:|---:|\n");
    for (CostBenefit row : sensitivity()) {
      out.append(String.format(Locale.ROOT, "| %.0f %% | %d | %,.0f | %.2f | %.2f |%n", 100 * row.valuation.discountRate(),
          row.valuation.treatmentYears(), row.pvChild(), row.benefitCostRatio(), row.fullSystemBenefitCostRatio()));
    }
    return out.toString();
  }

  /**
   * Writes {@code economics.csv} (each arm's items: quantity, unit cost, cost) and
   * {@code economics-summary.csv} (the ratios over the sensitivity grid) into a directory.
   *
   * @param dir the directory, created if missing
   */
  public void writeCsv(Path dir) {
    requireNonNull(dir, "dir");
    StringBuilder items = new StringBuilder("arm,item,units,quantity,unit_cost,cost,price_year\n");
    for (ArmCost arm : ImmutableList.of(mentor, comparator)) {
      for (CostItem item : CostItem.values()) {
        if (item.resource().isEmpty()) {
          continue;
        }
        items.append(csv(arm.arm())).append(',').append(item.key()).append(',').append(item.units()).append(',')
            .append(number(arm.quantity(item))).append(',').append(number(costs.price(item))).append(',')
            .append(number(arm.cost(item))).append(',').append(costs.priceYear()).append('\n');
      }
    }
    StringBuilder summary = new StringBuilder("discount_rate,treatment_years,pv_child,pairs,infected_mentor,infected_comparator,"
        + "infections_averted,programme_cost,extra_service_cost,incremental_cost,cost_per_infection_averted,"
        + "benefit_cost_ratio,full_system_benefit_cost_ratio,published_benefit_cost_ratio\n");
    for (CostBenefit row : sensitivity()) {
      summary.append(number(row.valuation.discountRate())).append(',').append(row.valuation.treatmentYears()).append(',')
          .append(number(row.pvChild())).append(',').append(pairs()).append(',').append(mentor.infectedInfants()).append(',')
          .append(comparator.infectedInfants()).append(',').append(row.infectionsAverted()).append(',')
          .append(number(row.programmeCost())).append(',').append(number(row.extraServiceCost())).append(',')
          .append(number(row.incrementalCost())).append(',')
          .append(row.costPerInfectionAverted().isPresent() ? number(row.costPerInfectionAverted().getAsDouble()) : "")
          .append(',').append(number(row.benefitCostRatio())).append(',').append(number(row.fullSystemBenefitCostRatio()))
          .append(',').append(number(PUBLISHED_BCR)).append('\n');
    }
    write(dir.resolve("economics.csv"), items.toString());
    write(dir.resolve("economics-summary.csv"), summary.toString());
  }

  private static String money(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : "— (no infection averted)";
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String csv(String text) {
    return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
