package org.mentor.sim.economics;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/**
 * One unit cost as the source gives it: the value with its range, in its own price year, with its
 * source and confidence mark (shared/clinical/README.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param item what is priced
 * @param value the cost, in US$ of {@code priceYear}
 * @param low the range's lower end (the probabilistic sensitivity analysis draws within the range)
 * @param high the range's upper end
 * @param priceYear the year of the US$ the source reports in
 * @param unit what one unit is, such as {@code US$ per infant NAT}
 * @param source the transmission.md row and what was derived from it
 * @param confidence the source's confidence mark
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record UnitCost(CostItem item, double value, double low, double high, int priceYear, String unit, String source,
    String confidence) {
  /**
   * Checks the cost.
   *
   * @throws InvalidScenarioException if the value is not a finite number of zero or more within
   *     [low, high] (SIM-014)
   */
  public UnitCost {
    requireNonNull(item, "item");
    requireNonNull(unit, "unit");
    requireNonNull(source, "source");
    requireNonNull(confidence, "confidence");
    String field = "costs." + item.key();
    if (!Double.isFinite(low) || low < 0) {
      throw new InvalidScenarioException(field + ".low", low, SimRule.COST_POSSIBLE);
    }
    if (!Double.isFinite(high) || high < low) {
      throw new InvalidScenarioException(field + ".high", high, SimRule.COST_POSSIBLE);
    }
    if (!Double.isFinite(value) || value < low || value > high) {
      throw new InvalidScenarioException(field + ".value", value, SimRule.COST_POSSIBLE);
    }
  }

  /**
   * The same cost with another value in its own price year (for sensitivity analyses).
   *
   * @param newValue the value; it must lie within [low, high]
   * @return the cost
   * @throws InvalidScenarioException if it does not (SIM-014)
   */
  public UnitCost withValue(double newValue) {
    return new UnitCost(item, newValue, low, high, priceYear, unit, source, confidence);
  }
}
