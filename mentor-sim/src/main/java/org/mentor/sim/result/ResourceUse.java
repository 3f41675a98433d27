package org.mentor.sim.result;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An arm's total use of each {@link Resource} over its pairs' follow-up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pairs the pairs simulated
 * @param totals each resource's total (every resource present, 0 when unused)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResourceUse(long pairs, ImmutableMap<Resource, Long> totals) {
  /** Days in an average month (365.25 / 12), for client-months and ARV months. */
  public static final double DAYS_PER_MONTH = 365.25 / 12;

  public ResourceUse {
    checkArgument(pairs >= 0, "pairs must be 0 or more");
    requireNonNull(totals, "totals");
    EnumMap<Resource, Long> all = new EnumMap<>(Resource.class);
    for (Resource r : Resource.values()) {
      long v = totals.getOrDefault(r, 0L);
      checkArgument(v >= 0, "a resource total is 0 or more: %s", r);
      all.put(r, v);
    }
    totals = Maps.immutableEnumMap(all);
  }

  /**
   * Builds a resource use from totals; resources left out are 0.
   *
   * @param pairs the pairs simulated
   * @param totals the totals, not null
   * @return the resource use
   */
  public static ResourceUse of(long pairs, Map<Resource, Long> totals) {
    return new ResourceUse(pairs, ImmutableMap.copyOf(totals));
  }

  /** One resource's total. */
  public long total(Resource resource) {
    return totals.get(requireNonNull(resource, "resource"));
  }

  /** One resource's total per pair (0 for an empty arm). */
  public double perPair(Resource resource) {
    return pairs == 0 ? 0 : (double) total(resource) / pairs;
  }

  /** A day count in months of {@link #DAYS_PER_MONTH} days. */
  public double months(Resource days) {
    return total(days) / DAYS_PER_MONTH;
  }
}
