package org.mentor.sim.psa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;
import org.mentor.sim.economics.CostBenefit;

/** The main outputs summarised over the draws of a probabilistic sensitivity analysis. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Output {
  /** Infected infants per exposed infant at final status, mentor arm. */
  TRANSMISSION_MENTOR("transmission at final status, mentor arm (%)", cb -> 100.0 * cb.mentor().infectedInfants()
      / Math.max(1, cb.mentor().exposedInfants())),
  /** The same, comparator arm. */
  TRANSMISSION_COMPARATOR("transmission at final status, comparator (%)", cb -> 100.0 * cb.comparator().infectedInfants()
      / Math.max(1, cb.comparator().exposedInfants())),
  /** Infections averted per 1 000 pairs. */
  INFECTIONS_AVERTED_PER_1000("infections averted per 1 000 pairs", cb -> 1000.0 * cb.infectionsAverted() / cb.pairs()),
  /** The mentor arm's extra cost per pair. */
  INCREMENTAL_COST_PER_PAIR("incremental cost per pair (US$)", cb -> cb.incrementalCost() / cb.pairs()),
  /** Incremental cost per infection averted (a draw that averts none has none). */
  COST_PER_INFECTION_AVERTED("cost per infection averted (US$)", cb -> cb.costPerInfectionAverted().orElse(Double.NaN)),
  /** The benefit-cost ratio of transmission.md C26. */
  BENEFIT_COST_RATIO("benefit-cost ratio (C26)", CostBenefit::benefitCostRatio),
  /** The full-system benefit-cost ratio. */
  FULL_SYSTEM_BENEFIT_COST_RATIO("full-system benefit-cost ratio", CostBenefit::fullSystemBenefitCostRatio);

  private final String title;
  private final ToDoubleFunction<CostBenefit> value;

  Output(String title, ToDoubleFunction<CostBenefit> value) {
    this.title = title;
    this.value = value;
  }

  /** A description with its unit. */
  public String title() {
    return title;
  }

  /** The output's value in one evaluated draw (NaN when it has none). */
  public double of(CostBenefit cb) {
    return value.applyAsDouble(cb);
  }
}
