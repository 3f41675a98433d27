package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.YearMonth;
import org.apiguardian.api.API;

/**
 * The operational load per calendar month from the cohort's first month.
 *
 * @param firstMonth the month of index 0 (the cohort start's month)
 * @param counts for each kind, the count per month
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MonthlyLoad(YearMonth firstMonth, ImmutableMap<LoadKind, ImmutableList<Long>> counts) {
  public MonthlyLoad {
    requireNonNull(firstMonth, "firstMonth");
    counts = ImmutableMap.copyOf(requireNonNull(counts, "counts"));
  }

  /** The number of months covered. */
  public int months() {
    return counts.values().iterator().next().size();
  }

  /** One kind's count in one month. */
  public long get(LoadKind kind, int month) {
    return counts.get(kind).get(month);
  }

  /** The busiest month's count of a kind. */
  public long peak(LoadKind kind) {
    return counts.get(kind).stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
