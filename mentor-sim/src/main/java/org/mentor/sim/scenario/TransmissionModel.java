package org.mentor.sim.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which table gives the vertical-transmission probabilities (transmission.md §1, §2, §8). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TransmissionModel {
  /**
   * Rollins et al. 2012 (transmission.md T1–T12): peripartum risk by the mother's ART timing (before
   * pregnancy, during pregnancy, none at delivery); per-month breastfeeding risk by her current state
   * (on ART by timing; off ART by CD4).
   */
  ROLLINS_2012,
  /**
   * The viral-load-banded assumptions S4 and S5: peripartum risk by the mother's viral load at
   * delivery, per-month breastfeeding risk by her current viral load; off ART as Rollins T3/T4–T6.
   */
  VIRAL_LOAD_BANDED
}
