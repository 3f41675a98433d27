package org.mentor.sim.economics;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.mentor.sim.result.SimulationResult;

/**
 * One arm priced: each item's quantity (from the arm's simulated resource use) and cost in the cost
 * table's price year, and the infections among its exposed infants. Costs are those of the
 * programme's follow-up (booking to each case's close or the horizon), not discounted: they fall
 * within three years, where 3 % a year would change them by under 5 %. The treatment of infected
 * children is not an arm cost here; it is valued through its present value ({@link CostBenefit}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param arm the arm's name
 * @param pairs the pairs simulated
 * @param exposedInfants HIV-exposed infants
 * @param infectedInfants infected infants at final status (the simulated truth)
 * @param quantities each item's quantity, in the item's units
 * @param costs each item's cost, US$ of the cost table's price year
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ArmCost(String arm, long pairs, long exposedInfants, long infectedInfants,
    ImmutableMap<CostItem, Double> quantities, ImmutableMap<CostItem, Double> costs) {
  public ArmCost {
    requireNonNull(arm, "arm");
    quantities = Maps.immutableEnumMap(requireNonNull(quantities, "quantities"));
    costs = Maps.immutableEnumMap(requireNonNull(costs, "costs"));
  }

  /**
   * Prices one arm.
   *
   * @param result the arm's simulation result, not null
   * @param table the unit costs, not null
   * @return the arm's costs
   */
  public static ArmCost of(SimulationResult result, CostTable table) {
    requireNonNull(result, "result");
    requireNonNull(table, "table");
    Map<CostItem, Double> quantities = new EnumMap<>(CostItem.class);
    Map<CostItem, Double> costs = new EnumMap<>(CostItem.class);
    for (CostItem item : CostItem.values()) {
      if (item.resource().isEmpty()) {
        continue;
      }
      double q = item.quantity(result.resources());
      quantities.put(item, q);
      costs.put(item, q * table.price(item));
    }
    return new ArmCost(result.arm(), result.pairs(), result.transmissionAtFinal().denominator(),
        result.transmissionAtFinal().numerator(), ImmutableMap.copyOf(quantities), ImmutableMap.copyOf(costs));
  }

  /** One item's cost (0 if the item is not an arm cost). */
  public double cost(CostItem item) {
    return costs.getOrDefault(item, 0.0);
  }

  /** One item's quantity (0 if the item is not an arm cost). */
  public double quantity(CostItem item) {
    return quantities.getOrDefault(item, 0.0);
  }

  /** The arm's total cost. */
  public double total() {
    return costs.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The arm's total cost per pair. */
  public double perPair() {
    return pairs == 0 ? 0 : total() / pairs;
  }
}
