package org.mentor.sim.calibration;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.calibration.Check.Arm;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.run.CohortProbe;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.scenario.Scenario;

/**
 * The calibration: settings built from the defaults with documented changes, and checks against
 * published outcomes (transmission.md §5–§6, D3), read from {@code calibration.json}. Retention and
 * suppression are measured on the pairs' drawn plans ({@link CohortProbe}); early infant diagnosis
 * and transmission on whole simulations through the engine.
 *
 * <pre>{@code
 * CalibrationReport report = Calibration.defaults().run(new Calibration.Sizes(20_000, 2_000, 2025, 2));
 * System.out.println(report.table());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Calibration {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();
  private static final String RESOURCE = "/org/mentor/sim/calibration/calibration.json";

  private final String id;
  private final ImmutableMap<String, CalibrationScenario> scenarios;
  private final ImmutableList<Check> checks;
  private final ImmutableList<Revision> history;

  /**
   * How large a calibration run is. Results depend on these and on nothing else (not on threads).
   *
   * @param probePairs pairs per arm for the measures read from the plans (cheap: 20 000 take under a second)
   * @param simulatedPairs pairs per arm for the measures that need the engine
   * @param seed the seed of every arm
   * @param threads worker threads for the simulations
   */
  public record Sizes(int probePairs, int simulatedPairs, long seed, int threads) {
    public Sizes {
      checkArgument(probePairs > 0 && simulatedPairs > 0 && threads > 0, "sizes and threads must be positive");
    }
  }

  /**
   * One version of the calibration file and what it changed, so a reader can tell which results came
   * from which inputs.
   *
   * <p>Immutable and thread-safe.
   *
   * @param version the file's version
   * @param change what that version changed, and why
   */
  public record Revision(String version, String change) {
    public Revision {
      requireNonNull(version, "version");
      requireNonNull(change, "change");
    }
  }

  private Calibration(String id, ImmutableMap<String, CalibrationScenario> scenarios, ImmutableList<Check> checks,
      ImmutableList<Revision> history) {
    this.id = id;
    this.scenarios = scenarios;
    this.checks = checks;
    this.history = history;
    for (Check c : checks) {
      checkArgument(scenarios.containsKey(c.scenario()), "check %s names an unknown scenario %s", c.id(), c.scenario());
    }
    scenarios.values().forEach(s -> s.arm(1, 1, true)); // every change is a known parameter with a valid value
  }

  /** The project's calibration ({@code calibration.json} in this package). */
  public static Calibration defaults() {
    return Defaults.CALIBRATION;
  }

  private static final class Defaults {
    static final Calibration CALIBRATION = load();

    private static Calibration load() {
      try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
        return read(requireNonNull(in, RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a calibration file.
   *
   * @param in UTF-8 JSON shaped like {@code calibration.json}, not null; not closed
   * @return the calibration
   * @throws IllegalArgumentException if the file is malformed or a check names an unknown scenario
   * @throws org.mentor.sim.scenario.InvalidScenarioException if a change breaks a scenario rule
   */
  public static Calibration read(InputStream in) {
    requireNonNull(in, "in");
    File file;
    try {
      file = MAPPER.readValue(in, File.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed calibration file: " + e.getMessage(), e);
    }
    Map<String, CalibrationScenario> scenarios = new LinkedHashMap<>();
    file.scenarios().forEach((key, s) -> scenarios.put(key, new CalibrationScenario(key, s.title(), ImmutableList.copyOf(s.changes()))));
    ImmutableList.Builder<Check> checks = ImmutableList.builder();
    for (CheckEntry c : file.checks()) {
      double low = c.target() != null ? c.target() : requireNonNull(c.low(), c.id() + ": target or low/high");
      double high = c.target() != null ? c.target() : requireNonNull(c.high(), c.id() + ": target or low/high");
      checks.add(new Check(c.id(), c.use(), c.measure(), c.scenario(), c.arm(), low, high, c.tolerance(), c.expect(),
          c.source()));
    }
    return new Calibration(file.id() + " v" + file.version(), ImmutableMap.copyOf(scenarios), checks.build(),
        ImmutableList.copyOf(file.history() == null ? List.of() : file.history()));
  }

  private record File(String id, String version, @Nullable List<Revision> history, Map<String, ScenarioEntry> scenarios,
      List<CheckEntry> checks) {}

  private record ScenarioEntry(String title, List<Change> changes) {}

  private record CheckEntry(String id, Check.Use use, Measure measure, String scenario, Arm arm, @Nullable Double target,
      @Nullable Double low, @Nullable Double high, double tolerance, Check.Expect expect, String source) {}

  /** The file's id and version. */
  public String id() {
    return id;
  }

  /** The settings, by id, in file order. */
  public ImmutableMap<String, CalibrationScenario> scenarios() {
    return scenarios;
  }

  /** The checks, in file order. */
  public ImmutableList<Check> checks() {
    return checks;
  }

  /** The file's versions and what each changed, oldest first (empty for a file without a history). */
  public ImmutableList<Revision> history() {
    return history;
  }

  /**
   * Which inputs each setting derives, sets or tunes, as a Markdown table: setting, parameter, value,
   * kind and why.
   */
  public String changesTable() {
    StringBuilder out = new StringBuilder("| Setting | Parameter | Value | Kind | Derived from / why |\n|---|---|---|---|---|\n");
    for (CalibrationScenario s : scenarios.values()) {
      for (Change c : s.changes()) {
        out.append("| ").append(s.id()).append(" | `").append(c.path()).append("` | ").append(c.value()).append(" | ")
            .append(c.kind().name().toLowerCase(Locale.ROOT)).append(" | ").append(c.why()).append(" |\n");
      }
    }
    return out.toString();
  }

  /**
   * Runs every check.
   *
   * @param sizes the cohort sizes, seed and threads, not null
   * @return the results, in the order of {@link #checks()}
   */
  public CalibrationReport run(Sizes sizes) {
    requireNonNull(sizes, "sizes");
    Map<String, SimulationResult[]> simulations = simulate(sizes);
    Map<String, Proportion> probes = new HashMap<>();
    ImmutableList.Builder<CheckResult> results = ImmutableList.builder();
    for (Check c : checks) {
      if (c.arm() == Arm.HAZARD_RATIO) {
        Proportion mentor = measure(c, true, sizes, simulations, probes);
        Proportion comparator = measure(c, false, sizes, simulations, probes);
        double hr = Math.log(mentor.estimate()) / Math.log(comparator.estimate());
        results.add(new CheckResult(c, hr, String.format(Locale.ROOT, "ln(%.3f) / ln(%.3f)", mentor.estimate(),
            comparator.estimate())));
      } else {
        Proportion p = measure(c, c.arm() == Arm.MENTOR, sizes, simulations, probes);
        results.add(new CheckResult(c, p.estimate(), String.format(Locale.ROOT, "%d / %d (95 %% CI %.1f–%.1f %%)",
            p.numerator(), p.denominator(), 100 * p.lower(), 100 * p.upper())));
      }
    }
    return new CalibrationReport(id, sizes, results.build());
  }

  /** Runs each setting's arms that a simulated measure needs: both arms on common random numbers, or one. */
  private Map<String, SimulationResult[]> simulate(Sizes sizes) {
    Map<String, boolean[]> needed = new LinkedHashMap<>();
    for (Check c : checks) {
      if (c.measure().simulated()) {
        boolean[] arms = needed.computeIfAbsent(c.scenario(), k -> new boolean[2]);
        arms[0] |= c.arm() != Arm.COMPARATOR;
        arms[1] |= c.arm() != Arm.MENTOR;
      }
    }
    Map<String, SimulationResult[]> results = new HashMap<>();
    needed.forEach((scenario, arms) -> {
      CalibrationScenario s = scenarios.get(scenario);
      Scenario mentor = s.arm(sizes.simulatedPairs(), sizes.seed(), true);
      Scenario comparator = s.arm(sizes.simulatedPairs(), sizes.seed(), false);
      SimulationResult[] r = new SimulationResult[2];
      if (arms[0] && arms[1]) {
        ArmComparison c = Simulation.compare(mentor, comparator).threads(sizes.threads()).indicators(false).runComparison();
        r[0] = c.a();
        r[1] = c.b();
      } else {
        int k = arms[0] ? 0 : 1;
        r[k] = Simulation.of(arms[0] ? mentor : comparator).threads(sizes.threads()).indicators(false).run();
      }
      results.put(scenario, r);
    });
    return results;
  }

  private Proportion measure(Check c, boolean mentorArm, Sizes sizes, Map<String, SimulationResult[]> simulations,
      Map<String, Proportion> probes) {
    Measure m = c.measure();
    if (m.simulated()) {
      SimulationResult r = simulations.get(c.scenario())[mentorArm ? 0 : 1];
      return switch (m) {
        case TRANSMISSION_AT_FINAL -> r.transmissionAtFinal();
        case TRANSMISSION_AMONG_FINAL_STATUS_KNOWN -> {
          long positive = r.finalOutcomes().getOrDefault("HIV_POSITIVE", 0L);
          long known = positive + r.finalOutcomes().getOrDefault("HIV_NEGATIVE", 0L);
          yield new Proportion("exposed infants positive among those with a final status", positive, known);
        }
        case NAT_BY_2_MONTHS -> r.step("exposed infants tested (NAT) by 2 months");
        default -> throw new IllegalStateException(m + " is read from the plans, not a simulation");
      };
    }
    return probes.computeIfAbsent(c.scenario() + "/" + m + "/" + mentorArm, k -> {
      Scenario s = scenarios.get(c.scenario()).arm(sizes.probePairs(), sizes.seed(), mentorArm);
      return m == Measure.VL_BELOW_50_6M_AFTER_BIRTH
          ? CohortProbe.suppressedBelow50(s, m.anchor().orElseThrow(), m.after().orElseThrow())
          : CohortProbe.inCare(s, m.anchor().orElseThrow(), m.after().orElseThrow());
    });
  }
}
