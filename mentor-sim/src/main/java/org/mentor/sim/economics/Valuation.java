package org.mentor.sim.economics;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/**
 * How a prevented infection is valued: the present value of treating the child
 * (transmission.md C25), {@code PV = Σ_{t=0}^{H−1} c · S(t) / (1 + r)^t} with survival
 * {@code S(t) = (1 − m)^t}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param discountRate r, per year (C20: 3 %; 0 % and 5 % as sensitivity)
 * @param treatmentYears H, the years of treatment counted (C19: 10; 40 as sensitivity)
 * @param annualMortality m, the infected child's yearly chance of dying (C25's figures use 0: S = 1)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Valuation(double discountRate, int treatmentYears, double annualMortality) {
  /**
   * Checks the valuation.
   *
   * @throws InvalidScenarioException if the rate or mortality is outside [0, 1) or the horizon outside
   *     1–100 years (SIM-015)
   */
  public Valuation {
    if (!(discountRate >= 0 && discountRate < 1)) {
      throw new InvalidScenarioException("valuation.discountRate", discountRate, SimRule.VALUATION_POSSIBLE);
    }
    if (treatmentYears < 1 || treatmentYears > 100) {
      throw new InvalidScenarioException("valuation.treatmentYears", treatmentYears, SimRule.VALUATION_POSSIBLE);
    }
    if (!(annualMortality >= 0 && annualMortality < 1)) {
      throw new InvalidScenarioException("valuation.annualMortality", annualMortality, SimRule.VALUATION_POSSIBLE);
    }
  }

  /**
   * The present value of a yearly cost paid at the start of each year of treatment (C25).
   *
   * @param annualCost c, the cost of a year of treatment
   * @return PV
   */
  public double presentValue(double annualCost) {
    double pv = 0;
    double survival = 1;
    double discount = 1;
    for (int t = 0; t < treatmentYears; t++) {
      pv += annualCost * survival / discount;
      survival *= 1 - annualMortality;
      discount *= 1 + discountRate;
    }
    return pv;
  }

  /** The same valuation at another discount rate. */
  public Valuation withDiscountRate(double rate) {
    return new Valuation(rate, treatmentYears, annualMortality);
  }

  /** The same valuation over another number of years. */
  public Valuation withTreatmentYears(int years) {
    return new Valuation(discountRate, years, annualMortality);
  }
}
