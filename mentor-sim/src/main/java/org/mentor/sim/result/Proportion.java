package org.mentor.sim.result;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apiguardian.api.API;

/**
 * A count out of a denominator with its exact (Clopper-Pearson) 95 % confidence interval.
 *
 * @param name what is counted, such as {@code infected at final status}
 * @param numerator the count
 * @param denominator out of how many
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Proportion(String name, long numerator, long denominator) {
  public Proportion {
    requireNonNull(name, "name");
    checkArgument(numerator >= 0 && numerator <= denominator, "0 <= numerator <= denominator");
  }

  /** The proportion, or 0 for an empty denominator. */
  public double estimate() {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  /** The lower end of the exact 95 % interval. */
  public double lower() {
    return lower(numerator, denominator, 0.95);
  }

  /** The upper end of the exact 95 % interval. */
  public double upper() {
    return upper(numerator, denominator, 0.95);
  }

  /**
   * The Clopper-Pearson lower bound: the {@code (1 − level)/2} quantile of Beta(x, n − x + 1).
   *
   * @param x successes
   * @param n trials
   * @param level the two-sided confidence level, such as 0.95
   * @return the bound (0 when x is 0)
   */
  public static double lower(long x, long n, double level) {
    if (x == 0 || n == 0) {
      return 0;
    }
    return BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability((1 - level) / 2);
  }

  /**
   * The Clopper-Pearson upper bound: the {@code (1 + level)/2} quantile of Beta(x + 1, n − x).
   *
   * @param x successes
   * @param n trials
   * @param level the two-sided confidence level
   * @return the bound (1 when x is n)
   */
  public static double upper(long x, long n, double level) {
    if (n == 0) {
      return 1;
    }
    if (x == n) {
      return 1;
    }
    return BetaDistribution.of(x + 1, n - x).inverseCumulativeProbability((1 + level) / 2);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s: %d / %d = %.2f%% (95%% CI %.2f–%.2f%%)", name, numerator, denominator,
        100 * estimate(), 100 * lower(), 100 * upper());
  }
}
