package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.sim.economics.CostTable;
import org.mentor.sim.economics.UnitCost;
import org.mentor.sim.scenario.Parameter;
import org.mentor.sim.scenario.Parameters;
import org.mentor.sim.scenario.Scenario;

/**
 * The default uncertain inputs around a scenario and a cost table: the range transmission.md gives
 * where it gives one (listed below), otherwise the {@linkplain #DEFAULT_SPREAD default spread} of
 * ± 25 % around the scenario's value (probabilities kept within [0, 1]). Every unit cost is drawn
 * within the range of {@code costs.json}. The discount rate and the treatment horizon are not drawn:
 * they are choices of method, shown as deterministic sensitivity analyses instead (C19, C20).
 *
 * <table>
 *   <caption>Scenario inputs</caption>
 *   <tr><th>Input</th><th>Range</th></tr>
 *   <tr><td>{@code mentor.ltfuHazardRatio}</td><td>0.05–0.5 (transmission.md §5: MM7's odds ratio to a conservative bound)</td></tr>
 *   <tr><td>every loss hazard that is not 0 (by time since booking and by period), together</td><td>default spread</td></tr>
 *   <tr><td>{@code attendance.onTime}, {@code mentor.onTime}</td><td>default spread (MM2 is one figure)</td></tr>
 *   <tr><td>{@code transmission.peripartum.noArt}</td><td>15–25 % (T3)</td></tr>
 *   <tr><td>{@code transmission.peripartum.artInPregnancy}</td><td>0.9–2.9 % (T10, Option B: T11 gives no range)</td></tr>
 *   <tr><td>other transmission probabilities, breastfeeding duration</td><td>default spread</td></tr>
 * </table>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UncertainInputs {
  /** The relative half-width used where no source gives a range. */
  public static final double DEFAULT_SPREAD = 0.25;

  private static final String SPREAD = "default spread ± 25 % (no range in transmission.md)";
  /** The loss hazards, by time since booking and by period of the pair's course: those not 0 move together. */
  private static final List<String> LOSS_HAZARDS = List.of("retention.ltfuHazardEarly", "retention.ltfuHazardLater",
      "retention.periodHazard.pregnancy", "retention.periodHazard.peripartum", "retention.periodHazard.breastfeeding",
      "retention.periodHazard.afterWeaning");

  private UncertainInputs() {}

  /**
   * The default uncertain inputs.
   *
   * @param scenario the base scenario (its values are the points), not null
   * @param costs the base unit costs, not null
   * @return scenario inputs first, then every unit cost with a range
   */
  public static ImmutableList<Uncertain> defaults(Scenario scenario, CostTable costs) {
    requireNonNull(scenario, "scenario");
    requireNonNull(costs, "costs");
    ImmutableList.Builder<Uncertain> all = ImmutableList.builder();
    ranged(scenario, "mentor.ltfuHazardRatio", 0.05, 0.5,
        "transmission.md §5: 0.05 (MM7's adjusted odds ratio) to 0.5 (a conservative bound)").ifPresent(all::add);
    List<String> hazards = LOSS_HAZARDS.stream().filter(path -> value(scenario, path) > 0).toList();
    if (!hazards.isEmpty()) {
      spread(scenario, "retention.ltfuHazards", hazards).ifPresent(all::add);
    }
    spread(scenario, "attendance.onTime", List.of("attendance.onTime")).ifPresent(all::add);
    spread(scenario, "mentor.onTime", List.of("mentor.onTime")).ifPresent(all::add);
    ranged(scenario, "transmission.peripartum.noArt", 0.15, 0.25, "transmission.md T3: 22 % (15–25 %)").ifPresent(all::add);
    ranged(scenario, "transmission.peripartum.artInPregnancy", 0.009, 0.029,
        "transmission.md T10 (Option B, triple ARVs from pregnancy): 2 % (0.9–2.9 %); T11 gives no range").ifPresent(all::add);
    for (String path : List.of("transmission.peripartum.artBeforePregnancy", "transmission.breastfeedingPerMonth.artInPregnancy",
        "transmission.breastfeedingPerMonth.artBeforePregnancy", "transmission.breastfeedingPerMonth.noArtCd4Below350",
        "transmission.breastfeedingPerMonth.noArtCd4Above350", "feeding.durationMonths.mean")) {
      spread(scenario, path, List.of(path)).ifPresent(all::add);
    }
    for (UnitCost c : costs.costs()) {
      if (c.low() < c.high()) {
        all.add(new Uncertain(c.item().key(), Uncertain.Kind.COST, ImmutableList.of(c.item().key()), c.value(), c.low(),
            c.high(), "costs.json: " + c.source()));
      }
    }
    return all.build();
  }

  /** A published range, or the default spread where the scenario's value lies outside it. */
  private static Optional<Uncertain> ranged(Scenario s, String path, double low, double high, String source) {
    double point = value(s, path);
    if (point < low || point > high) {
      return spread(s, path, List.of(path));
    }
    return Optional.of(new Uncertain(path, Uncertain.Kind.SCENARIO, ImmutableList.of(path), point, low, high, source));
  }

  /** The default spread around the scenario's value; none for a value of 0 (nothing to spread). */
  private static Optional<Uncertain> spread(Scenario s, String name, List<String> paths) {
    double point = value(s, paths.get(0));
    if (point <= 0) {
      return Optional.empty();
    }
    double low = point * (1 - DEFAULT_SPREAD);
    double high = point * (1 + DEFAULT_SPREAD);
    Parameter p = Parameters.find(paths.get(0)).orElseThrow();
    if (p.kind() == Parameter.Kind.PROBABILITY) {
      high = Math.min(1.0, high);
    }
    return Optional.of(new Uncertain(name, Uncertain.Kind.SCENARIO, ImmutableList.copyOf(paths), point, low, high, SPREAD));
  }

  private static double value(Scenario s, String path) {
    Object v = s.values().get(path);
    if (!(v instanceof Double d)) {
      throw new IllegalArgumentException(path + " is not a number");
    }
    return d;
  }
}
