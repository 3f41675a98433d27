package org.mentor.sim.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A Beta distribution's shapes. Checked as part of a {@link Scenario} (SIM-003).
 *
 * @param alpha the first shape
 * @param beta the second shape
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BetaShape(double alpha, double beta) {
  /** The mean, alpha / (alpha + beta). */
  public double mean() {
    return alpha / (alpha + beta);
  }
}
