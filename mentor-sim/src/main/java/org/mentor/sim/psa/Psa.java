package org.mentor.sim.psa;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.economics.CostBenefit;
import org.mentor.sim.economics.CostItem;
import org.mentor.sim.economics.CostTable;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probabilistic and one-way sensitivity analyses of mentor-mother support's economics. Each draw sets
 * the uncertain inputs in both arms (and the cost table), simulates the two arms on the same pairs
 * with the scenarios' own seed (common random numbers: every draw sees the same women, so the spread
 * comes from the inputs, not from new chance) and prices them ({@link CostBenefit}). Draw {@code d}'s
 * inputs come from a stream seeded by the analysis seed and {@code d}, and the simulations do not
 * depend on the thread count: the same seed gives the same result on any machine and thread count.
 *
 * <pre>{@code
 * Psa psa = Psa.of(mentors, none, CostTable.defaults()).threads(2);
 * PsaResult spread = psa.run(200, 7);          // 200 draws, analysis seed 7
 * Tornado tornado = psa.tornado();             // each input at its low and high end, the others at their points
 * PsaCharts.write(tornado, Path.of("out", "tornado"), PsaCharts.Format.PNG);
 * }</pre>
 *
 * <p>Configured, then run; not thread-safe itself (each simulation uses its own workers).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Psa {
  private static final Logger LOG = LoggerFactory.getLogger(Psa.class);

  private final Scenario mentor;
  private final Scenario comparator;
  private final CostTable costs;
  private ImmutableList<Uncertain> inputs;
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  private @Nullable ArmComparison base;

  private Psa(Scenario mentor, Scenario comparator, CostTable costs) {
    this.mentor = mentor;
    this.comparator = comparator;
    this.costs = costs;
    this.inputs = UncertainInputs.defaults(mentor, costs);
  }

  /**
   * An analysis of two arms: one with mentor-mother support, one without.
   *
   * @param mentorArm the arm with support, not null
   * @param comparatorArm the arm without, not null; comparable on common random numbers (SIM-010)
   * @param costs the base unit costs, not null
   * @return the analysis, with {@link UncertainInputs#defaults} as its inputs
   * @throws org.mentor.sim.scenario.InvalidScenarioException if the arms are not comparable (SIM-010)
   */
  public static Psa of(Scenario mentorArm, Scenario comparatorArm, CostTable costs) {
    requireNonNull(mentorArm, "mentorArm");
    requireNonNull(comparatorArm, "comparatorArm");
    requireNonNull(costs, "costs");
    checkArgument(mentorArm.mentorSupport() && !comparatorArm.mentorSupport(),
        "the first arm has mentor-mother support and the second has none");
    Simulation.compare(mentorArm, comparatorArm); // checks the arms are comparable
    return new Psa(mentorArm, comparatorArm, costs);
  }

  /**
   * The uncertain inputs (default: {@link UncertainInputs#defaults}).
   *
   * @param list the inputs, not null; names unique
   * @return this analysis
   */
  public Psa inputs(List<Uncertain> list) {
    ImmutableList<Uncertain> copy = ImmutableList.copyOf(list);
    checkArgument(copy.stream().map(Uncertain::name).distinct().count() == copy.size(), "input names must be unique");
    this.inputs = copy;
    return this;
  }

  /** The uncertain inputs. */
  public ImmutableList<Uncertain> inputs() {
    return inputs;
  }

  /**
   * Worker threads per simulation (default: the available processors). Results do not depend on it.
   *
   * @param n one or more
   * @return this analysis
   */
  public Psa threads(int n) {
    checkArgument(n > 0, "threads must be positive");
    this.threads = n;
    return this;
  }

  /** The arms at the inputs' points, priced with the base costs. */
  public CostBenefit base() {
    return CostBenefit.of(baseComparison(), costs);
  }

  /**
   * Draws every input {@code draws} times and evaluates each draw.
   *
   * @param draws the number of draws, one or more
   * @param seed the analysis seed (the arms keep their own seed, so every draw sees the same pairs)
   * @return the draws and their summaries
   */
  public PsaResult run(int draws, long seed) {
    checkArgument(draws > 0, "draws must be positive");
    ImmutableList.Builder<Draw> all = ImmutableList.builder();
    for (int d = 0; d < draws; d++) {
      SplittableRandom random = new SplittableRandom(mix(mix(seed) + d));
      Map<Uncertain, Double> values = new LinkedHashMap<>();
      for (Uncertain u : inputs) {
        values.put(u, u.quantile(random.nextDouble()));
      }
      CostBenefit cb = evaluate(values);
      ImmutableMap.Builder<String, Double> in = ImmutableMap.builder();
      values.forEach((u, v) -> in.put(u.name(), v));
      ImmutableMap.Builder<Output, Double> out = ImmutableMap.builder();
      for (Output o : Output.values()) {
        out.put(o, o.of(cb));
      }
      all.add(new Draw(d, in.build(), out.build()));
      LOG.debug("PSA draw {} of {} done", d + 1, draws);
    }
    return new PsaResult(seed, mentor.pairs(), inputs, all.build());
  }

  /**
   * The one-way analysis of the benefit-cost ratio (C26): each input at its low and its high end, the
   * others at their points.
   *
   * @return the bars, the widest swing first
   */
  public Tornado tornado() {
    return tornadoes(List.of(Output.BENEFIT_COST_RATIO)).get(0);
  }

  /**
   * One-way analyses of several outputs from the same evaluations (each input at its low and its high
   * end, the others at their points).
   *
   * @param outputs the outputs, not null, not empty
   * @return one tornado per output, in the same order
   */
  public ImmutableList<Tornado> tornadoes(List<Output> outputs) {
    checkArgument(!outputs.isEmpty(), "at least one output");
    CostBenefit at = base();
    List<CostBenefit[]> ends = new ArrayList<>();
    for (Uncertain u : inputs) {
      ends.add(new CostBenefit[] {evaluate(Map.of(u, u.low())), evaluate(Map.of(u, u.high()))});
    }
    ImmutableList.Builder<Tornado> all = ImmutableList.builder();
    for (Output o : outputs) {
      ImmutableList.Builder<Tornado.Bar> bars = ImmutableList.builder();
      for (int i = 0; i < inputs.size(); i++) {
        bars.add(new Tornado.Bar(inputs.get(i), o.of(ends.get(i)[0]), o.of(ends.get(i)[1])));
      }
      all.add(new Tornado(o, o.of(at), bars.build()));
    }
    return all.build();
  }

  /** Sets the given inputs (the others stay at their points), simulates if a scenario input moved, and prices. */
  CostBenefit evaluate(Map<Uncertain, Double> values) {
    Scenario.Builder m = mentor.toBuilder();
    Scenario.Builder c = comparator.toBuilder();
    CostTable table = costs;
    boolean scenarioChanged = false;
    for (Map.Entry<Uncertain, Double> e : values.entrySet()) {
      Uncertain u = e.getKey();
      double v = e.getValue();
      if (u.kind() == Uncertain.Kind.COST) {
        table = table.with(CostItem.byKey(u.paths().get(0)).orElseThrow(), v);
        continue;
      }
      scenarioChanged = true;
      for (String path : u.paths()) {
        double scaled = path.equals(u.paths().get(0)) ? v : (Double) mentor.values().get(path) * v / u.point();
        m.set(path, scaled);
        c.set(path, scaled);
      }
    }
    ArmComparison arms = scenarioChanged
        ? Simulation.compare(m.build(), c.build()).threads(threads).indicators(false).runComparison()
        : baseComparison();
    return CostBenefit.of(arms, table);
  }

  private ArmComparison baseComparison() {
    if (base == null) {
      base = Simulation.compare(mentor, comparator).threads(threads).indicators(false).runComparison();
    }
    return base;
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014), to seed each draw's stream. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
