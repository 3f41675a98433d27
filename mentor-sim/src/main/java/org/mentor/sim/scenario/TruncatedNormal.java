package org.mentor.sim.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A normal distribution truncated to [min, max] (drawn by rejection). Checked as part of a
 * {@link Scenario} (SIM-003), not here, so the error can name the parameter's path.
 *
 * @param mean the mean of the untruncated normal
 * @param sd its standard deviation
 * @param min the lower bound
 * @param max the upper bound
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TruncatedNormal(double mean, double sd, double min, double max) {}
