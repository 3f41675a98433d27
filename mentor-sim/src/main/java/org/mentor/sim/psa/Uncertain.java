package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/**
 * One uncertain input: its base value (the point), its range, and where the range comes from. A draw
 * takes a value from the triangular distribution (low, point, high), the usual choice when a source
 * gives a range and a most likely value. A scenario input may move several parameters together
 * (both loss hazards, say): the first path takes the drawn value and the others are scaled by the same
 * factor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a short label, such as {@code mentor.ltfuHazardRatio}
 * @param kind a scenario parameter or a unit cost
 * @param paths the scenario parameters' paths, or the one cost key
 * @param point the base value (of the first path, or the cost in its own price year)
 * @param low the range's lower end
 * @param high the range's upper end
 * @param rangeSource where the range comes from
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Uncertain(String name, Kind kind, ImmutableList<String> paths, double point, double low, double high,
    String rangeSource) {
  /**
   * Checks the range.
   *
   * @throws InvalidScenarioException if the range does not hold the point or is empty (SIM-016)
   */
  public Uncertain {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    paths = ImmutableList.copyOf(paths);
    requireNonNull(rangeSource, "rangeSource");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("an uncertain input names at least one parameter");
    }
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new InvalidScenarioException(name + ".high", high, SimRule.RANGE_HOLDS_POINT);
    }
    if (!(point >= low && point <= high)) {
      throw new InvalidScenarioException(name + ".point", point, SimRule.RANGE_HOLDS_POINT);
    }
  }

  /** What an uncertain input changes. */
  public enum Kind {
    /** Scenario parameters: each draw is simulated again, on the same pairs. */
    SCENARIO,
    /** A unit cost: only the pricing changes. */
    COST
  }

  /**
   * The value at a quantile of the triangular distribution (low, point, high).
   *
   * @param u a quantile in [0, 1)
   * @return the value
   */
  public double quantile(double u) {
    double width = high - low;
    double modeAt = (point - low) / width;
    return u < modeAt
        ? low + Math.sqrt(u * width * (point - low))
        : high - Math.sqrt((1 - u) * width * (high - point));
  }
}
