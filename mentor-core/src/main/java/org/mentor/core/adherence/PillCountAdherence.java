package org.mentor.core.adherence;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.core.pathway.PillCounted;

/**
 * Pill-count adherence (maternal.md A1): {@code (dispensed − remaining) ÷ (daily doses × days since
 * dispensing) × 100}, reported uncapped; bands classify {@code min(value, 100)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PillCountAdherence {
  private PillCountAdherence() {}

  /**
   * The adherence percentage of a pill count, uncapped.
   *
   * @param count the pill count, not null
   * @return the percentage; 100 when no days have passed since dispensing
   */
  public static double percent(PillCounted count) {
    requireNonNull(count, "count");
    double expected = (double) count.dailyDoses() * count.daysSinceDispensing();
    if (expected == 0) {
      return 100;
    }
    return (count.pillsDispensed() - count.pillsRemaining()) * 100.0 / expected;
  }
}
