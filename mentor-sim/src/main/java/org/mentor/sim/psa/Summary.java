package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An output's spread over the draws: median and the central 95 % interval (2.5th and 97.5th
 * percentiles, linear interpolation between order statistics).
 *
 * @param output the output
 * @param draws the draws that had a value
 * @param median the median
 * @param lower the 2.5th percentile
 * @param upper the 97.5th percentile
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Summary(Output output, int draws, double median, double lower, double upper) {
  public Summary {
    requireNonNull(output, "output");
  }
}
