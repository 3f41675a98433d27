package org.mentor.sim.scenario;

/**
 * A normal distribution truncated to [min, max] (drawn by rejection). Checked as part of a
 * {@link Scenario} (SIM-003), not here, so the error can name the parameter's path.
 *
 * @param mean the mean of the untruncated normal
 * @param sd its standard deviation
 * @param min the lower bound
 * @param max the upper bound
 */
public record TruncatedNormal(double mean, double sd, double min, double max) {}
