package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Conditions the evaluation raises for a person to act on, beyond the regions' states. */
@API(status = STABLE, since = "0.1")
public enum Alert {
  /**
   * The mother's latest viral load, sampled after delivery, is unsuppressed while an infant
   * breastfeeds, and the protocol does not make the infant high risk for it (scenarios.md S6 step 3).
   */
  MATERNAL_UNSUPPRESSED_WHILE_BREASTFEEDING,
  /** Past the estimated date of delivery by more than 6 weeks with no delivery recorded. */
  DELIVERY_NOT_RECORDED
}
