package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One infant's outcome in one arm: the truth the simulator drew (infected, when, died) next to what
 * the engine knows (registered, first NAT, final outcome).
 *
 * @param infant 0 for the first infant, 1 for a twin
 * @param exposed HIV-exposed: the mother had HIV at birth or acquired it while breastfeeding
 * @param registered the delivery was recorded in the programme (a mother lost before delivery and
 *     never back is never registered)
 * @param infected infected by the end of follow-up (truth)
 * @param infectionAgeDays age at infection in days, or -1
 * @param infectionPeriod {@code peripartum}, {@code breastfeeding}, {@code T2} (mother infected
 *     while breastfeeding) or empty
 * @param firstNatAgeDays age at the first NAT sample recorded, or -1
 * @param finalOutcome the engine's final outcome category at the end of the walk ({@code HIV_NEGATIVE},
 *     {@code HIV_POSITIVE}, {@code DIED}, {@code LOST_TO_FOLLOW_UP}, {@code TRANSFERRED_OUT},
 *     {@code NOT_TESTED_AT_FINAL_AGE}), {@code NONE} if not reached, {@code NOT_REGISTERED}
 * @param died died during follow-up (truth)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InfantOutcome(int infant, boolean exposed, boolean registered, boolean infected, int infectionAgeDays,
    String infectionPeriod, int firstNatAgeDays, String finalOutcome, boolean died) {
  public InfantOutcome {
    requireNonNull(infectionPeriod, "infectionPeriod");
    requireNonNull(finalOutcome, "finalOutcome");
  }

  /** Infected by 6 weeks (42 days) of age. */
  public boolean infectedBy6Weeks() {
    return infected && infectionAgeDays <= 42;
  }

  /** The final status is known: the engine reached HIV-positive or HIV-negative. */
  public boolean finalStatusKnown() {
    return finalOutcome.equals("HIV_POSITIVE") || finalOutcome.equals("HIV_NEGATIVE");
  }

  /** Lost: the engine's outcome is loss to follow-up, or the infant was never registered. */
  public boolean lost() {
    return finalOutcome.equals("LOST_TO_FOLLOW_UP") || finalOutcome.equals("NOT_REGISTERED");
  }

  /** A first NAT sampled by 2 months (60 days; indicators.md K3 uses calendar months, see docs). */
  public boolean testedBy2Months() {
    return firstNatAgeDays >= 0 && firstNatAgeDays <= 60;
  }

  /** A first NAT sampled by 12 months (365 days). */
  public boolean testedBy12Months() {
    return firstNatAgeDays >= 0 && firstNatAgeDays <= 365;
  }
}
