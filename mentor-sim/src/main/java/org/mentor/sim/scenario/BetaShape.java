package org.mentor.sim.scenario;

/**
 * A Beta distribution's shapes. Checked as part of a {@link Scenario} (SIM-003).
 *
 * @param alpha the first shape
 * @param beta the second shape
 */
public record BetaShape(double alpha, double beta) {
  /** The mean, alpha / (alpha + beta). */
  public double mean() {
    return alpha / (alpha + beta);
  }
}
