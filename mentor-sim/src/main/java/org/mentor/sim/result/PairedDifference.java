package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The difference between two arms in one outcome, over the same pairs on common random numbers:
 * the mean of the per-pair differences with its 95 % interval (normal approximation of the paired
 * mean, {@code mean ± 1.96 · sd / √n}).
 *
 * @param outcome what is compared, such as {@code infected at final status}
 * @param pairs pairs compared (the pairs the outcome applies to, the same in both arms)
 * @param armA the first arm's proportion
 * @param armB the second arm's proportion
 * @param difference armA − armB
 * @param lower lower end of the 95 % interval of the difference
 * @param upper upper end
 * @param discordant pairs whose outcome differs between the arms
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PairedDifference(String outcome, long pairs, double armA, double armB, double difference, double lower,
    double upper, long discordant) {
  public PairedDifference {
    requireNonNull(outcome, "outcome");
  }

  /**
   * Computes the difference from the per-pair sums.
   *
   * @param outcome the outcome's name
   * @param n pairs
   * @param sumA pairs with the outcome in arm A
   * @param sumB pairs with the outcome in arm B
   * @param discordant pairs where exactly one arm has it (the sum of squared differences)
   * @return the difference
   */
  public static PairedDifference of(String outcome, long n, long sumA, long sumB, long discordant) {
    if (n == 0) {
      return new PairedDifference(outcome, 0, 0, 0, 0, 0, 0, 0);
    }
    double mean = (double) (sumA - sumB) / n;
    double variance = n > 1 ? (discordant - n * mean * mean) / (n - 1) : 0;
    double half = 1.959963984540054 * Math.sqrt(Math.max(0, variance) / n);
    return new PairedDifference(outcome, n, (double) sumA / n, (double) sumB / n, mean, mean - half, mean + half,
        discordant);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %.2f%% vs %.2f%%, difference %+.2f points (95%% CI %+.2f to %+.2f), %d pairs",
        outcome, 100 * armA, 100 * armB, 100 * difference, 100 * lower, 100 * upper, pairs);
  }
}
