package org.mentor.sim.economics;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/**
 * A price index by year, to convert US$ of one year into another's ({@code value × index(to) /
 * index(from)}), as transmission.md §9 asks before costs of different years are added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the index's name
 * @param source where the values come from
 * @param confidence the source's confidence mark
 * @param index the index value per year
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Deflator(String name, String source, String confidence, ImmutableSortedMap<Integer, Double> index) {
  public Deflator {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    requireNonNull(confidence, "confidence");
    index = ImmutableSortedMap.copyOf(requireNonNull(index, "index"));
    for (Map.Entry<Integer, Double> e : index.entrySet()) {
      if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
        throw new InvalidScenarioException("deflator.index." + e.getKey(), e.getValue(), SimRule.COST_POSSIBLE);
      }
    }
  }

  /** Whether the index has a value for a year. */
  public boolean covers(int year) {
    return index.containsKey(year);
  }

  /**
   * The factor that turns US$ of one year into US$ of another.
   *
   * @param from the year of the amount
   * @param to the year wanted
   * @return index(to) / index(from)
   * @throws InvalidScenarioException if either year is not covered (SIM-014)
   */
  public double factor(int from, int to) {
    return value(to) / value(from);
  }

  private double value(int year) {
    Double v = index.get(year);
    if (v == null) {
      throw new InvalidScenarioException("priceYear", year, SimRule.COST_POSSIBLE);
    }
    return v;
  }
}
